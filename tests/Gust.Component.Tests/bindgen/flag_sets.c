#include "flag_sets.h"

flag_sets_permissions_small_t exports_flag_sets_permissions_roundtrip_small(flag_sets_permissions_small_t f) {
    return f ^ FLAG_SETS_PERMISSIONS_SMALL_WRITE;
}

flag_sets_permissions_medium_t exports_flag_sets_permissions_roundtrip_medium(flag_sets_permissions_medium_t f) {
    return f | FLAG_SETS_PERMISSIONS_MEDIUM_F9;
}

flag_sets_permissions_large_t exports_flag_sets_permissions_roundtrip_large(flag_sets_permissions_large_t f) {
    return ~f;
}
