using Gust.Codegen;
using Gust.Codegen.Llvm;
using Gust.Codegen.Tools;
using Gust.Firmware.Boards;
using Gust.Firmware.Linking;
using Gust.Wasm.Binary;
using Gust.Wasm.Validation;

namespace Gust.Bench;

/// <summary>The image of one workload in one variant for one board, and the objects that are the workload's own.</summary>
public sealed record BenchImage(string Elf, IReadOnlyList<string> WorkloadObjects);

/// <summary>
/// Builds benchmark images: the workload's objects (per variant), the driver compiled for the
/// variant's kind, and the board's firmware runtime, linked by <see cref="FirmwareLinker"/>.
/// All files go under one work directory holding the extracted sources.
/// </summary>
public sealed class ImageBuilder(string workDir)
{
    public const string Wasm2cName = "bench";
    public const string GustPrefix = "bench";
    private const int StackPaint = 32 * 1024;

    /// <summary>Stack the wasm32 build reserves in linear memory: the workloads' deepest frames plus margin.</summary>
    public const int WasmStackSize = 16 * 1024;

    public string SourceDir { get; } = Path.Combine(workDir, "src");

    public void ExtractSources()
    {
        Directory.CreateDirectory(SourceDir);
        BenchSources.WriteTo(SourceDir);
        File.Copy(Wasm2cHeader(), Path.Combine(SourceDir, "wasm-rt.h"), overwrite: true);
    }

    public BenchImage Build(BoardManifest board, Workload workload, Variant variant, int reps)
    {
        var dir = Path.Combine(workDir, board.Name, workload.Name, variant.Id);
        Directory.CreateDirectory(dir);
        var source = Path.Combine(SourceDir, workload.Source);
        var gcc = CrossGcc.For(board.Target);
        var objects = new List<string>();
        switch (variant.Kind)
        {
            case VariantKind.Native:
                objects.Add(Path.Combine(dir, "workload.o"));
                gcc.Compile(source, objects[0], [variant.GccOptimization, $"-I{SourceDir}"]);
                break;
            case VariantKind.Gust:
            {
                var wasm = WasmFor(workload);
                var module = ModuleReader.Read(File.ReadAllBytes(wasm), wasm);
                Validator.Validate(module, wasm);
                var options = new CodegenOptions(board.Target) { BoundsChecks = variant.BoundsChecks, SymbolPrefix = GustPrefix, StackGuard = board.Stack.CodegenGuard };
                objects.Add(Path.Combine(dir, "module.o"));
                File.WriteAllBytes(objects[0], ModuleCompiler.Compile(module, options));
                File.WriteAllText(Path.Combine(dir, "module.ll"), ModuleCompiler.EmitIr(module, options));
                break;
            }
            case VariantKind.Wasm2c:
            {
                var wasm = WasmFor(workload);
                var c = Path.Combine(dir, "module.c");
                ExternalTool.Check("wasm2c", [wasm, "-o", c, "-n", Wasm2cName]);
                var memory = InitialMemoryBytes(wasm);
                string[] flags = [variant.GccOptimization, "-DNDEBUG", $"-DBENCH_WASM2C_MEMORY={memory}", $"-I{dir}", $"-I{SourceDir}", "-Wno-unused"];
                objects.Add(Path.Combine(dir, "module.o"));
                gcc.Compile(c, objects[0], flags);
                objects.Add(Path.Combine(dir, "wasm2c_runtime.o"));
                gcc.Compile(Path.Combine(SourceDir, "wasm2c_runtime.c"), objects[1], flags);
                break;
            }
        }
        var driver = Path.Combine(dir, "driver.o");
        Clang.CompileFile(board.Target, Path.Combine(SourceDir, "driver.c"), driver,
        [
            $"-DBENCH_KIND_{variant.Kind.ToString().ToUpperInvariant()}", $"-DBENCH_REPS={reps}u", $"-DBENCH_STACK_PAINT={StackPaint}",
            $"-DBENCH_GUST_INIT={ModuleSymbols.Init(GustPrefix)}", $"-DBENCH_GUST_RUN={ModuleSymbols.Export(GustPrefix, "bench_run")}",
        ]);
        var elf = Path.Combine(dir, "image.elf");
        FirmwareLinker.Link(board, [driver, .. objects], elf);
        return new BenchImage(elf, objects);
    }

    /// <summary>The workload for wasm32: clang -O2, no libc (our memcpy/memset), bench_run exported; built once per workload.</summary>
    public string WasmFor(Workload workload)
    {
        var wasm = Path.Combine(workDir, "wasm", workload.Name + ".wasm");
        lock (this)
        {
            if (File.Exists(wasm)) return wasm;
            Directory.CreateDirectory(Path.GetDirectoryName(wasm)!);
            var tmp = wasm + ".tmp";
            ExternalTool.Check(Clang.Exe,
            [
                "--target=wasm32", "-O2", "-nostdlib", "-ffreestanding", "-Wall", $"-I{SourceDir}",
                "-Wl,--no-entry", $"-Wl,-z,stack-size={WasmStackSize}", "-o", tmp,
                Path.Combine(SourceDir, workload.Source), Path.Combine(SourceDir, "wasm_libc.c"),
            ]);
            File.Move(tmp, wasm);
            return wasm;
        }
    }

    private static long InitialMemoryBytes(string wasm)
    {
        var module = ModuleReader.Read(File.ReadAllBytes(wasm), wasm);
        var memory = module.MemoryTypeOf(0) ?? throw new InvalidOperationException($"{wasm} has no memory");
        return (long)memory.Limits.Min * 65536;
    }

    /// <summary>wabt's wasm-rt.h, which wasm2c output includes; Debian installs it in /usr/include.</summary>
    private static string Wasm2cHeader()
    {
        foreach (var p in (string[])["/usr/include/wasm-rt.h", "/usr/src/wasm2c/wasm-rt.h", "/usr/local/include/wasm-rt.h"])
            if (File.Exists(p)) return p;
        throw ExternalTool.Failure("wasm2c", "is installed without wasm-rt.h (looked in /usr/include, /usr/src/wasm2c); install wabt");
    }
}
