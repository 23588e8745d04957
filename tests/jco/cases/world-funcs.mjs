// test:world-funcs with bindgen/world_funcs.c: world-level function imports and exports, an inline interface
// import, and a record used at world level.
export const imports = (logged) => ({
  now: { default: () => 1000n },
  host: {
    get: () => ({ name: "host", size: 1 }),
    put: (m) => logged.push(m),
  },
});

export async function run(exports, check, logged) {
  check(exports.run(["a", "b"]), 1002, "run with args");
  check(exports.run([]), 1000, "run without args");
  check(logged, [{ name: "a", size: 2 }, { name: "none", size: 0 }], "put");
  check(exports.describe({ name: "m", size: 3 }), "m/host", "describe");
}
