#include "strings.h"

static void log_str(const char *s) {
    strings_string_t msg;
    strings_string_set(&msg, s);
    strings_log(msg);
}

strings_string_t exports_strings_text_echo(strings_string_t s) {
    log_str("echo");
    return s;
}

strings_string_t exports_strings_text_concat(strings_string_t a, strings_string_t b) {
    strings_string_t r;
    r.len = a.len + b.len;
    r.ptr = strings_alloc(r.len, 1);
    for (size_t i = 0; i < a.len; i++) r.ptr[i] = a.ptr[i];
    for (size_t i = 0; i < b.len; i++) r.ptr[a.len + i] = b.ptr[i];
    return r;
}

/* Splits on an ASCII separator. */
strings_list_string_t exports_strings_text_split(strings_string_t s, uint32_t sep) {
    size_t parts = 1;
    for (size_t i = 0; i < s.len; i++) parts += s.ptr[i] == sep;
    strings_list_string_t r = { strings_alloc(parts * sizeof(strings_string_t), 4), parts };
    size_t start = 0, n = 0;
    for (size_t i = 0; i <= s.len; i++) {
        if (i == s.len || s.ptr[i] == sep) {
            r.ptr[n].ptr = s.ptr + start;
            r.ptr[n].len = i - start;
            n++;
            start = i + 1;
        }
    }
    return r;
}

strings_option_string_t exports_strings_text_maybe_upper(strings_option_string_t s) {
    if (s.is_some) {
        uint8_t *p = strings_alloc(s.val.len, 1);
        for (size_t i = 0; i < s.val.len; i++) {
            uint8_t c = s.val.ptr[i];
            p[i] = c >= 'a' && c <= 'z' ? c - 32 : c;
        }
        s.val.ptr = p;
    }
    return s;
}

uint32_t exports_strings_text_len(strings_string_t s) {
    uint32_t n = 0;
    for (size_t i = 0; i < s.len; i++) n += (s.ptr[i] & 0xC0) != 0x80;
    return n;
}
