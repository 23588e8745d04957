#include "resource_export.h"

/* Counters live in a static pool: the heap is released after every call. */
typedef struct counter {
    int64_t value;
    bool used;
} counter;

static counter pool[16];

static resource_export_counters_own_counter_t make(int64_t start) {
    for (int i = 0; i < 16; i++) {
        if (!pool[i].used) {
            pool[i].used = true;
            pool[i].value = start;
            return exports_resource_export_counters_counter_new(&pool[i]);
        }
    }
    __builtin_trap();
}

void exports_resource_export_counters_counter_destructor(void *rep) {
    ((counter *)rep)->used = false;
}

resource_export_counters_own_counter_t exports_resource_export_counters_constructor_counter(int64_t start) {
    return make(start);
}

void exports_resource_export_counters_method_counter_increment(resource_export_counters_borrow_counter_t self, int64_t by) {
    ((counter *)exports_resource_export_counters_counter_borrow_rep(self))->value += by;
}

int64_t exports_resource_export_counters_method_counter_value(resource_export_counters_borrow_counter_t self) {
    return ((counter *)exports_resource_export_counters_counter_borrow_rep(self))->value;
}

/* A new counter at 0 plus the old one's value times 100; the old one is dropped. */
resource_export_counters_own_counter_t exports_resource_export_counters_static_counter_reset(resource_export_counters_own_counter_t c) {
    int64_t old = ((counter *)exports_resource_export_counters_counter_rep(c))->value;
    exports_resource_export_counters_counter_drop_own(c);
    return make(old * 100);
}

/* Counters starting at 0 … n-1. */
resource_export_list_counters_own_counter_t exports_resource_export_counters_make_many(uint32_t n) {
    resource_export_list_counters_own_counter_t r = { resource_export_alloc(n * sizeof(resource_export_counters_own_counter_t), 4), n };
    for (uint32_t i = 0; i < n; i++) r.ptr[i] = make(i);
    return r;
}

int64_t exports_resource_export_counters_total(resource_export_list_counters_borrow_counter_t cs) {
    int64_t t = 0;
    for (size_t i = 0; i < cs.len; i++) t += ((counter *)exports_resource_export_counters_counter_borrow_rep(cs.ptr[i]))->value;
    return t;
}
