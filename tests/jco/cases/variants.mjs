// test:variants with bindgen/variants.c.
export async function run({ shapes }, check) {
  check(shapes.describe({ tag: "circle", val: 1.5 }), "big circle", "circle");
  check(shapes.describe({ tag: "circle", val: 0.5 }), "small circle", "small circle");
  check(shapes.describe({ tag: "square", val: 7 }), "square 7", "square");
  check(shapes.describe({ tag: "polygon", val: [{ x: 1, y: 2 }, { x: 3, y: 4 }] }), "polygon n=2 sum=10", "polygon");
  check(shapes.describe({ tag: "nothing" }), "nothing", "nothing");
  check(shapes.parse("i123"), { tag: "int", val: -123n }, "parse int");
  check(shapes.parse("ffff"), { tag: "float", val: 1 }, "parse float");
  check(shapes.parse("pZ"), { tag: "pair", val: [2, "Z"] }, "parse pair");
  check(shapes.parse("hello"), { tag: "text", val: "hello" }, "parse text");
}
