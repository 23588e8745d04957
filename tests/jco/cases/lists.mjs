// test:lists with bindgen/lists.c.
export async function run({ sequences: s }, check) {
  check(s.sum([1, -2, 3]), 2n, "sum");
  check(s.sum([]), 0n, "sum empty");
  check(s.bytes(new Uint8Array([1, 2, 3])), new Uint8Array([3, 2, 1]), "bytes");
  check(s.matrix([new Float32Array([1, 2]), new Float32Array([3]), new Float32Array([])]),
    [new Float32Array([2, 4]), new Float32Array([6]), new Float32Array([])], "matrix");
  check(s.items([{ name: "a", count: 1 }, { name: "bé", count: 10 }]), [{ name: "a", count: 2 }, { name: "bé", count: 11 }], "items");
  check(s.strings(["a", "", "c"]), ["c", "", "a"], "strings");
  check(s.empty(), [], "empty");
}
