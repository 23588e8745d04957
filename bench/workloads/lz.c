/* LZ77-style compression (hash of 4 bytes, greedy matches, LZ4-like tokens) of 4 KiB of text-like data, and decompression. */
#include "bench.h"

#define LEN 4096
#define HASH_BITS 10
static uint8_t input[LEN], packed[LEN + LEN / 16 + 16], output[LEN];
static uint16_t head[1 << HASH_BITS];

static uint32_t read32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint32_t hash4(const uint8_t *p) { return (read32(p) * 2654435761u) >> (32 - HASH_BITS); }

static uint8_t *put_length(uint8_t *o, size_t n) {
    for (; n >= 255; n -= 255) *o++ = 255;
    *o++ = (uint8_t)n;
    return o;
}

/* Token: literal count (4 bits) and match length − 4 (4 bits), extra length bytes, literals, 16-bit offset. */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
    for (int i = 0; i < (1 << HASH_BITS); i++) head[i] = 0xFFFF;
    uint8_t *o = out;
    size_t i = 0, anchor = 0;
    while (i + 4 <= n) {
        uint32_t h = hash4(in + i);
        size_t candidate = head[h];
        head[h] = (uint16_t)i;
        if (candidate == 0xFFFF || read32(in + candidate) != read32(in + i)) { i++; continue; }
        size_t match = 4;
        while (i + match < n && in[candidate + match] == in[i + match]) match++;
        size_t literals = i - anchor;
        uint8_t *token = o++;
        *token = (uint8_t)((literals < 15 ? literals : 15) << 4 | (match - 4 < 15 ? match - 4 : 15));
        if (literals >= 15) o = put_length(o, literals - 15);
        for (size_t k = 0; k < literals; k++) *o++ = in[anchor + k];
        *o++ = (uint8_t)(i - candidate); *o++ = (uint8_t)((i - candidate) >> 8);
        if (match - 4 >= 15) o = put_length(o, match - 4 - 15);
        i += match;
        anchor = i;
    }
    size_t literals = n - anchor;
    *o++ = (uint8_t)((literals < 15 ? literals : 15) << 4);
    if (literals >= 15) o = put_length(o, literals - 15);
    for (size_t k = 0; k < literals; k++) *o++ = in[anchor + k];
    return (size_t)(o - out);
}

/* Returns the decompressed length, or (size_t)-1 when the stream is malformed. */
static size_t decompress(const uint8_t *in, size_t n, uint8_t *out, size_t capacity) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t token = in[i++];
        size_t literals = token >> 4;
        if (literals == 15) { uint8_t b; do { if (i >= n) return (size_t)-1; b = in[i++]; literals += b; } while (b == 255); }
        if (i + literals > n || o + literals > capacity) return (size_t)-1;
        for (size_t k = 0; k < literals; k++) out[o++] = in[i++];
        if (i == n) break;
        if (i + 2 > n) return (size_t)-1;
        size_t offset = in[i] | (size_t)in[i + 1] << 8;
        i += 2;
        size_t match = (token & 15) + 4;
        if ((token & 15) == 15) { uint8_t b; do { if (i >= n) return (size_t)-1; b = in[i++]; match += b; } while (b == 255); }
        if (offset == 0 || offset > o || o + match > capacity) return (size_t)-1;
        for (size_t k = 0; k < match; k++, o++) out[o] = out[o - offset];
    }
    return o;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    static const char *const words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ", "and ", "runs ", "away. "};
    uint32_t s = 17;
    for (int i = 0; i < LEN;) {
        uint32_t x = bench_rand(&s);
        if ((x & 7) == 0) input[i++] = (uint8_t)(x >> 8); /* noise */
        else for (const char *w = words[(x >> 8) % 11]; *w && i < LEN; w++) input[i++] = (uint8_t)*w;
    }
    for (uint32_t r = 0; r < reps; r++) {
        size_t n = compress(input, LEN, packed);
        CHECK(1, n, 0x0000090bu);
        CHECK(2, decompress(packed, n, output, LEN), LEN);
        for (int i = 0; i < LEN; i++) CHECK(3, output[i], input[i]);
    }
    return 0;
}
