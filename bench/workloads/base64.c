/* Base64 (RFC 4648) encoding of 3 KiB and decoding back, with the decoder rejecting bad input. */
#include "bench.h"

#define LEN 3072
static uint8_t input[LEN], decoded[LEN];
static char text[LEN / 3 * 4];
static const char alphabet[65] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static int8_t reverse[256];

static size_t encode(const uint8_t *in, size_t n, char *out) {
    size_t o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = alphabet[v >> 18]; out[o++] = alphabet[(v >> 12) & 63];
        out[o++] = alphabet[(v >> 6) & 63]; out[o++] = alphabet[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0);
        out[o++] = alphabet[v >> 18]; out[o++] = alphabet[(v >> 12) & 63];
        out[o++] = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
        out[o++] = '=';
    }
    return o;
}

/* Returns the decoded length, or -1 on a character outside the alphabet. */
static int decode(const char *in, size_t n, uint8_t *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            char ch = in[i + k];
            int d = ch == '=' ? (pad++, 0) : reverse[(uint8_t)ch];
            if (d < 0) return -1;
            v = v << 6 | (uint32_t)d;
        }
        out[o++] = (uint8_t)(v >> 16);
        if (pad < 2) out[o++] = (uint8_t)(v >> 8);
        if (pad < 1) out[o++] = (uint8_t)v;
    }
    return (int)o;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    for (int i = 0; i < 256; i++) reverse[i] = -1;
    for (int i = 0; i < 64; i++) reverse[(uint8_t)alphabet[i]] = (int8_t)i;
    char small[8];
    static const uint8_t fo[2] = {'f', 'o'};
    encode(fo, 2, small);
    CHECK(1, small[0] == 'Z' && small[1] == 'm' && small[2] == '8' && small[3] == '=', 1);
    uint32_t s = 64;
    for (int i = 0; i < LEN; i++) input[i] = (uint8_t)bench_rand(&s);
    for (uint32_t r = 0; r < reps; r++) {
        size_t n = encode(input, LEN, text);
        CHECK(2, n, LEN / 3 * 4);
        uint32_t f = BENCH_FOLD_INIT;
        for (size_t i = 0; i < n; i += 4) f = bench_fold(f, (uint32_t)(uint8_t)text[i] | (uint32_t)(uint8_t)text[i + 3] << 8);
        CHECK(3, f, 0x9aca2ca0u);
        CHECK(4, decode(text, n, decoded), LEN);
        for (int i = 0; i < LEN; i++) CHECK(5, decoded[i], input[i]);
    }
    return 0;
}
