using System.Diagnostics;
using Gust.Component.Abi;
using Gust.Component.Bindgen;
using Gust.Component.Wit;
using Gust.Wasm;
using Wasmtime;

namespace Gust.Component.Tests;

/// <summary>
/// Builds a component's core module from C the way a user would (<c>gust bindgen c</c>, then clang-16 for wasm32,
/// freestanding) and runs it in Wasmtime as a component host would: arguments lowered and results lifted by
/// Gust's canonical ABI through the module's cabi_realloc and cabi_post_ functions, imports served by host
/// functions that lift their arguments and lower their results the same way.
/// </summary>
internal sealed class BindgenHarness : IDisposable
{
    public const string Clang = "clang-16";

    private readonly Engine engine = new();
    private readonly Store store;
    private readonly Instance instance;
    private readonly Dictionary<string, WitFunction> exports = [];

    /// <summary>The imports' host implementations, by "module name" (e.g. "$root log", "test:p/i@1.0.0 f").</summary>
    public delegate ComponentValue? HostFunction(ComponentValue[] args);

    private BindgenHarness(WitWorld world, byte[] wasm, IReadOnlyDictionary<string, HostFunction> hostFunctions)
    {
        store = new Store(engine);
        using var module = Wasmtime.Module.FromBytes(engine, "component-core", wasm);
        using var linker = new Linker(engine);
        foreach (var (moduleName, f) in ImportedFunctions(world))
        {
            var host = hostFunctions.TryGetValue($"{moduleName} {f.ExternName}", out var h) ? h
                : throw new InvalidOperationException($"no host function for {moduleName} {f.ExternName}");
            var ft = f.FuncType;
            var flat = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lower);
            linker.DefineFunction(moduleName, f.ExternName, (Caller caller, ReadOnlySpan<ValueBox> args, Span<ValueBox> results) =>
            {
                var memory = caller.GetMemory("memory")!;
                var realloc = caller.GetFunction("cabi_realloc")!;
                var options = new CanonicalOptions(new WasmtimeMemory(memory), Realloc: Realloc(realloc));
                var flatArgs = new List<FlatValue>();
                for (var i = 0; i < args.Length; i++) flatArgs.Add(FromBox(args[i], flat.Params[i]));
                var flatResults = CanonicalCalls.CallLowered(ft, options, a => host(a), flatArgs);
                for (var i = 0; i < flatResults.Count; i++) results[i] = ToBox(flatResults[i]);
            }, flat.Params.Select(Kind).ToList(), flat.Results.Select(Kind).ToList());
        }
        DefineResources(world, linker);
        instance = linker.Instantiate(store, module);
        foreach (var item in world.Exports)
        {
            if (item.Function is { } f) exports[item.Name] = f;
            else foreach (var fn in item.Interface!.Functions) exports[$"{item.Name}#{fn.ExternName}"] = fn;
        }
    }

    /// <summary>Generates bindings for the test world <paramref name="witName"/> (see <see cref="WitDir"/>), compiles them with <c>bindgen/&lt;cFile&gt;</c>, and instantiates the module.</summary>
    public static BindgenHarness Build(string witName, string cFile, IReadOnlyDictionary<string, HostFunction>? hostFunctions = null)
    {
        var (world, wasm) = CompileCore(witName, cFile);
        return new BindgenHarness(world, wasm, hostFunctions ?? new Dictionary<string, HostFunction>());
    }

    /// <summary>The world and the core module that <c>gust bindgen c</c> plus clang-16 make of <c>bindgen/&lt;cFile&gt;</c>.</summary>
    public static (WitWorld World, byte[] Core) CompileCore(string witName, string cFile)
    {
        var world = WitResolver.ResolveDirectory(WitDir(witName)).SelectWorld();
        var dir = Directory.CreateTempSubdirectory("gust-bindgen-");
        try
        {
            var bindings = CBindgen.Generate(world);
            CBindgen.WriteTo(bindings, dir.FullName);
            var wasm = Path.Combine(dir.FullName, "core.wasm");
            RunClang(["--target=wasm32", "-nostdlib", "-O2", "-Wall", "-Werror", "-std=c11", "-Wl,--no-entry",
                $"-I{dir.FullName}", Path.Combine(dir.FullName, bindings.GlueName), DataFile(cFile), "-o", wasm]);
            return (world, File.ReadAllBytes(wasm));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Compiles the header alone (-Wall -Wextra -Werror -std=c11 -pedantic) and the glue (-O2 -Wall -Wextra -Werror); clang's errors throw.</summary>
    public static void CheckHeader(string witName)
    {
        foreach (var world in WitResolver.ResolveDirectory(WitDir(witName)).Root.Worlds)
        {
            var dir = Directory.CreateTempSubdirectory("gust-bindgen-");
            try
            {
                var bindings = CBindgen.Generate(world);
                CBindgen.WriteTo(bindings, dir.FullName);
                var main = Path.Combine(dir.FullName, "use.c");
                File.WriteAllText(main, $"#include \"{bindings.HeaderName}\"\n");
                RunClang(["--target=wasm32", "-nostdlib", "-Wall", "-Wextra", "-Werror", "-std=c11", "-pedantic", "-fsyntax-only", main]);
                RunClang(["--target=wasm32", "-nostdlib", "-O2", "-Wall", "-Wextra", "-Werror", "-std=c11", "-c", "-o", Path.Combine(dir.FullName, "glue.o"), Path.Combine(dir.FullName, bindings.GlueName)]);
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        }
    }

    /// <summary>Representations of exported resources by handle: the one handle table that the host and guest share here.</summary>
    private readonly Dictionary<uint, uint> handles = [];
    private uint nextHandle = 1;

    /// <summary>Representations the guest's destructors were called with, in order.</summary>
    public List<uint> Destroyed { get; } = [];

    /// <summary>Handles of imported resources the guest dropped, in order.</summary>
    public List<uint> ImportedDrops { get; } = [];

    /// <summary>A borrow of an exported resource as an export receives it: its representation (CanonicalABI.md lower_borrow).</summary>
    public HandleValue Borrow(ComponentValue own) => ComponentValue.Handle(handles[((HandleValue)own).Index]);

    /// <summary>
    /// The canon resource.new/rep/drop built-ins for the resources the component exports (imported from
    /// "[export]iface"); a drop runs the guest's destructor. Also [resource-drop] for resources it imports.
    /// </summary>
    private void DefineResources(WitWorld world, Linker linker)
    {
        foreach (var item in world.Exports.Concat(world.Imports))
        {
            if (item.Interface is not { } iface) continue;
            var exported = world.Exports.Contains(item);
            foreach (var r in iface.Types.Where(t => t.Kind == WitTypeDefKind.Resource))
            {
                if (!exported)
                {
                    linker.DefineFunction(item.Name, $"[resource-drop]{r.Name}", (int h) => ImportedDrops.Add((uint)h));
                    continue;
                }
                var module = $"[export]{item.Name}";
                var dtor = $"{item.Name}#[dtor]{r.Name}";
                linker.DefineFunction(module, $"[resource-new]{r.Name}", (int rep) =>
                {
                    handles[nextHandle] = (uint)rep;
                    return (int)nextHandle++;
                });
                linker.DefineFunction(module, $"[resource-rep]{r.Name}", (int h) => (int)handles[(uint)h]);
                linker.DefineFunction(module, $"[resource-drop]{r.Name}", (Caller caller, int h) =>
                {
                    var rep = handles[(uint)h];
                    handles.Remove((uint)h);
                    Destroyed.Add(rep);
                    caller.GetFunction(dtor)!.Invoke((ValueBox)(int)rep);
                });
            }
        }
    }

    /// <summary>Calls an export (by its core name, e.g. "test:strings/text#echo") through canon lift.</summary>
    public ComponentValue? Call(string export, params ComponentValue[] args)
    {
        var f = exports[export];
        var core = instance.GetFunction(export) ?? throw new InvalidOperationException($"no export {export}");
        var post = instance.GetFunction($"cabi_post_{export}") ?? throw new InvalidOperationException($"no cabi_post_{export}");
        var flat = CanonicalAbi.FlattenFunc(f.FuncType, FlattenContext.Lift);
        var options = new CanonicalOptions(new WasmtimeMemory(instance.GetMemory("memory")!), Realloc: Realloc(instance.GetFunction("cabi_realloc")!),
            PostReturn: results => { post.Invoke(results.Select(ToBox).ToArray()); return []; });
        return CanonicalCalls.CallLifted(f.FuncType, options, flatArgs =>
        {
            var result = core.Invoke(flatArgs.Select(ToBox).ToArray());
            return flat.Results.Length == 0 ? [] : [FromObject(result!, flat.Results[0])];
        }, args);
    }

    public void Dispose()
    {
        store.Dispose();
        engine.Dispose();
    }

    private static IEnumerable<(string Module, WitFunction Function)> ImportedFunctions(WitWorld world)
    {
        foreach (var item in world.Imports)
        {
            if (item.Function is { } f) yield return ("$root", f);
            else if (item.Interface is { } iface)
                foreach (var fn in iface.Functions) yield return (item.Name, fn);
        }
    }

    private static Realloc Realloc(Function f) => (ptr, oldSize, align, newSize) =>
        unchecked((uint)(int)f.Invoke((int)ptr, (int)oldSize, (int)align, (int)newSize)!);

    private static ValueKind Kind(ValType t) => t switch
    {
        ValType.I32 => ValueKind.Int32,
        ValType.I64 => ValueKind.Int64,
        ValType.F32 => ValueKind.Float32,
        _ => ValueKind.Float64,
    };

    private static ValueBox ToBox(FlatValue v) => v.Type switch
    {
        ValType.I32 => (ValueBox)unchecked((int)v.AsI32),
        ValType.I64 => (ValueBox)unchecked((long)v.Bits),
        ValType.F32 => (ValueBox)v.AsF32,
        _ => (ValueBox)v.AsF64,
    };

    private static FlatValue FromBox(ValueBox b, ValType t) => t switch
    {
        ValType.I32 => FlatValue.I32(b.AsInt32()),
        ValType.I64 => FlatValue.I64(b.AsInt64()),
        ValType.F32 => FlatValue.F32(b.AsSingle()),
        _ => FlatValue.F64(b.AsDouble()),
    };

    private static FlatValue FromObject(object o, ValType t) => t switch
    {
        ValType.I32 => FlatValue.I32((int)o),
        ValType.I64 => FlatValue.I64((long)o),
        ValType.F32 => FlatValue.F32((float)o),
        _ => FlatValue.F64((double)o),
    };

    private static void RunClang(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Clang) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Clang} failed ({p.ExitCode}):\n{stdout}{stderr.Result}");
    }

    /// <summary>A shared test world (wit/NAME), or one of bindgen's own (bindgen/NAME).</summary>
    private static string WitDir(string name) =>
        Directory.Exists(Path.Combine(WitTestData.WorldsDir, name)) ? Path.Combine(WitTestData.WorldsDir, name) : DataFile(name);

    private static string DataFile(string name) => Path.Combine(WitTestData.WorldsDir, "..", "bindgen", name);

    /// <summary>Gust's view of a Wasmtime memory; read afresh on every access, since cabi_realloc may grow it.</summary>
    private sealed class WasmtimeMemory(Memory memory) : ILinearMemory
    {
        public Span<byte> Bytes => memory.GetSpan(0, checked((int)memory.GetLength()));
    }
}
