/* Quicksort (Hoare partition, median of three, insertion sort below 12) of 2048 int32. */
#include "bench.h"

#define LEN 2048
static int32_t data[LEN];

static void insertion(int32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(int32_t *a, int n) {
    while (n > 12) {
        int32_t x = a[0], y = a[n / 2], z = a[n - 1];
        int32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = -1, j = n;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            int32_t t = a[i]; a[i] = a[j]; a[j] = t;
        }
        /* Recurse into the smaller half, loop on the larger: the stack stays O(log n). */
        if (j + 1 < n - j - 1) { quicksort(a, j + 1); a += j + 1; n -= j + 1; }
        else { quicksort(a + j + 1, n - j - 1); n = j + 1; }
    }
    insertion(a, n);
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    for (uint32_t r = 0; r < reps; r++) {
        uint32_t s = 5, sum = 0;
        for (int i = 0; i < LEN; i++) sum += (uint32_t)(data[i] = (int32_t)bench_rand(&s));
        quicksort(data, LEN);
        uint32_t after = 0;
        for (int i = 0; i < LEN; i++) {
            after += (uint32_t)data[i];
            if (i && data[i - 1] > data[i]) return 1;
        }
        CHECK(2, after, sum);
        CHECK(3, (uint32_t)data[LEN / 2], 0x00b988f1u);
    }
    return 0;
}
