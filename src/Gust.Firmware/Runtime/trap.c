/*
 * The one function every wasm trap calls: a report line, then exit with 100 + kind (TrapKind.cs),
 * or, inside gust_guarded, back to its caller so a harness can go on after an expected trap.
 */
#include "runtime.h"

/* libc's setjmp/longjmp (newlib on ARM, picolibc on RISC-V); the buffer is larger than either's
 * jmp_buf (at most 24 words), so no libc header is needed. */
typedef uint32_t gust_jmp_buf[32];
int setjmp(gust_jmp_buf env) __attribute__((returns_twice));
__attribute__((noreturn)) void longjmp(gust_jmp_buf env, int value);

static uint32_t (*volatile catcher)[32];

uint32_t gust_guarded(void (*fn)(void)) {
    gust_jmp_buf env;
    uint32_t (*volatile outer)[32] = catcher;
    int trapped = setjmp(env);
    if (trapped == 0) {
        catcher = &env;
        fn();
    }
    catcher = outer;
    return (uint32_t)trapped;
}

extern const char *const gust_trap_messages[];
extern const uint32_t gust_trap_message_count;

__attribute__((noreturn)) void gust_trap(uint32_t kind, uint32_t func, const struct gust_module_names *names) {
    gust_puts("trap: ");
    gust_puts(kind < gust_trap_message_count ? gust_trap_messages[kind] : "unknown trap");
    if (func == 0xFFFFFFFFu) {
        gust_puts(" (instantiating the module)");
    } else if (func == GUST_FUNC_UNKNOWN) {
        gust_puts(" in function ? (the stack guard fault does not tell which)");
    } else {
        gust_puts(" in function ");
        gust_put_dec(func);
        if (names && func < names->count) {
            gust_puts(" \"");
            gust_puts(names->names[func]);
            gust_putc('"');
        }
    }
    gust_putc('\n');
    if (catcher) longjmp(*catcher, (int)kind + 1);
    gust_exit(100 + (int)kind);
}

__attribute__((noreturn)) void gust_trap_from(uint32_t kind, uint32_t func, uint32_t caller) {
    const struct gust_module_names *names;
    gust_function_at(caller, &names);
    gust_trap(kind, func, names);
}

/* Each wasm function's code range, written into the image after linking (FunctionTable.cs). */
struct gust_function { uint32_t start, end; const struct gust_module_names *names; uint32_t index; };
extern const struct gust_function gust_function_table[], gust_function_table_end[];

uint32_t gust_function_at(uint32_t pc, const struct gust_module_names **names) {
    for (const struct gust_function *f = gust_function_table; f < gust_function_table_end; f++)
        if (pc - f->start < f->end - f->start) {
            *names = f->names;
            return f->index;
        }
    *names = 0;
    return GUST_FUNC_UNKNOWN;
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
