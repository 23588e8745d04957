/* A tokenizer state machine (identifiers, numbers, strings, comments, operators) over 4 KiB of generated source. */
#include "bench.h"

#define LEN 4096
static char source[LEN + 1];

enum { T_IDENT, T_NUMBER, T_STRING, T_OPERATOR, T_PUNCT, T_COMMENT, T_ERROR, T_KINDS };
enum { S_START, S_IDENT, S_NUMBER, S_HEX, S_STRING, S_ESCAPE, S_SLASH, S_COMMENT, S_OPERATOR };

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int is_op(char c) { return c == '+' || c == '-' || c == '*' || c == '=' || c == '<' || c == '>' || c == '!' || c == '&' || c == '|'; }

__attribute__((noinline)) static uint32_t tokenize(const char *p, uint32_t counts[T_KINDS]) {
    int state = S_START;
    uint32_t hash = BENCH_FOLD_INIT, length = 0;
    for (int k = 0; k < T_KINDS; k++) counts[k] = 0;
#define EMIT(kind) do { counts[kind]++; hash = bench_fold(hash, (uint32_t)(kind) << 16 | length); length = 0; state = S_START; } while (0)
    for (;;) {
        char c = *p;
        switch (state) {
        case S_START:
            if (c == 0) return hash;
            p++;
            if (c == ' ' || c == '\n' || c == '\t') continue;
            length = 1;
            if (is_alpha(c)) state = S_IDENT;
            else if (c == '0' && (*p == 'x' || *p == 'X')) { p++; length++; state = S_HEX; }
            else if (is_digit(c)) state = S_NUMBER;
            else if (c == '"') state = S_STRING;
            else if (c == '/') state = S_SLASH;
            else if (is_op(c)) state = S_OPERATOR;
            else if (c == '(' || c == ')' || c == '{' || c == '}' || c == ';' || c == ',') EMIT(T_PUNCT);
            else EMIT(T_ERROR);
            continue;
        case S_IDENT:
            if (is_alpha(c) || is_digit(c)) { p++; length++; } else EMIT(T_IDENT);
            continue;
        case S_NUMBER:
            if (is_digit(c)) { p++; length++; } else EMIT(T_NUMBER);
            continue;
        case S_HEX:
            if (is_hex(c)) { p++; length++; } else EMIT(T_NUMBER);
            continue;
        case S_STRING:
            if (c == 0 || c == '\n') { EMIT(T_ERROR); continue; }
            p++; length++;
            if (c == '\\') state = S_ESCAPE;
            else if (c == '"') EMIT(T_STRING);
            continue;
        case S_ESCAPE:
            if (c == 0) { EMIT(T_ERROR); continue; }
            p++; length++; state = S_STRING;
            continue;
        case S_SLASH:
            if (c == '/') { p++; length++; state = S_COMMENT; } else EMIT(T_OPERATOR);
            continue;
        case S_COMMENT:
            if (c == 0 || c == '\n') EMIT(T_COMMENT); else { p++; length++; }
            continue;
        case S_OPERATOR:
            if (is_op(c) && length < 2) { p++; length++; } else EMIT(T_OPERATOR);
            continue;
        }
    }
#undef EMIT
}

/* Source-like text: words, numbers, strings with escapes, comments, operators. */
static void generate(void) {
    static const char *const pieces[] = {
        "counter", "x1", "value_2", "if", "while", " ", " ", "\n", "  ", "42", "0x1F", "1234567", "\"text\"",
        "\"esc\\\"aped\"", "// note here\n", "+", "==", "<=", "&&", "(", ")", "{", "}", ";", ",", "/", "@",
    };
    uint32_t s = 303;
    int n = 0;
    while (n < LEN - 16) {
        const char *w = pieces[bench_rand(&s) % (sizeof pieces / sizeof pieces[0])];
        while (*w) source[n++] = *w++;
        source[n++] = ' ';
    }
    source[n] = 0;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    generate();
    uint32_t counts[T_KINDS];
    for (uint32_t r = 0; r < reps; r++) {
        CHECK(1, tokenize(source, counts), 0x175b8da2u);
        CHECK(2, counts[T_IDENT] << 16 | counts[T_STRING], 0x00b10042u);
        CHECK(3, counts[T_COMMENT] << 16 | counts[T_ERROR], 0x0026001du);
    }
    return 0;
}
