/*
 * Cortex-M start-up: vector table, reset (into start.c's gust_start on the process stack), the stack
 * guard, fault reports. Thread code (everything after reset) runs on the process stack (PSP),
 * exception handlers on the main stack (MSP, a small array of its own), so a fault from a stack run
 * into the guard is handled on a stack that still works.
 */
#include "runtime.h"

extern uint32_t __stack_top[];
extern uint8_t gust_stack_limit[];

static uint64_t handler_stack[128];

/* Reset runs on MSP (the vector table's first word): move thread code to PSP, at the stack's top. */
__attribute__((naked, noreturn)) void gust_reset(void) {
    __asm__ volatile(
        "ldr r0, =__stack_top\n"
        "msr psp, r0\n"
        "movs r0, #2\n" /* CONTROL.SPSEL */
        "msr control, r0\n"
        "isb\n"
        "b gust_start\n");
}

#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2C)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38)
#define CFSR_MSTKERR 0x10u
#define CFSR_DACCVIOL 0x02u
#define CFSR_MMARVALID 0x80u

#ifdef GUST_STACK_GUARD_SIZE
#define MPU_CTRL (*(volatile uint32_t *)0xE000ED94)
#define MPU_RNR (*(volatile uint32_t *)0xE000ED98)
#define MPU_RBAR (*(volatile uint32_t *)0xE000ED9C)
#define MPU_RASR (*(volatile uint32_t *)0xE000EDA0)

/* MPU region 0: no access at all (AP=0, XN) over the guard; PRIVDEFENA keeps the default map elsewhere. */
void gust_stack_guard_init(void) {
    MPU_RNR = 0;
    MPU_RBAR = GUST_STACK_GUARD_BASE;
    MPU_RASR = (1u << 28) | ((uint32_t)(__builtin_ctz(GUST_STACK_GUARD_SIZE) - 1) << 1) | 1u;
    MPU_CTRL = 4u | 1u;
    __asm__ volatile("dsb\nisb" ::: "memory");
}

/*
 * The thread's stack ran into the guard: the faulting push or store (DACCVIOL, MMFAR in the guard),
 * and then exception entry's own stacking onto the same stack (MSTKERR), which loses the thread's
 * PC and LR, so the function is not known (when stacking did succeed, its PC names it). Returns from the exception into gust_trap on a fresh
 * frame at the stack's bottom (the margin above the guard): the exhausted frames are abandoned, and
 * inside gust_guarded the trap goes back to its caller as any other does.
 */
static int resume_in_trap(uint32_t cfsr) {
    uint32_t address = SCB_MMFAR;
    int in_guard = (cfsr & CFSR_MMARVALID) && address - GUST_STACK_GUARD_BASE < GUST_STACK_GUARD_SIZE;
    if (!(cfsr & CFSR_MSTKERR) && !((cfsr & CFSR_DACCVIOL) && in_guard)) return 0;
    const struct gust_module_names *names = 0;
    uint32_t func = GUST_FUNC_UNKNOWN;
    if (!(cfsr & CFSR_MSTKERR)) {
        uint32_t *stacked;
        __asm__ volatile("mrs %0, psp" : "=r"(stacked));
        func = gust_function_at(stacked[6], &names);
    }
    uint32_t *frame = (uint32_t *)((uint32_t)gust_stack_limit & ~7u) - 8;
    frame[0] = GUST_TRAP_CALL_STACK_EXHAUSTED; /* r0..r3: gust_trap's arguments */
    frame[1] = func;
    frame[2] = (uint32_t)names;
    frame[3] = 0;
    frame[4] = 0;                            /* r12 */
    frame[5] = 0;                            /* lr: gust_trap does not return */
    frame[6] = (uint32_t)gust_trap & ~1u;    /* pc */
    frame[7] = 1u << 24;                     /* xPSR: Thumb */
    __asm__ volatile("msr psp, %0" : : "r"(frame) : "memory");
    SCB_CFSR = cfsr;
    SCB_HFSR = SCB_HFSR;
    return 1;
}
#else
void gust_stack_guard_init(void) {}
static int resume_in_trap(uint32_t cfsr) { (void)cfsr; return 0; }
#endif

static void hard_fault(void) {
    uint32_t cfsr = SCB_CFSR;
    if (resume_in_trap(cfsr)) return; /* EXC_RETURN: thread mode on PSP */
    gust_fault("hard fault", cfsr, (cfsr & CFSR_MMARVALID) ? SCB_MMFAR : SCB_BFAR);
}
static void other_exception(void) { gust_fault("unexpected exception", 0, 0); }

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))(handler_stack + 128), (void (*)(void))gust_reset, other_exception, hard_fault,
    hard_fault, hard_fault, hard_fault, 0, 0, 0, 0, other_exception, other_exception, 0, other_exception, other_exception,
};
