using Gust.Codegen;
using Gust.Wasm;
using Gust.Wasm.Linking;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>The <see cref="IWastEngine"/> side of a target run; see <see cref="TargetSession"/>.</summary>
internal sealed class TargetWastEngine(TargetSession session, Target target) : IWastEngine
{
    public IWastInstance Spectest { get; } = new SpectestInstance(session);

    public IWastModule Compile(Module module, byte[] binary) => new TargetModule(session, target, module);

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

    /// <summary>
    /// Compiles the instance to IR now, so a module the compiler rejects fails its own command; the
    /// image compiles it again once it knows who grows shared memories (<see cref="WastImage"/>).
    /// </summary>
    private void Record(int ordinal, IReadOnlyList<WastExtern> imports)
    {
        var instance = new TargetInstance(session, ordinal, module, imports.Select(i => (TargetHandle)i.Handle).ToList(), target);
        try
        {
            ModuleCompiler.EmitIr(module, instance.Options());
            session.Instances[ordinal] = instance;
        }
        catch (WasmException e)
        {
            session.Rejected[ordinal] = e.Diagnostic.Message;
        }
    }
}

/// <summary>One instance: a module compiled under its own symbol prefix, with its imports' providers.</summary>
internal sealed class TargetInstance(TargetSession session, int ordinal, Module module, IReadOnlyList<TargetHandle> imports, Target target)
    : IWastInstance
{
    public int Ordinal { get; } = ordinal;
    public Module Module { get; } = module;
    /// <summary>Each import's provider, in the module's import order.</summary>
    public IReadOnlyList<TargetHandle> Imports { get; } = imports;
    public string Prefix { get; } = $"m{ordinal}";

    public bool GrowsMemory => Module.Codes.Any(c => c.Body.Any(i => i.Op == Op.MemoryGrow));

    public bool GrowsTable => Module.Codes.Any(c => c.Body.Any(i => i.Op == Op.TableGrow));

    public bool ExportsMemory => Module.Exports.Any(e => e.Kind == ExternKind.Memory);

    /// <summary>Bytes reserved for each memory the module defines (null: its minimum); the image plans it from the board's RAM.</summary>
    public ulong? MemoryWindow { get; set; }

    /// <summary>Where the image puts the windows of the memories it planned (<see cref="MemoryPlan"/>), by memory index.</summary>
    public Dictionary<uint, MemoryPlacement> MemoryPlacements { get; } = new();

    /// <summary>
    /// Memories get <see cref="MemoryWindow"/>, tables 1024 entries of room beyond their minimum (within
    /// their maximum); imported memories and tables have the room their provider reserved.
    /// </summary>
    public CodegenOptions Options()
    {
        return new CodegenOptions(target)
        {
            SymbolPrefix = Prefix,
            MemoryWindow = MemoryWindow,
            MemoryPlacement = index => MemoryPlacements.GetValueOrDefault((uint)index),
            ImportSplit = imp => Imports[Module.Imports.IndexOf(imp)] is InstanceExport e ? e.Instance.MemorySplit(e.Name) : null,
            TableWindow = Module.Tables.Count > 0 ? Module.Tables.Max(t => t.Limits.Min) + 1024 : null,
            ImportCapacity = imp => Imports[Module.Imports.IndexOf(imp)] switch
            {
                SpectestExport s => SpectestInstance.Capacity(s.Name),
                InstanceExport e => e.Instance.Capacity(e.Name),
                _ => null,
            },
        };
    }

    /// <summary>The global holding an exported memory's or table's size (the image aliases a re-export's to its provider's).</summary>
    public string SizeSymbol(string export) => ModuleSymbols.Size(ModuleSymbols.Export(Prefix, export));

    /// <summary>The room of an exported memory or table, followed through re-exports to its provider.</summary>
    private ulong? Capacity(string export)
    {
        var e = Module.Exports.First(x => x.Name == export);
        var imported = Module.ImportsOf(e.Kind).ToList();
        if (e.Index < imported.Count)
            return Options().ImportCapacity!(imported[(int)e.Index]);
        return ModuleCompiler.Capacity(Module, Options(), e.Kind, e.Index);
    }

    /// <summary>The low bank of an exported two-bank memory (null: one bank), followed through re-exports to its provider.</summary>
    private ulong? MemorySplit(string export)
    {
        var e = Module.Exports.First(x => x.Name == export);
        var imported = Module.ImportsOf(e.Kind).ToList();
        return e.Index < imported.Count ? Options().ImportSplit!(imported[(int)e.Index]) : ModuleCompiler.MemorySplit(Module, Options(), e.Index);
    }

    public bool ImportsTwoBankMemory(Import imp) => imp.Kind == ExternKind.Memory && Options().ImportSplit!(imp) is not null;

    public WastExtern? Export(string name)
    {
        var e = Module.Exports.FirstOrDefault(x => x.Name == name);
        if (e is null) return null;
        var type = ExternType.OfExport(Module, e)!;
        if (e.Kind is ExternKind.Memory or ExternKind.Table) type = session.Current(type, SizeSymbol(name));
        return new WastExtern(type, new InstanceExport(this, name));
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

/// <summary>
/// The spectest host module as the target provides it: print functions that print nothing, and
/// globals, a table and a memory the image defines (<see cref="WastImage"/>), with the spec
/// interpreter's values and limits.
/// </summary>
internal sealed class SpectestInstance(TargetSession session) : IWastInstance
{
    public const string Prefix = "gust_spectest_";

    /// <summary>The global holding spectest's table or memory size, which the image defines.</summary>
    public static string SizeSymbol(string name) => ModuleSymbols.Size(Prefix + name);

    public static readonly Limits TableLimits = new(10, 20);
    public static readonly Limits MemoryLimits = new(1, 2);

    /// <summary>The room of spectest's table (entries) or memory (bytes): its maximum.</summary>
    public static ulong? Capacity(string name) => name switch
    {
        "table" => TableLimits.Max,
        "memory" => MemoryLimits.Max * 65536,
        _ => null,
    };

    public static bool IsFunction(string name) => Prints.ContainsKey(name);

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
        "table" => new WastExtern(session.Current(ExternType.Of(new TableType(ValType.FuncRef, TableLimits)), SizeSymbol(name)), new SpectestExport(name)),
        "memory" => new WastExtern(session.Current(ExternType.Of(new MemoryType(MemoryLimits)), SizeSymbol(name)), new SpectestExport(name)),
        _ => null,
    };

    private static WastExtern Global(ValType t) => new(ExternType.Of(new GlobalType(t, false)), new SpectestExport($"global_{t.Name()}"));

    public IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args) => [];

    public WastValue Get(string name) => throw new WastEngineException("spectest globals are not provided on the target yet");
}
