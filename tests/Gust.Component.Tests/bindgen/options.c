#include "options.h"

options_option_u8_t exports_options_maybe_option_u8(options_option_u8_t x) {
    if (x.is_some) x.val++;
    return x;
}

options_option_string_t exports_options_maybe_option_string(options_option_string_t x) {
    return x;
}

/* some(none) ↔ none swapped; some(some(n)) → some(some(n * 2)). */
options_option_option_u32_t exports_options_maybe_nested(options_option_option_u32_t x) {
    if (!x.is_some) {
        x.is_some = true;
        x.val.is_some = false;
    } else if (!x.val.is_some) {
        x.is_some = false;
    } else {
        x.val.val *= 2;
    }
    return x;
}

options_option_maybe_entry_t exports_options_maybe_option_record(options_option_maybe_entry_t x) {
    if (x.is_some && x.val.value.is_some) x.val.value.val += 1;
    return x;
}

options_option_list_u16_t exports_options_maybe_option_list(options_option_list_u16_t x) {
    if (x.is_some) {
        for (size_t i = 0; i < x.val.len / 2; i++) {
            uint16_t t = x.val.ptr[i];
            x.val.ptr[i] = x.val.ptr[x.val.len - 1 - i];
            x.val.ptr[x.val.len - 1 - i] = t;
        }
    }
    return x;
}
