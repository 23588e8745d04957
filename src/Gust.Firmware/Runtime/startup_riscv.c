/* RV32 start-up in M-mode: stack, trap vector, .data copy, .bss and RAM bank windows zeroed, fault reports. */
#include "runtime.h"

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];

__asm__(
    ".section .text.start\n"
    ".globl _start\n"
    "_start:\n"
    "  la sp, __stack_top\n"
    "  la t0, gust_machine_trap\n"
    "  csrw mtvec, t0\n"
    "  j gust_reset\n");

__attribute__((noreturn)) void gust_reset(void) {
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) *d++ = *s++;
    for (uint32_t *d = __bss_start; d < __bss_end;) *d++ = 0;
#if GUST_RAM_BANKS
    gust_zero_ram_banks();
#endif
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
