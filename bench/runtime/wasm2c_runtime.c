/*
 * A minimal bare-metal runtime for wasm2c output (wabt 1.0.32's wasm-rt.h): what a user picking
 * wasm2c for a microcontroller would write. The linear memory is one static array of
 * BENCH_WASM2C_MEMORY bytes (the module's initial size; memory.grow fails past it), the tables are
 * static too, and a trap prints its kind and ends the run with status 100 + kind.
 * Bounds checks stay as wasm2c emits them (RANGE_CHECK with a 64-bit compare): on a 32-bit target
 * there are no guard pages to lean on.
 */
#include <stdarg.h>
#include "wasm-rt.h"


void gust_puts(const char *s);
void gust_put_dec(uint32_t value);
__attribute__((noreturn)) void gust_exit(int status);

uint32_t wasm_rt_call_stack_depth;

static uint8_t memory[BENCH_WASM2C_MEMORY] __attribute__((aligned(16)));
static int memory_used;

#define MAX_TABLE 64
static wasm_rt_funcref_t table[MAX_TABLE];

#define MAX_TYPES 32
#define MAX_TYPE_VALUES 8
static struct { uint32_t params, results; wasm_rt_type_t types[MAX_TYPE_VALUES]; } func_types[MAX_TYPES];
static uint32_t func_type_count;

static bool initialized;
void wasm_rt_init(void) { initialized = true; }
bool wasm_rt_is_initialized(void) { return initialized; }
void wasm_rt_free(void) {}

void wasm_rt_trap(wasm_rt_trap_t trap) {
    gust_puts("trap: wasm2c trap ");
    gust_put_dec((uint32_t)trap);
    gust_puts("\n");
    gust_exit(100 + (int)trap);
}

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
    wasm_rt_type_t types[MAX_TYPE_VALUES];
    va_list args;
    va_start(args, results);
    for (uint32_t i = 0; i < params + results; i++) {
        wasm_rt_type_t t = (wasm_rt_type_t)va_arg(args, int);
        if (i < MAX_TYPE_VALUES) types[i] = t;
    }
    va_end(args);
    if (params + results > MAX_TYPE_VALUES) wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
    for (uint32_t k = 0; k < func_type_count; k++) {
        if (func_types[k].params != params || func_types[k].results != results) continue;
        uint32_t i = 0;
        while (i < params + results && func_types[k].types[i] == types[i]) i++;
        if (i == params + results) return k + 1;
    }
    if (func_type_count == MAX_TYPES) wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
    func_types[func_type_count].params = params;
    func_types[func_type_count].results = results;
    for (uint32_t i = 0; i < params + results; i++) func_types[func_type_count].types[i] = types[i];
    return ++func_type_count;
}

void wasm_rt_allocate_memory(wasm_rt_memory_t *mem, uint32_t initial_pages, uint32_t max_pages) {
    if (memory_used || (uint64_t)initial_pages * 65536 > sizeof memory) wasm_rt_trap(WASM_RT_TRAP_OOB);
    memory_used = 1;
    mem->data = memory;
    mem->pages = initial_pages;
    mem->max_pages = max_pages;
    mem->size = initial_pages * 65536u;
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *mem, uint32_t delta) {
    uint32_t old = mem->pages;
    if ((uint64_t)(old + delta) * 65536 > sizeof memory || old + delta > mem->max_pages) return (uint32_t)-1;
    mem->pages = old + delta;
    mem->size = mem->pages * 65536u;
    return old;
}

void wasm_rt_free_memory(wasm_rt_memory_t *mem) { (void)mem; }

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *t, uint32_t elements, uint32_t max_elements) {
    if (elements > MAX_TABLE) wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
    t->data = table;
    t->size = elements;
    t->max_size = max_elements;
}

void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t *t) { (void)t; }

/* The module wasm2c generated, with -n bench. */
#include "module.h"
static Z_bench_instance_t instance;

void bench_wasm2c_setup(void) {
    wasm_rt_init();
    Z_bench_init_module();
    Z_bench_instantiate(&instance);
}

uint32_t bench_wasm2c_run(uint32_t reps) { return Z_benchZ_bench_run(&instance, reps); }
