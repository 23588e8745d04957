/* The baseline image's workload: nothing. Code and RAM of a variant are measured against this image. */
#include <stdint.h>

uint32_t bench_run(uint32_t reps) { return reps - reps; }
