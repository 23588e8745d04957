#include "joins.h"

/* Hands the arguments unchanged to the imported function; its result plus one. */
uint32_t exports_joins_mix_pass(joins_mix_num_t a, joins_option_f32_t b, joins_result_f64_s64_t c) {
    return joins_mix_pass(a, b, c) + 1;
}
