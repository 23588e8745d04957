/* NS16550A with byte registers (riscv virt): poll LSR.THRE, write THR. */
#include "runtime.h"

#define UART_THR (*(volatile uint8_t *)(GUST_CONSOLE_ADDRESS + 0))
#define UART_LSR (*(volatile uint8_t *)(GUST_CONSOLE_ADDRESS + 5))

void gust_uart_init(void) {}

void gust_putc(char c) {
    while (!(UART_LSR & 0x20)) {}
    UART_THR = (uint8_t)c;
}
