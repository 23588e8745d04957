/* COBS framing (Consistent Overhead Byte Stuffing) of 4 KiB with runs of zeros, and unstuffing. */
#include "bench.h"

#define LEN 4096
static uint8_t input[LEN], framed[LEN + LEN / 254 + 2], output[LEN];

static size_t cobs_encode(const uint8_t *in, size_t n, uint8_t *out) {
    size_t code_at = 0, o = 1;
    uint8_t code = 1;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == 0) {
            out[code_at] = code; code_at = o++; code = 1;
        } else {
            out[o++] = in[i];
            if (++code == 0xFF) { out[code_at] = code; code_at = o++; code = 1; }
        }
    }
    out[code_at] = code;
    return o;
}

/* Returns the decoded length, or (size_t)-1 when the frame is malformed. */
static size_t cobs_decode(const uint8_t *in, size_t n, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t code = in[i++];
        if (code == 0 || i + code - 1 > n) return (size_t)-1;
        for (int k = 1; k < code; k++) out[o++] = in[i++];
        if (code != 0xFF && i < n) out[o++] = 0;
    }
    return o;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 11;
    for (int i = 0; i < LEN; i++) {
        uint32_t x = bench_rand(&s);
        input[i] = (x & 0x300) == 0 ? 0 : (uint8_t)x; /* about a quarter zeros */
        if (i >= 1000 && i < 1600) input[i] = (uint8_t)(i | 1); /* one long run with no zero */
    }
    for (uint32_t r = 0; r < reps; r++) {
        size_t n = cobs_encode(input, LEN, framed);
        for (size_t i = 0; i < n; i++) if (framed[i] == 0) return 1;
        uint32_t f = BENCH_FOLD_INIT;
        for (size_t i = 0; i + 3 < n; i += 4) f = bench_fold(f, (uint32_t)framed[i] | (uint32_t)framed[i + 1] << 8 | (uint32_t)framed[i + 2] << 16 | (uint32_t)framed[i + 3] << 24);
        CHECK(2, f, 0xb8c05793u);
        CHECK(3, cobs_decode(framed, n, output), LEN);
        for (int i = 0; i < LEN; i++) CHECK(4, output[i], input[i]);
    }
    return 0;
}
