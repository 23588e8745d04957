#include "variants.h"

variants_string_t exports_variants_shapes_describe(variants_shapes_shape_t s) {
    variants_string_t r;
    switch (s.tag) {
    case VARIANTS_SHAPES_SHAPE_CIRCLE:
        variants_string_set(&r, s.val.circle > 1.0f ? "big circle" : "small circle");
        break;
    case VARIANTS_SHAPES_SHAPE_SQUARE:
        variants_string_set(&r, s.val.square == 7 ? "square 7" : "square");
        break;
    case VARIANTS_SHAPES_SHAPE_POLYGON: {
        variants_string_dup(&r, "polygon n=? sum=??");
        r.ptr[10] = '0' + s.val.polygon.len;
        int32_t sum = 0;
        for (size_t i = 0; i < s.val.polygon.len; i++) sum += s.val.polygon.ptr[i].x + s.val.polygon.ptr[i].y;
        r.ptr[16] = '0' + sum / 10;
        r.ptr[17] = '0' + sum % 10;
        break;
    }
    default:
        variants_string_set(&r, "nothing");
        break;
    }
    return r;
}

/* "i<digits>" → int(-n); "f" → float(len / 4); "p<c>" → pair(len, c); anything else → text. */
variants_shapes_parsed_t exports_variants_shapes_parse(variants_string_t s) {
    variants_shapes_parsed_t r;
    if (s.len > 0 && s.ptr[0] == 'i') {
        int64_t n = 0;
        for (size_t i = 1; i < s.len; i++) n = n * 10 + (s.ptr[i] - '0');
        r.tag = VARIANTS_SHAPES_PARSED_INT;
        r.val.int_ = -n;
    } else if (s.len > 0 && s.ptr[0] == 'f') {
        r.tag = VARIANTS_SHAPES_PARSED_FLOAT;
        r.val.float_ = s.len / 4.0;
    } else if (s.len == 2 && s.ptr[0] == 'p') {
        r.tag = VARIANTS_SHAPES_PARSED_PAIR;
        r.val.pair.f0 = (uint8_t)s.len;
        r.val.pair.f1 = s.ptr[1];
    } else {
        r.tag = VARIANTS_SHAPES_PARSED_TEXT;
        r.val.text = s;
    }
    return r;
}
