/* AES-128 (FIPS 197) ECB encryption and decryption of 512 bytes, byte-oriented (no T-tables, xtime chains). */
#include "bench.h"

static uint8_t sbox[256], inv_sbox[256];

static uint8_t xtime(uint8_t x) { return (uint8_t)((x << 1) ^ ((x & 0x80) ? 0x1B : 0)); }

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

/* ShiftRows as a permutation: state byte i comes from byte shift[i]. */
static const uint8_t shift[16] = {0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11};

static void encrypt_block(const uint8_t rk[176], uint8_t s[16]) {
    for (int i = 0; i < 16; i++) s[i] ^= rk[i];
    for (int round = 1; round <= 10; round++) {
        uint8_t t[16];
        for (int i = 0; i < 16; i++) t[i] = sbox[s[shift[i]]]; /* SubBytes + ShiftRows */
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
        for (int i = 0; i < 16; i++) t[shift[i]] = inv_sbox[s[i]]; /* InvShiftRows + InvSubBytes */
        for (int i = 0; i < 16; i++) s[i] = t[i] ^ rk[16 * round + i];
        if (round > 0) {
            for (int c = 0; c < 4; c++) { /* InvMixColumns: 9, 11, 13, 14 as xtime chains */
                uint8_t *col = s + 4 * c, a[4], x2[4], x4[4], x8[4];
                for (int k = 0; k < 4; k++) { a[k] = col[k]; x2[k] = xtime(a[k]); x4[k] = xtime(x2[k]); x8[k] = xtime(x4[k]); }
                for (int k = 0; k < 4; k++) {
                    int k1 = (k + 1) & 3, k2 = (k + 2) & 3, k3 = (k + 3) & 3;
                    col[k] = (uint8_t)((x8[k] ^ x4[k] ^ x2[k]) ^ (x8[k1] ^ x2[k1] ^ a[k1]) ^ (x8[k2] ^ x4[k2] ^ a[k2]) ^ (x8[k3] ^ a[k3]));
                }
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
