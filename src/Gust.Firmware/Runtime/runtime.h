/* The firmware runtime under compiled wasm: console, exit, trap reports. Freestanding C. */
#ifndef GUST_RUNTIME_H
#define GUST_RUNTIME_H
#include <stdint.h>

void gust_uart_init(void);
void gust_putc(char c);
void gust_puts(const char *s);
void gust_put_hex(uint64_t value, int digits);
void gust_put_dec(uint32_t value);
__attribute__((noreturn)) void gust_exit(int status);
__attribute__((noreturn)) void gust_fault(const char *what, uint32_t cause, uint32_t address);
/* Every wasm trap: a report line with the trap kind (TrapKind.cs) and the function index. */
__attribute__((noreturn)) void gust_trap(uint32_t kind, uint32_t func);

/* Runs fn; a wasm trap inside it is reported and returns here: 0 if none, else 1 + the trap kind. */
uint32_t gust_guarded(void (*fn)(void));

/* Boards with extra RAM banks (GUST_RAM_BANKS > 0): reset zeroes the memory windows there (banks.c). */
void gust_zero_ram_banks(void);

/* Defined by the generated harness (or application): what runs after start-up. */
void gust_main(void);

#endif
