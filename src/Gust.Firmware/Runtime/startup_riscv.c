/* RV32 start-up in M-mode: stack, trap vector, .data copy, .bss and RAM bank windows zeroed, fault reports. */
#include "runtime.h"

extern uint32_t __data_load[], __data_start[], __data_end[];

__asm__(
    ".section .text.start\n"
    ".globl _start\n"
    "_start:\n"
    "  la sp, __stack_top\n"
    "  la t0, gust_machine_trap\n"
    "  csrw mtvec, t0\n"
    "  j gust_reset\n");

/* (start, end) pairs the linker script lists: .bss, then each extra RAM bank's memory windows. */
extern uint32_t *const __gust_zero_start[], *const __gust_zero_end[];

__attribute__((noreturn)) void gust_reset(void) {
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) *d++ = *s++;
    for (uint32_t *const *r = __gust_zero_start; r < __gust_zero_end; r += 2)
        for (uint32_t *d = r[0]; d < r[1];) *d++ = 0;
    gust_uart_init();
    gust_main();
    gust_exit(0);
}

__attribute__((interrupt("machine"), aligned(4))) void gust_machine_trap(void) {
    uint32_t cause, value;
    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    __asm__ volatile("csrr %0, mtval" : "=r"(value));
    gust_fault("machine trap", cause, value);
}
