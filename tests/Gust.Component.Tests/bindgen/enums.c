#include "enums.h"

enums_colors_weekday_t exports_enums_colors_next(enums_colors_weekday_t d) {
    return d == ENUMS_COLORS_WEEKDAY_SUNDAY ? ENUMS_COLORS_WEEKDAY_MONDAY : d + 1;
}

enums_list_colors_color_t exports_enums_colors_mix(enums_colors_color_t a, enums_colors_color_t b) {
    enums_list_colors_color_t r = { enums_alloc(3, 1), 3 };
    r.ptr[0] = a;
    r.ptr[1] = b;
    r.ptr[2] = a == b ? ENUMS_COLORS_COLOR_RED : ENUMS_COLORS_COLOR_BLUE;
    return r;
}
