#include "spill.h"

/* The host's combination, with every field then incremented. */
spill_wide_big_t exports_spill_wide_combine(spill_wide_big_t x, spill_wide_big_t y) {
    spill_wide_big_t r = spill_wide_combine(x, y);
    r.a++; r.b++; r.c++; r.d++; r.e++; r.f++; r.g++; r.h++; r.i += 1;
    return r;
}

/* The host's sum plus one, and its string. */
spill_tuple2_u32_string_t exports_spill_wide_sum17(uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint8_t e, uint8_t f, uint8_t g, uint8_t h,
        uint8_t i, uint8_t j, uint8_t k, uint8_t l, uint8_t m, uint8_t n, uint8_t o, uint8_t p, spill_string_t q) {
    spill_tuple2_u32_string_t r = spill_wide_sum17(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q);
    r.f0 += 1;
    return r;
}
