/* Single-precision matrix multiply, 16×16 (soft float on both boards). */
#include "bench.h"

#define N 16
static float a[N][N], b[N][N], c[N][N];

__attribute__((noinline)) static void matmul(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            float sum = 0.0f;
            for (int k = 0; k < N; k++) sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
}

static uint32_t bits(float f) { union { float f; uint32_t u; } x = {f}; return x.u; }

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 31337;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (float)((int32_t)(bench_rand(&s) % 20001) - 10000) / 1000.0f;
            b[i][j] = (float)((int32_t)(bench_rand(&s) % 20001) - 10000) / 3000.0f;
        }
    for (uint32_t r = 0; r < reps; r++) {
        matmul();
        uint32_t f = BENCH_FOLD_INIT;
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) f = bench_fold(f, bits(c[i][j]));
        CHECK(1, f, 0x9b1b023bu);
    }
    return 0;
}
