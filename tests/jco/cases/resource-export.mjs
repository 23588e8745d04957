// test:resource-export with bindgen/resource_export.c: an exported resource (constructor, methods, a static
// function taking ownership, lists of owned and borrowed handles) used from JS as a class.
export async function run({ counters }, check) {
  const a = new counters.Counter(5n);
  a.increment(37n);
  check(a.value(), 42n, "value");
  const many = counters.makeMany(3);
  check(many.map((c) => c.value()), [0n, 1n, 2n], "make-many");
  check(counters.total([a, ...many]), 45n, "total");
  const b = counters.Counter.reset(a);
  check(b.value(), 4200n, "reset");
}
