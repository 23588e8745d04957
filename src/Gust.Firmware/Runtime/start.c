/* What reset does on every board once it has a stack: .data copied from flash, .bss and the RAM
 * banks' memory windows zeroed, the stack guard set up, the console, then the program. */
#include "runtime.h"

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];

__attribute__((noreturn)) void gust_start(void) {
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) *d++ = *s++;
    for (uint32_t *d = __bss_start; d < __bss_end;) *d++ = 0;
#if GUST_RAM_BANKS
    gust_zero_ram_banks();
#endif
    gust_stack_guard_init();
    gust_uart_init();
    gust_main();
    gust_exit(0);
}
