/* AES-128 (FIPS 197) ECB encryption and decryption of 512 bytes, byte-oriented (no T-tables). */
#include "bench.h"

static uint8_t sbox[256], inv_sbox[256];

static uint8_t xtime(uint8_t x) { return (uint8_t)((x << 1) ^ ((x & 0x80) ? 0x1B : 0)); }

static uint8_t mul(uint8_t a, uint8_t b) {
    uint8_t p = 0;
    while (b) {
        if (b & 1) p ^= a;
        a = xtime(a);
        b >>= 1;
    }
    return p;
}

/* The S-box from its definition (inverse in GF(2^8) through powers of the generator 3, then the
 * affine map), so no table is copied in. */
static void make_sbox(void) {
    uint8_t exp[256], log[256];
    uint8_t x = 1;
    for (int i = 0; i < 255; i++) { exp[i] = x; log[x] = (uint8_t)i; x ^= xtime(x); }
    for (int v = 0; v < 256; v++) {
        uint8_t inv = v ? exp[(255 - log[v]) % 255] : 0;
        uint8_t s = inv;
        for (int i = 1; i < 5; i++) s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
        sbox[v] = s ^ 0x63;
        inv_sbox[s ^ 0x63] = (uint8_t)v;
    }
}

static void expand_key(const uint8_t key[16], uint8_t rk[176]) {
    uint8_t rcon = 1;
    for (int i = 0; i < 16; i++) rk[i] = key[i];
    for (int i = 16; i < 176; i += 4) {
        uint8_t t[4] = {rk[i - 4], rk[i - 3], rk[i - 2], rk[i - 1]};
        if (i % 16 == 0) {
            uint8_t u = t[0];
            t[0] = sbox[t[1]] ^ rcon; t[1] = sbox[t[2]]; t[2] = sbox[t[3]]; t[3] = sbox[u];
            rcon = xtime(rcon);
        }
        for (int k = 0; k < 4; k++) rk[i + k] = rk[i - 16 + k] ^ t[k];
    }
}

static void encrypt_block(const uint8_t rk[176], uint8_t s[16]) {
    for (int i = 0; i < 16; i++) s[i] ^= rk[i];
    for (int round = 1; round <= 10; round++) {
        uint8_t t[16];
        for (int i = 0; i < 16; i++) t[i] = sbox[s[(i + 4 * (i % 4)) % 16]]; /* SubBytes + ShiftRows */
        if (round < 10) {
            for (int c = 0; c < 4; c++) {
                uint8_t *col = t + 4 * c, a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3], all = a0 ^ a1 ^ a2 ^ a3;
                col[0] ^= all ^ xtime(a0 ^ a1); col[1] ^= all ^ xtime(a1 ^ a2);
                col[2] ^= all ^ xtime(a2 ^ a3); col[3] ^= all ^ xtime(a3 ^ a0);
            }
        }
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ rk[16 * round + i];
    }
}

static void decrypt_block(const uint8_t rk[176], uint8_t s[16]) {
    for (int i = 0; i < 16; i++) s[i] ^= rk[160 + i];
    for (int round = 9; round >= 0; round--) {
        uint8_t t[16];
        for (int i = 0; i < 16; i++) t[(i + 4 * (i % 4)) % 16] = inv_sbox[s[i]]; /* InvShiftRows + InvSubBytes */
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ rk[16 * round + i];
        if (round > 0) {
            for (int c = 0; c < 4; c++) {
                uint8_t *col = s + 4 * c, a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
                col[0] = mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9);
                col[1] = mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13);
                col[2] = mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11);
                col[3] = mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14);
            }
        }
    }
}

#define LEN 512
static uint8_t plain[LEN], buf[LEN], rk[176];

static uint32_t fold_bytes(const uint8_t *p, size_t n) {
    uint32_t f = BENCH_FOLD_INIT;
    for (size_t i = 0; i < n; i += 4) f = bench_fold(f, (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24);
    return f;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    make_sbox();
    uint8_t key[16], block[16];
    for (int i = 0; i < 16; i++) { key[i] = (uint8_t)i; block[i] = (uint8_t)(0x11 * i); }
    expand_key(key, rk);
    encrypt_block(rk, block); /* FIPS 197 appendix C.1 */
    CHECK(1, fold_bytes(block, 16), 0x4a30eaa4u);
    CHECK(2, block[0] << 24 | block[1] << 16 | block[2] << 8 | block[3], 0x69c4e0d8u);
    uint32_t s = 4242;
    for (int i = 0; i < LEN; i++) plain[i] = (uint8_t)bench_rand(&s);
    for (uint32_t r = 0; r < reps; r++) {
        for (int i = 0; i < LEN; i++) buf[i] = plain[i];
        for (int i = 0; i < LEN; i += 16) encrypt_block(rk, buf + i);
        CHECK(3, fold_bytes(buf, LEN), 0xab67cd04u);
        for (int i = 0; i < LEN; i += 16) decrypt_block(rk, buf + i);
        for (int i = 0; i < LEN; i++) CHECK(4, buf[i], plain[i]);
    }
    return 0;
}
