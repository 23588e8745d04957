/* Cortex-M start-up: vector table, reset (.data copy, .bss and RAM bank windows zeroed), fault reports. */
#include "runtime.h"

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[], __stack_top[];

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

#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38)

static void hard_fault(void) { gust_fault("hard fault", SCB_CFSR, (SCB_CFSR & 0x80) ? SCB_MMFAR : SCB_BFAR); }
static void other_exception(void) { gust_fault("unexpected exception", 0, 0); }

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))__stack_top, (void (*)(void))gust_reset, other_exception, hard_fault,
    hard_fault, hard_fault, hard_fault, 0, 0, 0, 0, other_exception, other_exception, 0, other_exception, other_exception,
};
