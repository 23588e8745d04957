/* Huffman coding: frequencies, tree, canonical code lengths, encoding 4 KiB of skewed bytes and decoding back. */
#include "bench.h"

#define LEN 4096
#define SYMBOLS 256
static uint8_t input[LEN], output[LEN], bits[LEN * 2];
static uint32_t freq[SYMBOLS], code[SYMBOLS];
static uint8_t length[SYMBOLS];
/* Tree nodes: leaves 0..255, inner nodes 256..510. */
static uint32_t weight[2 * SYMBOLS];
static int16_t parent[2 * SYMBOLS], left[2 * SYMBOLS], right[2 * SYMBOLS];
static uint8_t used[2 * SYMBOLS];

static int lightest(int count) {
    int best = -1;
    for (int i = 0; i < count; i++)
        if (!used[i] && weight[i] && (best < 0 || weight[i] < weight[best])) best = i;
    return best;
}

/* Returns the root node. */
static int build_tree(void) {
    int count = SYMBOLS;
    for (int i = 0; i < 2 * SYMBOLS; i++) { weight[i] = i < SYMBOLS ? freq[i] : 0; used[i] = 0; parent[i] = -1; }
    for (;;) {
        int a = lightest(count);
        used[a] = 1;
        int b = lightest(count);
        if (b < 0) return a;
        used[b] = 1;
        weight[count] = weight[a] + weight[b];
        left[count] = (int16_t)a; right[count] = (int16_t)b;
        parent[a] = parent[b] = (int16_t)count;
        count++;
    }
}

/* Canonical codes from the lengths, assigned in (length, symbol) order. */
static void assign_codes(void) {
    uint32_t next = 0;
    for (int len = 1; len <= 32; len++) {
        for (int s = 0; s < SYMBOLS; s++) if (length[s] == len) code[s] = next++;
        next <<= 1;
    }
}

static size_t encode(void) {
    size_t bit = 0;
    for (int i = 0; i < LEN * 2; i++) bits[i] = 0;
    for (int i = 0; i < LEN; i++) {
        uint8_t s = input[i];
        for (int k = length[s] - 1; k >= 0; k--, bit++)
            if ((code[s] >> k) & 1) bits[bit >> 3] |= (uint8_t)(0x80 >> (bit & 7));
    }
    return bit;
}

/* Decodes by walking a tree rebuilt from the canonical codes. */
static int16_t dtree[2 * SYMBOLS][2];
static void decode(void) {
    int nodes = 1;
    dtree[0][0] = dtree[0][1] = 0;
    for (int s = 0; s < SYMBOLS; s++) {
        if (!length[s]) continue;
        int n = 0;
        for (int k = length[s] - 1; k > 0; k--) {
            int b = (code[s] >> k) & 1;
            if (!dtree[n][b]) { dtree[nodes][0] = dtree[nodes][1] = 0; dtree[n][b] = (int16_t)nodes++; }
            n = dtree[n][b];
        }
        dtree[n][code[s] & 1] = (int16_t)(-1 - s);
    }
    size_t bit = 0;
    for (int i = 0; i < LEN; i++) {
        int n = 0;
        for (;;) {
            int b = (bits[bit >> 3] >> (7 - (bit & 7))) & 1;
            bit++;
            int next = dtree[n][b];
            if (next < 0) { output[i] = (uint8_t)(-1 - next); break; }
            n = next;
        }
    }
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 1;
    for (int i = 0; i < LEN; i++) {
        uint32_t x = bench_rand(&s);
        input[i] = (uint8_t)((x & 0xF) < 12 ? 'a' + (x >> 8) % 8 : x >> 16); /* skewed: mostly 8 letters */
    }
    for (uint32_t r = 0; r < reps; r++) {
        for (int i = 0; i < SYMBOLS; i++) freq[i] = 0;
        for (int i = 0; i < LEN; i++) freq[input[i]]++;
        int root = build_tree();
        for (int i = 0; i < SYMBOLS; i++) {
            length[i] = 0;
            if (freq[i]) for (int n = i; n != root; n = parent[n]) length[i]++;
        }
        assign_codes();
        size_t n = encode();
        CHECK(1, n, 0x00004ff7u);
        decode();
        for (int i = 0; i < LEN; i++) CHECK(2, output[i], input[i]);
    }
    return 0;
}
