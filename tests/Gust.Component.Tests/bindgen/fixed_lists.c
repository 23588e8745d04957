#include "fixed_lists.h"

fixed_lists_array4_u8_t exports_fixed_lists_vectors_get_ipv4_address(void) {
    fixed_lists_array4_u8_t r = { { 192, 168, 0, 1 } };
    return r;
}

float exports_fixed_lists_vectors_dot(fixed_lists_array3_f32_t a, fixed_lists_array3_f32_t b) {
    return a.elems[0] * b.elems[0] + a.elems[1] * b.elems[1] + a.elems[2] * b.elems[2];
}

fixed_lists_array2_array2_f64_t exports_fixed_lists_vectors_transpose(fixed_lists_array2_array2_f64_t m) {
    fixed_lists_array2_array2_f64_t r;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) r.elems[i].elems[j] = m.elems[j].elems[i];
    return r;
}
