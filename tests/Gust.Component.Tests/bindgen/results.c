#include "results.h"

results_result_u32_fallible_error_code_t exports_results_fallible_both(uint32_t x) {
    results_result_u32_fallible_error_code_t r;
    r.is_err = x >= 10;
    if (r.is_err) r.val.err = (results_fallible_error_code_t)(x % 3);
    else r.val.ok = x * 2;
    return r;
}

results_result_string_void_t exports_results_fallible_ok_only(results_string_t x) {
    results_result_string_void_t r;
    r.is_err = x.len == 0;
    if (!r.is_err) r.val.ok = x;
    return r;
}

results_result_void_string_t exports_results_fallible_err_only(uint32_t x) {
    results_result_void_string_t r;
    r.is_err = x != 0;
    if (r.is_err) results_string_set(&r.val.err, "bad");
    return r;
}

results_result_void_void_t exports_results_fallible_bare(bool fail) {
    results_result_void_void_t r = { fail };
    return r;
}

results_result_option_u32_list_fallible_error_code_t exports_results_fallible_nested(uint32_t x) {
    results_result_option_u32_list_fallible_error_code_t r;
    r.is_err = x >= 100;
    if (r.is_err) {
        r.val.err.len = 2;
        r.val.err.ptr = results_alloc(2, 1);
        r.val.err.ptr[0] = RESULTS_FALLIBLE_ERROR_CODE_BUSY;
        r.val.err.ptr[1] = RESULTS_FALLIBLE_ERROR_CODE_DENIED;
    } else {
        r.val.ok.is_some = x != 0;
        r.val.ok.val = x;
    }
    return r;
}
