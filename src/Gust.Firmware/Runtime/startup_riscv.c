/*
 * RV32 start-up in M-mode: stack and trap vector, then start.c's gust_start; the stack guard, fault
 * reports. A trap does not switch sp, so the trap entry swaps it with mscratch,
 * which holds the top of a small stack for the handler: a fault from a stack run into the guard is
 * handled on a stack that still works.
 */
#include "runtime.h"

uint64_t gust_handler_stack[128];

__asm__(
    ".section .text.start\n"
    ".globl _start\n"
    "_start:\n"
    "  la sp, __stack_top\n"
    "  la t0, gust_machine_trap\n"
    "  csrw mtvec, t0\n"
    "  la t0, gust_handler_stack + 1024\n"
    "  csrw mscratch, t0\n"
    "  j gust_start\n");

/* What gust_machine_trap resumes with after a guard fault: gust_trap's arguments. */
struct trap_call { uint32_t kind, func; const struct gust_module_names *names; };

/*
 * Trap entry: swap sp with mscratch, let the C handler report a fault (it exits) or fill in the
 * trap call for a guard fault, then restore mscratch and mret into gust_trap on a fresh stack at
 * the stack's bottom (the margin above the guard): the exhausted frames are abandoned, and inside
 * gust_guarded the trap goes back to its caller as any other does.
 */
__asm__(
    ".section .text.gust_machine_trap\n"
    ".globl gust_machine_trap\n"
    ".p2align 2\n"
    "gust_machine_trap:\n"
    "  csrrw sp, mscratch, sp\n"
    "  addi sp, sp, -16\n"
    "  mv a0, sp\n"
    "  call gust_machine_fault\n"
    "  lw a0, 0(sp)\n"
    "  lw a1, 4(sp)\n"
    "  lw a2, 8(sp)\n"
    "  addi sp, sp, 16\n"
    "  csrw mscratch, sp\n"
    "  la sp, gust_stack_limit\n"
    "  la t0, gust_trap\n"
    "  csrw mepc, t0\n"
    "  mret\n");

#ifdef GUST_STACK_GUARD_SIZE
/* PMP entry 0, locked (binds M-mode too), NAPOT over the guard, no R, W or X. */
void gust_stack_guard_init(void) {
    uint32_t napot = (GUST_STACK_GUARD_BASE | (GUST_STACK_GUARD_SIZE / 2 - 1)) >> 2;
    __asm__ volatile("csrw pmpaddr0, %0" : : "r"(napot));
    __asm__ volatile("csrw pmpcfg0, %0" : : "r"(0x98u));
}
#else
void gust_stack_guard_init(void) {}
#endif

void gust_machine_fault(struct trap_call *call) {
    uint32_t cause, value, pc;
    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    __asm__ volatile("csrr %0, mtval" : "=r"(value));
    __asm__ volatile("csrr %0, mepc" : "=r"(pc));
#ifdef GUST_STACK_GUARD_SIZE
    /* A load (5) or store (7) access fault inside the guard: the stack ran into it. */
    if ((cause == 5 || cause == 7) && value - GUST_STACK_GUARD_BASE < GUST_STACK_GUARD_SIZE) {
        call->kind = GUST_TRAP_CALL_STACK_EXHAUSTED;
        call->func = gust_function_at(pc, &call->names);
        return;
    }
#endif
    (void)pc;
    gust_fault("machine trap", cause, value);
}
