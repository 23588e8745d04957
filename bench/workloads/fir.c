/* Fixed-point (Q15) FIR filter, 32 taps over 2048 samples, with saturation. */
#include "bench.h"

#define TAPS 32
#define LEN 2048
static int16_t coeff[TAPS], input[LEN + TAPS], output[LEN];

__attribute__((noinline)) static void fir(void) {
    for (int n = 0; n < LEN; n++) {
        int32_t acc = 1 << 14;
        for (int k = 0; k < TAPS; k++) acc += (int32_t)coeff[k] * input[n + k];
        acc >>= 15;
        output[n] = (int16_t)(acc > 32767 ? 32767 : acc < -32768 ? -32768 : acc);
    }
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 2024;
    for (int k = 0; k < TAPS; k++) coeff[k] = (int16_t)((int32_t)(bench_rand(&s) % 4001) - 2000);
    for (int n = 0; n < LEN + TAPS; n++) input[n] = (int16_t)bench_rand(&s);
    for (uint32_t r = 0; r < reps; r++) {
        fir();
        uint32_t f = BENCH_FOLD_INIT;
        for (int n = 0; n < LEN; n += 2) f = bench_fold(f, (uint16_t)output[n] | (uint32_t)(uint16_t)output[n + 1] << 16);
        CHECK(1, f, 0x628cb905u);
    }
    return 0;
}
