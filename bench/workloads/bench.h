/*
 * What every workload shares: the entry point, a deterministic generator for inputs, and the
 * self-check. Freestanding C only: the same source is built by gcc for the boards, by clang for
 * wasm32 (no libc there), and by the host compiler to print the expected values (BENCH_HOST).
 */
#ifndef BENCH_H
#define BENCH_H
#include <stddef.h>
#include <stdint.h>

#ifdef __wasm__
#define BENCH_EXPORT __attribute__((export_name("bench_run")))
#else
#define BENCH_EXPORT
#endif

/* Runs the workload `reps` times; 0 when every self-check passed, else the number of the failed check. */
BENCH_EXPORT uint32_t bench_run(uint32_t reps);

/* Inputs come from xorshift32 at run time, so no compiler can fold the work away. */
static inline uint32_t bench_rand(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* FNV-1a over 32-bit words: folds a result into one value to compare. */
static inline uint32_t bench_fold(uint32_t hash, uint32_t word) {
    for (int i = 0; i < 4; i++) hash = (hash ^ ((word >> (8 * i)) & 0xFF)) * 16777619u;
    return hash;
}
#define BENCH_FOLD_INIT 2166136261u

/* Every rep must reproduce the expected value; the host build prints what it got instead and goes on. */
#ifdef BENCH_HOST
#include <stdio.h>
#define CHECK(id, value, expected)                                                                        \
    do {                                                                                                  \
        uint32_t got_ = (uint32_t)(value);                                                                \
        if (got_ != (uint32_t)(expected)) {                                                               \
            printf("%s check %d: got 0x%08xu, expected 0x%08xu\n", __FILE__, id, got_, (uint32_t)(expected)); \
        }                                                                                                 \
    } while (0)
#else
#define CHECK(id, value, expected) \
    do {                           \
        if ((uint32_t)(value) != (uint32_t)(expected)) return id; \
    } while (0)
#endif

#endif
