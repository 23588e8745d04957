#include "resources.h"

static resources_string_t str(const char *s) {
    resources_string_t r;
    resources_string_set(&r, s);
    return r;
}

/* Uses every imported function once; the digits of the result count what came back (see the test). */
uint32_t exports_resources_run(void) {
    resources_store_own_table_t t = resources_store_constructor_table();
    resources_store_method_table_set(resources_store_borrow_table(t), str("a"), str("1"));
    resources_store_method_table_set(resources_store_borrow_table(t), str("b"), str("22"));
    resources_option_string_t got = resources_store_method_table_get(resources_store_borrow_table(t), str("b"));
    resources_list_string_t keys = resources_store_method_table_keys(resources_store_borrow_table(t));
    resources_result_store_own_table_string_t opened = resources_store_open(str("x"));
    if (opened.is_err) return 1;
    resources_store_own_table_t u = opened.val.ok;
    resources_store_own_table_t m = resources_store_static_table_merge(resources_store_borrow_table(t), resources_store_borrow_table(u));
    uint32_t n = resources_store_inspect(resources_store_borrow_table(m));
    uint8_t bytes[3] = { 1, 2, 3 };
    resources_list_u8_t init = { bytes, 3 };
    resources_result_store_own_blob_string_t blob = resources_store_constructor_blob(init);
    if (blob.is_err) return 2;
    resources_store_own_blob_t b = blob.val.ok;
    resources_list_u8_t read = resources_store_method_blob_read(resources_store_borrow_blob(b), 2);
    resources_store_blob_drop_own(b);
    resources_store_table_drop_own(u);
    uint32_t c = resources_store_consume(t);
    return (got.is_some ? got.val.len : 9) * 10000 + keys.len * 1000 + n * 100 + c * 10 + (read.len == 2 && read.ptr[1] == 2 ? 2 : 0);
}
