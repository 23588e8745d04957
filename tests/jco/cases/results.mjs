// test:results with bindgen/results.c. jco returns an export's ok value and throws its error (payload on the error).
function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    if (!("payload" in e)) throw e;
    return { err: e.payload };
  }
}

export async function run({ fallible: f }, check) {
  check(outcome(() => f.both(3)), { ok: 6 }, "both ok");
  check(outcome(() => f.both(10)), { err: "denied" }, "both denied");
  check(outcome(() => f.both(11)), { err: "busy" }, "both busy");
  check(outcome(() => f.okOnly("x")), { ok: "x" }, "ok-only ok");
  check(outcome(() => f.okOnly("")), { err: undefined }, "ok-only err");
  check(outcome(() => f.errOnly(0)), { ok: undefined }, "err-only ok");
  check(outcome(() => f.errOnly(5)), { err: "bad" }, "err-only err");
  check(outcome(() => f.bare(true)), { err: undefined }, "bare err");
  check(outcome(() => f.bare(false)), { ok: undefined }, "bare ok");
  check(outcome(() => f.nested(0)), { ok: undefined }, "nested none");
  check(outcome(() => f.nested(5)), { ok: 5 }, "nested some");
  check(outcome(() => f.nested(100)), { err: ["busy", "denied"] }, "nested err");
}
