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

# The spec suites through the public command, on every target that exists so far.
suite="$spec/wasm-testsuite"
if [ -d "$suite" ]; then
  for target in host; do
    echo "== gust wast --target $target"
    ./gust wast "$suite"/*.wast "$suite"/proposals/custom-page-sizes/*.wast --target "$target" \
      --json "$out/spec-$target.json" >"$out/spec-$target.log" 2>&1
    grep -vE ": [0-9]+ passed, 0 failed" "$out/spec-$target.log" | tail -60
    line="$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$out/spec-$target.log" | tail -1)"
    if [ -z "$line" ]; then
      echo "spec ($target): the run did not finish (log: out/test/spec-$target.log)"; tally 0 1 0; continue
    fi
    read -r p f s < <(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/')
    tally "$p" "$f" "${s:-0}"
  done
elif [ "${CI:-}" = "true" ]; then
  echo "spec: the WebAssembly test suite is missing at $suite (set GUST_SPEC); under CI that is a failure"
  tally 0 1 0
else
  echo "spec: skipped — the WebAssembly test suite is not at $suite. Get WebAssembly/testsuite (commit in"
  echo "      ../shared/spec/wasm-testsuite/SOURCE) and set GUST_SPEC to the folder holding wasm-testsuite/."
  tally 0 0 1
fi

finish
