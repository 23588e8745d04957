#include "tuples.h"

tuples_tuple2_string_u32_t exports_tuples_pairs_swap(tuples_tuple2_u32_string_t p) {
    tuples_tuple2_string_u32_t r = { p.f1, p.f0 };
    return r;
}

tuples_tuple3_u8_f64_bool_t exports_tuples_pairs_triple(tuples_tuple3_u8_f64_bool_t t) {
    t.f0++;
    t.f1 *= 2;
    t.f2 = !t.f2;
    return t;
}

tuples_tuple1_s64_t exports_tuples_pairs_single(tuples_tuple1_s64_t t) {
    t.f0 = -t.f0;
    return t;
}

uint32_t exports_tuples_pairs_nested(tuples_tuple2_tuple2_u16_u16_tuple2_char_string_t t) {
    return t.f0.f0 + t.f0.f1 + t.f1.f0 + (uint32_t)t.f1.f1.len;
}
