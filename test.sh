#!/usr/bin/env bash
# All of Gust's tests: every test project, then the spec-suite runs through the public `gust wast`.
# Ends with one line "N passed, N failed, N skipped"; exits 0 only when nothing failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
spec="${GUST_SPEC:-$root/../shared/spec}"
out="$root/out/test"
mkdir -p "$out"

passed=0 failed=0 skipped=0
tally() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); }
finish() { echo "$passed passed, $failed failed, $skipped skipped"; [ "$failed" -eq 0 ]; exit $?; }

scripts/ensure-deps.sh || { echo "test.sh: installing dependencies failed"; tally 0 1 0; finish; }

echo "== build"
if ! dotnet build Gust.sln -c Release --nologo -v q >"$out/build.log" 2>&1; then
  grep -E "error" "$out/build.log" | sort -u | head -40
  echo "test.sh: the build failed (full log: out/test/build.log)"
  tally 0 1 0; finish
fi
# Refresh the ./gust binary from the same sources (quietly; it rebuilds only when stale).
./gust --help >/dev/null || { echo "test.sh: ./gust does not start"; tally 0 1 0; finish; }

(cd tests/jco && [ -d node_modules ] || npm ci --silent --no-audit --no-fund)
# xunit v3 test projects are executables; run each and read its summary line
# "Total: N, Errors: E, Failed: F, Skipped: S, Not Run: R".
for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  exe="$(dirname "$proj")/bin/Release/net10.0/$name"
  echo "== $name"
  "$exe" -noColor >"$out/$name.log" 2>&1
  summary="$(grep -E "Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+" "$out/$name.log" | tail -1)"
  if [ -z "$summary" ]; then
    tail -30 "$out/$name.log"
    echo "$name: the test run did not finish (log: out/test/$name.log)"
    tally 0 1 0; continue
  fi
  read -r total errors fails skips notrun < <(echo "$summary" | sed -E 's/.*Total: ([0-9]+), Errors: ([0-9]+), Failed: ([0-9]+), Skipped: ([0-9]+), Not Run: ([0-9]+).*/\1 \2 \3 \4 \5/')
  grep -E "^\s*\[FAIL\]|^\s*\[SKIP\]" "$out/$name.log" | head -50
  echo "$name: $((total - fails - skips - notrun)) passed, $((fails + errors)) failed, $((skips + notrun)) skipped"
  tally $((total - fails - skips - notrun)) $((fails + errors)) $((skips + notrun))
done

# The spec suites through the public command: the core suite on the host (Wasmtime) and compiled for
# each board under QEMU (m3: mps2-an385, m4: mps2-an386, rv32: riscv32 virt), and the component-model
# suite (parsing and validation; it runs on the host whatever the target).
spec_run() { # NAME, then the arguments of `gust wast`
  local name="$1"; shift
  echo "== gust wast: $name"
  ./gust wast "$@" --json "$out/spec-$name.json" >"$out/spec-$name.log" 2>&1
  grep -vE ": [0-9]+ passed, 0 failed" "$out/spec-$name.log" | tail -60
  local line p f s
  line="$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$out/spec-$name.log" | tail -1)"
  if [ -z "$line" ]; then
    echo "spec ($name): the run did not finish (log: out/test/spec-$name.log)"; tally 0 1 0; return
  fi
  read -r p f s < <(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/')
  tally "$p" "$f" "${s:-0}"
}

suite="$spec/wasm-testsuite"
components="$spec/component-model/test"
if [ -d "$suite" ] && [ -d "$components" ]; then
  for target in host m3 m4 rv32; do
    spec_run "core-$target" "$suite"/*.wast "$suite"/proposals/custom-page-sizes/*.wast --target "$target"
  done
  spec_run component-model "$components"/*/*.wast
elif [ "${CI:-}" = "true" ]; then
  echo "spec: the spec suites are missing under $spec (set GUST_SPEC); under CI that is a failure"
  tally 0 1 0
else
  echo "spec: skipped — the spec suites are not under $spec. Get WebAssembly/testsuite and"
  echo "      WebAssembly/component-model (commits in ../shared/spec/*/SOURCE) and set GUST_SPEC to the"
  echo "      folder holding wasm-testsuite/ and component-model/."
  tally 0 0 1
fi

finish
