/*
 * The measured run: gust_main (called by the firmware runtime after start-up) instantiates the
 * workload if it is wasm, reads the instruction counter, calls bench_run(BENCH_REPS), reads the
 * counter again, and prints one line the runner parses:
 *   bench: status=S instructions=N stack=B
 * then exits with the workload's status (0: all self-checks passed).
 *
 * Counting under QEMU -icount shift=0 (one instruction = one virtual nanosecond):
 *  - RV32: minstret, exact.
 *  - Cortex-M3 (mps2-an385): SysTick runs from the 25 MHz CPU clock, so one tick = 40
 *    instructions; a read is ±40. The 24-bit counter covers 671 M instructions; COUNTFLAG tells if
 *    it wrapped, which the runner reports as an error.
 * The cost of the two counter reads themselves is measured once and subtracted.
 *
 * Stack: the BENCH_STACK_PAINT bytes below gust_main's stack pointer are filled with a pattern
 * first; afterwards the lowest overwritten word gives the workload's stack peak (the call's own
 * return address and frame included).
 * Compiled once per kind: BENCH_KIND_NATIVE (bench_run linked in directly), BENCH_KIND_GUST
 * (the module's init and bench_run export from Gust codegen), BENCH_KIND_WASM2C (bench_wasm2c_* from
 * wasm2c_runtime.c).
 */
#include <stdint.h>

void gust_puts(const char *s);
void gust_put_dec(uint32_t value);
__attribute__((noreturn)) void gust_exit(int status);

#if defined(BENCH_KIND_GUST)
/* The module's symbols (Gust.Codegen.ModuleSymbols), passed in by the builder. */
void BENCH_GUST_INIT(void);
uint32_t BENCH_GUST_RUN(uint32_t reps);
#define SETUP() BENCH_GUST_INIT()
#define RUN(reps) BENCH_GUST_RUN(reps)
#elif defined(BENCH_KIND_WASM2C)
void bench_wasm2c_setup(void);
uint32_t bench_wasm2c_run(uint32_t reps);
#define SETUP() bench_wasm2c_setup()
#define RUN(reps) bench_wasm2c_run(reps)
#else
uint32_t bench_run(uint32_t reps);
#define SETUP() ((void)0)
#define RUN(reps) bench_run(reps)
#endif

#ifdef __riscv
static void counter_start(void) {}
static inline uint32_t counter_read(void) {
    uint32_t v;
    __asm__ volatile("csrr %0, minstret" : "=r"(v));
    return v;
}
static int counter_wrapped(void) { return 0; }
#define INSTRUCTIONS(start, end) ((end) - (start))
#else
#define SYST_CSR (*(volatile uint32_t *)0xE000E010)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018)
static void counter_start(void) {
    SYST_CSR = 0;
    SYST_RVR = 0x00FFFFFF;
    SYST_CVR = 0;
    SYST_CSR = 5; /* enable, CPU clock, no interrupt */
    (void)SYST_CSR; /* clears COUNTFLAG */
}
static inline uint32_t counter_read(void) { return SYST_CVR; }
static int counter_wrapped(void) { return (SYST_CSR >> 16) & 1; }
/* SysTick counts down; 40 instructions per tick at 25 MHz with one instruction per nanosecond. */
#define INSTRUCTIONS(start, end) ((((start) - (end)) & 0x00FFFFFF) * 40u)
#endif

#define PATTERN 0x5AC3A55Cu

/* The stack pointer, read with asm: memory below a local's address is outside any C object, and
 * stores there through a pointer derived from one may be optimized away. */
static uintptr_t stack_pointer(void) {
    uintptr_t sp;
#ifdef __riscv
    __asm__ volatile("mv %0, sp" : "=r"(sp));
#else
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#endif
    return sp;
}

/* Paints from `below` down; stays 16 bytes clear of its own frame (a leaf with no locals on the stack). */
__attribute__((noinline)) static void paint(uintptr_t below) {
    volatile uint32_t *end = (volatile uint32_t *)((stack_pointer() - 16) & ~(uintptr_t)3);
    for (volatile uint32_t *p = (volatile uint32_t *)(below - BENCH_STACK_PAINT); p < end; p++) *p = PATTERN;
}

/* Bytes used below `top`: from the lowest word that lost the pattern. */
static uint32_t peak(uintptr_t top) {
    volatile uint32_t *p = (volatile uint32_t *)(top - BENCH_STACK_PAINT);
    while ((uintptr_t)p < top && *p == PATTERN) p++;
    return (uint32_t)(top - (uintptr_t)p);
}

void gust_main(void) {
    SETUP();
    counter_start();
    uint32_t a = counter_read();
    uint32_t b = counter_read();
    uint32_t overhead = INSTRUCTIONS(a, b);
    uintptr_t top = stack_pointer() & ~(uintptr_t)3;
    paint(top);
    uint32_t start = counter_read();
    uint32_t status = RUN(BENCH_REPS);
    uint32_t end = counter_read();
    uint32_t stack = peak(top);
    uint32_t instructions = INSTRUCTIONS(start, end) - overhead;
    if (counter_wrapped()) {
        gust_puts("bench: the instruction counter wrapped\n");
        gust_exit(3);
    }
    gust_puts("bench: status=");
    gust_put_dec(status);
    gust_puts(" instructions=");
    gust_put_dec(instructions);
    gust_puts(" stack=");
    gust_put_dec(stack);
    gust_puts("\n");
    gust_exit(status == 0 ? 0 : 2);
}
