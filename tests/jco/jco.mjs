// Command-line access to jco's node API for Gust.Component.Tests (run with `node jco.mjs <command> …`).
//   dummy WITDIR WORLD OUT    a core module for WORLD with its WIT embedded (componentEmbed dummy)
//   embed CORE WITDIR WORLD OUT  embed WIT into an existing core module
//   new CORE OUT              componentNew: a component from a core module with embedded WIT
//   wit COMPONENT             componentWit: prints the component's WIT
//   print WASM                prints the text form
//   sample WITDIR WORLD DIR   dummy + new in one run: writes DIR/core.wasm and DIR/jco.wasm, prints the WIT of jco.wasm
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { componentEmbed, componentNew, componentWit, print } from "@bytecodealliance/jco";

// jco's WASI sandbox cannot read paths, so a package folder (with deps/) becomes one source text:
// the root package's files, then each dependency as a nested `package … { }` block.
async function witSource(dir) {
  const root = await packageText(dir, false);
  let deps = "";
  const depsDir = join(dir, "deps");
  const entries = await readdir(depsDir).catch(() => []);
  for (const e of entries.sort()) {
    const p = join(depsDir, e);
    if ((await stat(p)).isDirectory() || e.endsWith(".wit")) deps += "\n" + (await packageText(p, true));
  }
  return root + deps;
}

async function packageText(path, nested) {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path)).filter((f) => f.endsWith(".wit")).sort().map((f) => join(path, f))
    : [path];
  let header = "", body = "";
  for (const f of files) {
    const text = await readFile(f, "utf8");
    body += text.replace(/^\s*package\s+([^;{]+);/m, (_, name) => ((header = name.trim()), "")) + "\n";
  }
  return nested ? `package ${header} {\n${body}}\n` : `package ${header};\n${body}`;
}

const [command, ...args] = process.argv.slice(2);
try {
  switch (command) {
    case "dummy": {
      const [witPath, world, out] = args;
      await writeFile(out, await componentEmbed({ dummy: true, witSource: await witSource(witPath), world: world || undefined }));
      break;
    }
    case "embed": {
      const [core, witPath, world, out] = args;
      await writeFile(out, await componentEmbed({ binary: await readFile(core), witSource: await witSource(witPath), world: world || undefined }));
      break;
    }
    case "new": {
      const [core, out] = args;
      await writeFile(out, await componentNew(await readFile(core)));
      break;
    }
    case "wit":
      process.stdout.write(await componentWit(await readFile(args[0])));
      break;
    case "sample": {
      const [witPath, world, dir] = args;
      const core = await componentEmbed({ dummy: true, witSource: await witSource(witPath), world: world || undefined });
      const component = await componentNew(core);
      await writeFile(join(dir, "core.wasm"), core);
      await writeFile(join(dir, "jco.wasm"), component);
      process.stdout.write(await componentWit(component));
      break;
    }
    case "print":
      process.stdout.write(await print(await readFile(args[0])));
      break;
    default:
      throw new Error(`unknown command ${command}`);
  }
} catch (e) {
  console.error(e?.message ?? String(e));
  process.exit(1);
}
