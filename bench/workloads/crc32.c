/* CRC-32 (IEEE 802.3, reflected, table-driven) over an 8 KiB buffer. */
#include "bench.h"

#define LEN 8192
static uint32_t table[256];
static uint8_t data[LEN];
uint32_t crc_sink;

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

__attribute__((noinline)) static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    while (n--) c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    make_table();
    static const uint8_t check[9] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    CHECK(1, crc32(check, 9), 0xCBF43926u);
    uint32_t s = 12345;
    for (int i = 0; i < LEN; i++) data[i] = (uint8_t)bench_rand(&s);
    for (uint32_t r = 0; r < reps; r++) {
        crc_sink = crc32(data, LEN);
        CHECK(2, crc_sink, 0x72e84649u);
    }
    return 0;
}
