#include "world_funcs.h"

/* Stores the first argument and the count through the host, and returns now() plus the count. */
int32_t exports_world_funcs_run(world_funcs_list_string_t args) {
    world_funcs_host_metadata_t m;
    if (args.len > 0) m.name = args.ptr[0];
    else world_funcs_string_set(&m.name, "none");
    m.size = (uint32_t)args.len;
    world_funcs_host_put(m);
    return (int32_t)world_funcs_now() + (int32_t)args.len;
}

/* The argument's name, a slash, and the host's current metadata name. */
world_funcs_string_t exports_world_funcs_describe(world_funcs_metadata_t m) {
    world_funcs_host_metadata_t h = world_funcs_host_get();
    world_funcs_string_t r = { world_funcs_alloc(m.name.len + 1 + h.name.len, 1), 0 };
    for (size_t i = 0; i < m.name.len; i++) r.ptr[r.len++] = m.name.ptr[i];
    r.ptr[r.len++] = '/';
    for (size_t i = 0; i < h.name.len; i++) r.ptr[r.len++] = h.name.ptr[i];
    return r;
}
