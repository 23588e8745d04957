/* The firmware runtime under compiled wasm: console, exit, trap reports. Freestanding C. */
#ifndef GUST_RUNTIME_H
#define GUST_RUNTIME_H
#include <stdint.h>

void gust_uart_init(void);

/* Reset's common part, entered with a working stack: data, bss, banks, stack guard, console, gust_main, exit. */
__attribute__((noreturn)) void gust_start(void);
void gust_putc(char c);
void gust_puts(const char *s);
void gust_put_hex(uint64_t value, int digits);
void gust_put_dec(uint32_t value);
__attribute__((noreturn)) void gust_exit(int status);
__attribute__((noreturn)) void gust_fault(const char *what, uint32_t cause, uint32_t address);

/* The function names of one compiled module (ModuleSymbols.Names): the trap report's. */
struct gust_module_names { const char *const *names; uint32_t count; };

/* The function index gust_trap reports when a stack guard fault cannot tell which function it hit. */
#define GUST_FUNC_UNKNOWN 0xFFFFFFFEu

/* Reports a wasm trap (kind: TrapKind.cs; func: index in names, or 0xFFFFFFFF while instantiating). */
__attribute__((noreturn)) void gust_trap(uint32_t kind, uint32_t func, const struct gust_module_names *names);

/* A trap the runtime finds for wasm function func that called it: the function table names its module. */
__attribute__((noreturn)) void gust_trap_from(uint32_t kind, uint32_t func, uint32_t caller);
#define GUST_TRAP_FOR_CALLER(kind, func) gust_trap_from(kind, func, (uint32_t)__builtin_return_address(0))

/*
 * The stack guard (the board manifest's [stack]): GUST_STACK_GUARD_BASE and GUST_STACK_GUARD_SIZE are
 * defined where the board has one, below the RAM origin where the stack ends. init sets it up.
 */
void gust_stack_guard_init(void);

/* The wasm function whose code holds pc (its index, *names its module's), or GUST_FUNC_UNKNOWN. */
uint32_t gust_function_at(uint32_t pc, const struct gust_module_names **names);

/* Runs fn; a wasm trap inside it is reported and returns here: 0 if none, else 1 + the trap kind. */
uint32_t gust_guarded(void (*fn)(void));

/* Boards with extra RAM banks (GUST_RAM_BANKS > 0): reset zeroes the memory windows there (banks.c). */
void gust_zero_ram_banks(void);

/* Defined by the generated harness (or application): what runs after start-up. */
void gust_main(void);

#endif
