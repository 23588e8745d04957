/* Console output on top of the board's putc, and the result printers the test harness calls. */
#include "runtime.h"

void gust_puts(const char *s) {
    while (*s) gust_putc(*s++);
}

void gust_put_hex(uint64_t value, int digits) {
    for (int i = digits - 1; i >= 0; i--) gust_putc("0123456789abcdef"[(value >> (4 * i)) & 0xF]);
}

void gust_put_dec(uint32_t value) {
    char buf[11];
    int n = 0;
    do buf[n++] = (char)('0' + value % 10); while ((value /= 10) != 0);
    while (n > 0) gust_putc(buf[--n]);
}

/* One harness line: "<n>:" then " <type>:0x<bits>" per result. Floats print their bits so NaN payloads show. */
void gust_result_begin(uint32_t n) { gust_put_dec(n); gust_putc(':'); }
void gust_result_end(void) { gust_putc('\n'); }
void gust_result_i32(uint32_t v) { gust_puts(" i32:0x"); gust_put_hex(v, 8); }
void gust_result_i64(uint64_t v) { gust_puts(" i64:0x"); gust_put_hex(v, 16); }
void gust_result_f32(uint32_t bits) { gust_puts(" f32:0x"); gust_put_hex(bits, 8); }
void gust_result_f64(uint64_t bits) { gust_puts(" f64:0x"); gust_put_hex(bits, 16); }
void gust_result_ref(const void *ref) {
    if (!ref) { gust_puts(" ref:null"); return; }
    gust_puts(" ref:0x");
    gust_put_hex((uintptr_t)ref, 8);
}
