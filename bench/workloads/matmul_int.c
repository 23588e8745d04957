/* Integer matrix multiply, 32×32 int32. */
#include "bench.h"

#define N 32
static int32_t a[N][N], b[N][N], c[N][N];

__attribute__((noinline)) static void matmul(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < N; k++) sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 99;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { a[i][j] = (int32_t)(bench_rand(&s) % 2001) - 1000; b[i][j] = (int32_t)(bench_rand(&s) % 2001) - 1000; }
    for (uint32_t r = 0; r < reps; r++) {
        matmul();
        uint32_t f = BENCH_FOLD_INIT;
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) f = bench_fold(f, (uint32_t)c[i][j]);
        CHECK(1, f, 0xa31fa657u);
    }
    return 0;
}
