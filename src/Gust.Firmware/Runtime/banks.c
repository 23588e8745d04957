/*
 * The runtime half of two-bank memories (Gust.Codegen FunctionLowerer.Banks.cs): a wasm memory larger
 * than any one RAM bank keeps bytes [0, low) at lo and [low, size) at hi. Compiled code reads and
 * writes the low bank inline and calls these for the rest: accesses that reach past the low bank or
 * the memory's size, and memory.fill / copy / init. Out of bounds traps with the caller's function
 * index, before anything is written, as the inline checks do. A one-bank memory passes hi = lo and
 * low = its window, so every byte of it is "low".
 */
#include "runtime.h"

#if GUST_RAM_BANKS
/* (start, end) pairs, one per extra RAM bank: the linker script's .gust_banks. */
extern uint32_t *const __gust_banks_start[], *const __gust_banks_end[];

void gust_zero_ram_banks(void) {
    for (uint32_t *const *r = __gust_banks_start; r < __gust_banks_end; r += 2)
        for (uint32_t *d = r[0]; d < r[1];) *d++ = 0;
}
#endif

static uint8_t *at(uint8_t *lo, uint8_t *hi, uint32_t low, uint32_t address) {
    return address < low ? lo + address : hi + (address - low);
}

/* Bytes from address on (at most n) that lie in one bank. */
static uint32_t run_up(uint32_t low, uint32_t address, uint32_t n) {
    return address < low && n > low - address ? low - address : n;
}

/* Bytes below end (at most n) that lie in one bank. */
static uint32_t run_down(uint32_t low, uint32_t end, uint32_t n) {
    return end > low && n > end - low ? end - low : n;
}

/* Inlined, so the trap names the wasm function that called the entry point. */
__attribute__((always_inline)) static inline void check(uint32_t size, uint32_t start, uint32_t n, uint32_t func) {
    if (n > size || start > size - n) GUST_TRAP_FOR_CALLER(GUST_TRAP_OUT_OF_BOUNDS_MEMORY, func);
}

/* address + offset is the effective address (33 bits); width is 1, 2, 4 or 8 bytes, little-endian. */
uint64_t gust_bank_load(uint8_t *lo, uint8_t *hi, uint32_t low, uint32_t size, uint32_t address, uint32_t offset,
                        uint32_t width, uint32_t func) {
    uint64_t effective = (uint64_t)address + offset;
    if (effective + width > size) GUST_TRAP_FOR_CALLER(GUST_TRAP_OUT_OF_BOUNDS_MEMORY, func);
    uint64_t value = 0;
    for (uint32_t i = width; i-- > 0;) value = value << 8 | *at(lo, hi, low, (uint32_t)effective + i);
    return value;
}

void gust_bank_store(uint8_t *lo, uint8_t *hi, uint32_t low, uint32_t size, uint32_t address, uint32_t offset,
                     uint32_t width, uint64_t value, uint32_t func) {
    uint64_t effective = (uint64_t)address + offset;
    if (effective + width > size) GUST_TRAP_FOR_CALLER(GUST_TRAP_OUT_OF_BOUNDS_MEMORY, func);
    for (uint32_t i = 0; i < width; i++, value >>= 8) *at(lo, hi, low, (uint32_t)effective + i) = (uint8_t)value;
}

void gust_bank_fill(uint8_t *lo, uint8_t *hi, uint32_t low, uint32_t size, uint32_t d, uint32_t value, uint32_t n,
                    uint32_t func) {
    check(size, d, n, func);
    for (uint32_t k; n > 0; d += k, n -= k) {
        k = run_up(low, d, n);
        __builtin_memset(at(lo, hi, low, d), (int)(uint8_t)value, k);
    }
}

/*
 * memory.copy as memmove: in pieces that lie in one bank at both ends. With d <= s, pieces go up
 * from the start: a piece writes only below the sources of the pieces after it. With d > s they go
 * down from the end, symmetrically. Two different memories never overlap, so either order works.
 */
void gust_bank_copy(uint8_t *dlo, uint8_t *dhi, uint32_t dlow, uint32_t dsize, uint32_t d,
                    uint8_t *slo, uint8_t *shi, uint32_t slow, uint32_t ssize, uint32_t s, uint32_t n, uint32_t func) {
    check(dsize, d, n, func);
    check(ssize, s, n, func);
    if (d <= s) {
        for (uint32_t k; n > 0; d += k, s += k, n -= k) {
            k = run_up(dlow, d, n);
            k = run_up(slow, s, k);
            __builtin_memmove(at(dlo, dhi, dlow, d), at(slo, shi, slow, s), k);
        }
    } else {
        for (uint32_t k; n > 0; n -= k) {
            k = run_down(dlow, d + n, n);
            k = run_down(slow, s + n, k);
            __builtin_memmove(at(dlo, dhi, dlow, d + n - k), at(slo, shi, slow, s + n - k), k);
        }
    }
}

/* memory.init and active data segments: bytes [s, s + n) of a segment of length bytes. */
void gust_bank_init(uint8_t *lo, uint8_t *hi, uint32_t low, uint32_t size, uint32_t d, const uint8_t *data,
                    uint32_t length, uint32_t s, uint32_t n, uint32_t func) {
    check(length, s, n, func);
    check(size, d, n, func);
    for (uint32_t k; n > 0; d += k, s += k, n -= k) {
        k = run_up(low, d, n);
        __builtin_memcpy(at(lo, hi, low, d), data + s, k);
    }
}
