// test:records with bindgen/records.c.
const point = (x, y) => ({ x, y });
const rect = (x, y, w, h) => ({ origin: point(x, y), size: point(w, h) });

export async function run({ shapes }, check) {
  check(shapes.area(rect(1, 2, 3, 4)), 12, "area");
  check(shapes.translate(rect(1, 2, 3, 4), point(10, 20)), rect(11, 22, 3, 4), "translate");
  check(shapes.greet({ name: "Robert", age: 42, height: 1.5, tags: ["a", "b"], nickname: "Bobby", id: 7n }), "Bobby 42 7 [a,b] 15", "greet");
  check(shapes.greet({ name: "Ann", age: 0, height: 0, tags: [], nickname: undefined, id: 18446744073709551615n }),
    "Ann 0 18446744073709551615 [] 0", "greet plain");
}
