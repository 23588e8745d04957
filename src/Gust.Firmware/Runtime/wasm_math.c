/*
 * ceil, floor, trunc and nearest (round half to even) with wasm's exact results (spec 4.3.3).
 * Measured: picolibc's rv32 truncf and ceil return wrong values for large inputs, and newlib's
 * truncf hands back a signalling NaN unquieted; these bit-level versions (after musl) are exact on
 * both. A NaN comes back quieted (x + x), as wasm requires an arithmetic NaN.
 */
#include <stdint.h>

typedef union { float f; uint32_t i; } f32_bits;
typedef union { double f; uint64_t i; } f64_bits;

/* Rounds |x| < 2^mantissa towards zero (trunc), down (floor) or up (ceil) by clearing fraction bits. */
enum rounding { TOWARD_ZERO, DOWN, UP };

static float round_f32(float x, enum rounding mode) {
    f32_bits u = {x};
    int e = (int)((u.i >> 23) & 0xFF) - 0x7F;
    uint32_t negative = u.i >> 31;
    if (e >= 23) return x != x ? x + x : x; /* integral, infinite or NaN */
    if (e < 0) {                              /* |x| < 1 */
        if ((u.i << 1) == 0) return x;        /* ±0 */
        if (mode == DOWN && negative) return -1.0f;
        if (mode == UP && !negative) return 1.0f;
        u.i &= 0x80000000u;
        return u.f;
    }
    uint32_t m = 0x007FFFFFu >> e;
    if ((u.i & m) == 0) return x;
    if ((mode == DOWN && negative) || (mode == UP && !negative)) u.i += m;
    u.i &= ~m;
    return u.f;
}

static double round_f64(double x, enum rounding mode) {
    f64_bits u = {x};
    int e = (int)((u.i >> 52) & 0x7FF) - 0x3FF;
    uint64_t negative = u.i >> 63;
    if (e >= 52) return x != x ? x + x : x;
    if (e < 0) {
        if ((u.i << 1) == 0) return x;
        if (mode == DOWN && negative) return -1.0;
        if (mode == UP && !negative) return 1.0;
        u.i &= 0x8000000000000000ull;
        return u.f;
    }
    uint64_t m = 0x000FFFFFFFFFFFFFull >> e;
    if ((u.i & m) == 0) return x;
    if ((mode == DOWN && negative) || (mode == UP && !negative)) u.i += m;
    u.i &= ~m;
    return u.f;
}

float gust_f32_trunc(float x) { return round_f32(x, TOWARD_ZERO); }
float gust_f32_floor(float x) { return round_f32(x, DOWN); }
float gust_f32_ceil(float x) { return round_f32(x, UP); }
double gust_f64_trunc(double x) { return round_f64(x, TOWARD_ZERO); }
double gust_f64_floor(double x) { return round_f64(x, DOWN); }
double gust_f64_ceil(double x) { return round_f64(x, UP); }

/*
 * Adding and subtracting 2^23 (2^52) rounds to an integer in the default rounding mode, which is
 * round half to even; the sign of a zero result is the sign of x.
 */
float gust_f32_nearest(float x) {
    f32_bits u = {x};
    int e = (int)((u.i >> 23) & 0xFF);
    if (e >= 0x7F + 23) return x != x ? x + x : x;
    volatile float big = 0x1p23f; /* volatile: keep the compiler from folding (x + big) - big to x */
    float y = (u.i >> 31) ? (x - big) + big : (x + big) - big;
    if (y == 0) return (u.i >> 31) ? -0.0f : 0.0f;
    return y;
}

double gust_f64_nearest(double x) {
    f64_bits u = {x};
    int e = (int)((u.i >> 52) & 0x7FF);
    if (e >= 0x3FF + 52) return x != x ? x + x : x;
    volatile double big = 0x1p52;
    double y = (u.i >> 63) ? (x - big) + big : (x + big) - big;
    if (y == 0) return (u.i >> 63) ? -0.0 : 0.0;
    return y;
}
