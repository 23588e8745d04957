#include "lists.h"

int64_t exports_lists_sequences_sum(lists_list_s32_t xs) {
    int64_t s = 0;
    for (size_t i = 0; i < xs.len; i++) s += xs.ptr[i];
    return s;
}

/* Reversed. */
lists_list_u8_t exports_lists_sequences_bytes(lists_list_u8_t b) {
    lists_list_u8_t r = { lists_alloc(b.len, 1), b.len };
    for (size_t i = 0; i < b.len; i++) r.ptr[i] = b.ptr[b.len - 1 - i];
    return r;
}

/* Every element doubled, in place. */
lists_list_list_f32_t exports_lists_sequences_matrix(lists_list_list_f32_t m) {
    for (size_t i = 0; i < m.len; i++)
        for (size_t j = 0; j < m.ptr[i].len; j++) m.ptr[i].ptr[j] *= 2;
    return m;
}

/* Counts incremented. */
lists_list_sequences_item_t exports_lists_sequences_items(lists_list_sequences_item_t xs) {
    for (size_t i = 0; i < xs.len; i++) xs.ptr[i].count++;
    return xs;
}

/* Reversed order, in a new list. */
lists_list_string_t exports_lists_sequences_strings(lists_list_string_t xs) {
    lists_list_string_t r = { lists_alloc(xs.len * sizeof(lists_string_t), 4), xs.len };
    for (size_t i = 0; i < xs.len; i++) r.ptr[i] = xs.ptr[xs.len - 1 - i];
    return r;
}

lists_list_bool_t exports_lists_sequences_empty(void) {
    lists_list_bool_t r = { 0, 0 };
    return r;
}
