#include "records.h"

double exports_records_shapes_area(records_shapes_rect_t r) {
    return r.size.x * r.size.y;
}

records_shapes_rect_t exports_records_shapes_translate(records_shapes_rect_t r, records_shapes_point_t by) {
    r.origin.x += by.x;
    r.origin.y += by.y;
    return r;
}

static void append(records_string_t *out, const uint8_t *s, size_t n) {
    for (size_t i = 0; i < n; i++) out->ptr[out->len++] = s[i];
}

/* "<nickname or name> <age> <id> [tag,tag…] <height*10>" */
records_string_t exports_records_shapes_greet(records_shapes_person_t p) {
    records_string_t r = { records_alloc(256, 1), 0 };
    records_string_t who = p.nickname.is_some ? p.nickname.val : p.name;
    append(&r, who.ptr, who.len);
    uint8_t num[24];
    uint64_t values[3] = { p.age, p.id, (uint64_t)(p.height * 10) };
    for (int v = 0; v < 3; v++) {
        size_t n = 0;
        uint64_t x = values[v];
        do { num[sizeof num - 1 - n++] = '0' + x % 10; x /= 10; } while (x);
        append(&r, (const uint8_t *)" ", 1);
        append(&r, num + sizeof num - n, n);
        if (v == 1) {
            append(&r, (const uint8_t *)" [", 2);
            for (size_t i = 0; i < p.tags.len; i++) {
                if (i) append(&r, (const uint8_t *)",", 1);
                append(&r, p.tags.ptr[i].ptr, p.tags.ptr[i].len);
            }
            append(&r, (const uint8_t *)"]", 1);
        }
    }
    return r;
}
