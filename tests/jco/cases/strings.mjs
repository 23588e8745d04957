// test:strings with bindgen/strings.c: UTF-8 strings both ways, lists of strings, options, an import.
export const imports = (logged) => ({ log: { default: (msg) => logged.push(msg) } });

export async function run({ text }, check, logged) {
  check(text.echo("héllo wörld"), "héllo wörld", "echo");
  check(logged, ["echo"], "log import");
  check(text.concat("foo", "bar"), "foobar", "concat");
  check(text.concat("", ""), "", "concat empty");
  check(text.split("a,bc,,d", ","), ["a", "bc", "", "d"], "split");
  check(text.maybeUpper("abc-Ü"), "ABC-Ü", "maybe-upper some");
  check(text.maybeUpper(undefined), undefined, "maybe-upper none");
  check(text.len("héllo"), 5, "len");
  check(text.len("🎉"), 1, "len emoji");
}
