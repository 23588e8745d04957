/* Host check of a workload (development aid): prints the values its checks see. */
#include <stdio.h>
#include "bench.h"
int main(void) {
    uint32_t r = bench_run(2);
    printf("bench_run(2) = %u\n", r);
    return r != 0;
}
