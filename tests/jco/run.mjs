// Runs a component under jco in node: `node run.mjs COMPONENT CASE.mjs`.
// The component is transpiled (instantiation mode) into a temporary folder and instantiated with the imports
// CASE.mjs exports as `imports(log)`; then CASE.mjs's `run(exports, check)` calls the exports. `check(actual,
// expected, what)` compares deeply; the script prints "N checks passed" or fails with the first difference.
import { mkdtemp, readFile, writeFile, mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual, inspect } from "node:util";
import { transpile } from "@bytecodealliance/jco";

const [componentPath, casePath] = process.argv.slice(2);
const dir = await mkdtemp(join(tmpdir(), "gust-jco-run-"));
try {
  const { files } = await transpile(await readFile(componentPath), { name: "component", instantiation: "async", noTypescript: false });
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  if (process.env.GUST_JCO_SHOW) process.stdout.write(await readFile(join(dir, "component.d.ts"), "utf8"));
  const { instantiate } = await import(pathToFileURL(join(dir, "component.js")).href);
  const testCase = await import(pathToFileURL(resolve(casePath)).href);
  const logged = [];
  const exports = await instantiate((path) => WebAssembly.compile(files[path]), testCase.imports?.(logged) ?? {});
  let checks = 0;
  const check = (actual, expected, what) => {
    if (!isDeepStrictEqual(actual, expected))
      throw new Error(`${what}: expected ${inspect(expected)}, got ${inspect(actual)}`);
    checks++;
  };
  await testCase.run(exports, check, logged);
  console.log(`${checks} checks passed`);
} catch (e) {
  console.error(e?.stack ?? String(e));
  process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
