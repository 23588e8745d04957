// test:resources with bindgen/resources.c: imported resources implemented in JS (constructors, methods, a static
// function, a fallible constructor, owned and borrowed handles passed back), driven by the C export `run`.
class Table {
  constructor() {
    this.entries = new Map();
  }
  get(key) {
    return this.entries.get(key);
  }
  set(key, value) {
    this.entries.set(key, value);
  }
  keys() {
    return [...this.entries.keys()];
  }
  static merge(a, b) {
    const t = new Table();
    for (const [k, v] of [...a.entries, ...b.entries]) t.entries.set(k, v);
    return t;
  }
}

class Blob {
  constructor(init) {
    this.bytes = init;
  }
  read(n) {
    return this.bytes.slice(0, n);
  }
}

export const imports = () => ({
  "test:resources/store": {
    Table,
    Blob,
    open: () => new Table(),
    consume: (m) => m.entries.size,
    inspect: (m) => m.entries.size,
  },
});

export async function run(exports, check) {
  // "b" → "22" (2), two keys (2), the merge has two entries (2), consume sees two (2), read gives [1, 2] (2).
  check(exports.run(), 22222, "run");
}
