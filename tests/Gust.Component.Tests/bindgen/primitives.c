#include "primitives.h"

/* Each export passes its argument through the imported function of the same name, then changes it once more. */
bool exports_primitives_numbers_echo_bool(bool x) { return !primitives_numbers_echo_bool(x); }
int8_t exports_primitives_numbers_echo_s8(int8_t x) { return primitives_numbers_echo_s8(x) - 1; }
uint8_t exports_primitives_numbers_echo_u8(uint8_t x) { return primitives_numbers_echo_u8(x) + 1; }
int16_t exports_primitives_numbers_echo_s16(int16_t x) { return primitives_numbers_echo_s16(x) - 1; }
uint16_t exports_primitives_numbers_echo_u16(uint16_t x) { return primitives_numbers_echo_u16(x) + 1; }
int32_t exports_primitives_numbers_echo_s32(int32_t x) { return primitives_numbers_echo_s32(x) - 1; }
uint32_t exports_primitives_numbers_echo_u32(uint32_t x) { return primitives_numbers_echo_u32(x) + 1; }
int64_t exports_primitives_numbers_echo_s64(int64_t x) { return primitives_numbers_echo_s64(x) - 1; }
uint64_t exports_primitives_numbers_echo_u64(uint64_t x) { return primitives_numbers_echo_u64(x) + 1; }
float exports_primitives_numbers_echo_f32(float x) { return primitives_numbers_echo_f32(x) * 2; }
double exports_primitives_numbers_echo_f64(double x) { return primitives_numbers_echo_f64(x) * 2; }
uint32_t exports_primitives_numbers_echo_char(uint32_t x) { return primitives_numbers_echo_char(x) + 1; }

double exports_primitives_numbers_sum_all(int8_t a, uint8_t b, int16_t c, uint16_t d, int32_t e, uint32_t f, int64_t g, uint64_t h, float i, double j) {
    return primitives_numbers_sum_all(a, b, c, d, e, f, g, h, i, j) + a + b + c + d + e + f + g + (double)h + i + j;
}
