using Gust.Codegen;
using Gust.Wasm;
using Gust.Wasm.Linking;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>The <see cref="IWastEngine"/> side of a target run; see <see cref="TargetSession"/>.</summary>
internal sealed class TargetWastEngine(TargetSession session, Target target) : IWastEngine
{
    public IWastInstance Spectest { get; } = new SpectestInstance();

    public IWastModule Compile(Module module, byte[] binary)
    {
        if (module.Imports.FirstOrDefault(i => i.Kind != ExternKind.Func) is { } imp)
            throw new WastEngineException($"imported {imp.Kind.ToString().ToLowerInvariant()}s are not supported on the target yet ({imp.Module}.{imp.Name})");
        return new TargetModule(session, target, module);
    }

    public void Dispose() { }
}

internal sealed class TargetModule(TargetSession session, Target target, Module module) : IWastModule
{
    public IWastInstance Instantiate(IReadOnlyList<WastExtern> imports)
    {
        var ordinal = session.NextInstanceOrdinal();
        if (!session.Replaying) Record(ordinal, imports);
        if (session.Rejected.TryGetValue(ordinal, out var why)) throw new WastEngineException(why);
        var instance = session.Instances.TryGetValue(ordinal, out var known) ? known
            : throw new WastEngineException("the target run has no such instance (the script ran differently than recorded)");
        session.Step(instance, () => new InstantiateStep(instance));
        return instance;
    }

    /// <summary>Compiles the instance to IR now, so a module the compiler rejects fails its own command.</summary>
    private void Record(int ordinal, IReadOnlyList<WastExtern> imports)
    {
        var options = Options(target, module, ordinal);
        try
        {
            var ir = ModuleCompiler.EmitIr(module, options);
            session.Instances[ordinal] = new TargetInstance(session, ordinal, module, imports.Select(i => (TargetHandle)i.Handle).ToList(), options, ir);
        }
        catch (WasmException e)
        {
            session.Rejected[ordinal] = e.Diagnostic.Message;
        }
    }

    /// <summary>
    /// Memories that can grow get 16 pages (1 MiB) of room within their maximum, tables 1024 entries:
    /// most of what the spec scripts grow to, within the RAM of the smallest conformance board (4 MiB).
    /// </summary>
    private static CodegenOptions Options(Target target, Module module, int ordinal)
    {
        var grows = module.Codes.Any(c => c.Body.Any(i => i.Op == Op.MemoryGrow));
        var pages = module.Memories.Count > 0 ? module.Memories.Max(m => m.Limits.Min * m.PageSize) : 0;
        return new CodegenOptions(target)
        {
            SymbolPrefix = $"m{ordinal}",
            MemoryWindow = grows ? pages + 16 * 65536 : null,
            TableWindow = module.Tables.Count > 0 ? module.Tables.Max(t => t.Limits.Min) + 1024 : null,
        };
    }
}

/// <summary>One instance: a module compiled under its own symbol prefix, with its imports' providers.</summary>
internal sealed class TargetInstance(TargetSession session, int ordinal, Module module, IReadOnlyList<TargetHandle> imports, CodegenOptions options, string ir)
    : IWastInstance
{
    public string Ir { get; } = ir;
    public int Ordinal { get; } = ordinal;
    public Module Module { get; } = module;
    public IReadOnlyList<TargetHandle> Imports { get; } = imports;
    public CodegenOptions Options { get; } = options;
    public string Prefix => Options.SymbolPrefix;

    public WastExtern? Export(string name)
    {
        var e = Module.Exports.FirstOrDefault(x => x.Name == name);
        return e is null ? null : new WastExtern(ExternType.OfExport(Module, e)!, new InstanceExport(this, name));
    }

    public IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args)
    {
        var e = Module.Exports.FirstOrDefault(x => x.Name == name && x.Kind == ExternKind.Func)
            ?? throw new WastEngineException($"no exported function \"{name}\"");
        var type = Module.FuncTypeOf(e.Index)!;
        var outcome = session.Step(this, () => new InvokeStep(this, name, type, args));
        return outcome?.Values ?? type.Results.Select(Placeholder).ToList();
    }

    public WastValue Get(string name)
    {
        var e = Module.Exports.FirstOrDefault(x => x.Name == name && x.Kind == ExternKind.Global)
            ?? throw new WastEngineException($"no exported global \"{name}\"");
        var type = Module.GlobalTypeOf(e.Index)!.Value.Type;
        var outcome = session.Step(this, () => new GetStep(this, name, type));
        return outcome?.Values?[0] ?? Placeholder(type);
    }

    private static WastValue Placeholder(ValType t) => new(t, 0, IsNull: t.IsRef());
}

/// <summary>The spectest host module as far as the target provides it: the print functions (they print nothing).</summary>
internal sealed class SpectestInstance : IWastInstance
{
    private static readonly Dictionary<string, ValType[]> Prints = new()
    {
        ["print"] = [], ["print_i32"] = [ValType.I32], ["print_i64"] = [ValType.I64], ["print_f32"] = [ValType.F32],
        ["print_f64"] = [ValType.F64], ["print_i32_f32"] = [ValType.I32, ValType.F32], ["print_f64_f64"] = [ValType.F64, ValType.F64],
    };

    public WastExtern? Export(string name) => name switch
    {
        _ when Prints.TryGetValue(name, out var ps) => new WastExtern(ExternType.Of(new FuncType(ps, [])), new SpectestExport(name)),
        "global_i32" => Global(ValType.I32), "global_i64" => Global(ValType.I64),
        "global_f32" => Global(ValType.F32), "global_f64" => Global(ValType.F64),
        "table" => new WastExtern(ExternType.Of(new TableType(ValType.FuncRef, new Limits(10, 20))), new SpectestExport(name)),
        "memory" => new WastExtern(ExternType.Of(new MemoryType(new Limits(1, 2))), new SpectestExport(name)),
        _ => null,
    };

    private static WastExtern Global(ValType t) => new(ExternType.Of(new GlobalType(t, false)), new SpectestExport("global"));

    public IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args) => [];

    public WastValue Get(string name) => throw new WastEngineException("spectest globals are not provided on the target yet");
}
