/* The one function every wasm trap calls: a report line, then exit with 100 + kind (TrapKind.cs). */
#include "runtime.h"

struct gust_module_names { const char *const *names; uint32_t count; };

extern const char *const gust_trap_messages[];
extern const uint32_t gust_trap_message_count;
/* Defined by the harness: the function names of the module under test. */
extern const struct gust_module_names gust_names;

__attribute__((noreturn)) void gust_trap(uint32_t kind, uint32_t func) {
    gust_puts("trap: ");
    gust_puts(kind < gust_trap_message_count ? gust_trap_messages[kind] : "unknown trap");
    if (func == 0xFFFFFFFFu) {
        gust_puts(" (instantiating the module)");
    } else {
        gust_puts(" in function ");
        gust_put_dec(func);
        if (func < gust_names.count) {
            gust_puts(" \"");
            gust_puts(gust_names.names[func]);
            gust_putc('"');
        }
    }
    gust_putc('\n');
    gust_exit(100 + (int)kind);
}

__attribute__((noreturn)) void gust_fault(const char *what, uint32_t cause, uint32_t address) {
    gust_puts("fault: ");
    gust_puts(what);
    gust_puts(" cause 0x");
    gust_put_hex(cause, 8);
    gust_puts(" address 0x");
    gust_put_hex(address, 8);
    gust_putc('\n');
    gust_exit(99);
}
