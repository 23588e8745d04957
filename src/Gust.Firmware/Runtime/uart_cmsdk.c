/* CMSDK APB UART (mps2): TXEN must be set or characters are dropped and TXFULL stays set. */
#include "runtime.h"

#define UART_DATA (*(volatile uint32_t *)(GUST_CONSOLE_ADDRESS + 0x0))
#define UART_STATE (*(volatile uint32_t *)(GUST_CONSOLE_ADDRESS + 0x4))
#define UART_CTRL (*(volatile uint32_t *)(GUST_CONSOLE_ADDRESS + 0x8))
#define UART_BAUDDIV (*(volatile uint32_t *)(GUST_CONSOLE_ADDRESS + 0x10))

void gust_uart_init(void) {
    UART_BAUDDIV = 16;
    UART_CTRL = 1; /* TXEN */
}

void gust_putc(char c) {
    while (UART_STATE & 1) {} /* TXFULL */
    UART_DATA = (uint8_t)c;
}
