using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// What every function of a module needs to know about the others: symbols, types, memories,
/// tables, and the declarations (intrinsics, helpers) the bodies ask for.
/// </summary>
internal sealed class ModuleContext
{
    private readonly SortedSet<string> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metadata = new();

    public ModuleContext(Module module, CodegenOptions options)
    {
        Module = module;
        Options = options;
        Names = FunctionNames.Of(module);
        FuncTypes = Enumerable.Range(0, module.FuncCount).Select(i => module.FuncTypeOf((uint)i)!).ToArray();
        GrowsMemory = module.Codes.Any(c => c.Body.Any(i => i.Op == Op.MemoryGrow));
        Memories = Enumerable.Range(0, module.MemoryCount).Select(i => new MemoryLayout(this, i, module.MemoryTypeOf((uint)i)!)).ToArray();
    }

    public Module Module { get; }
    public CodegenOptions Options { get; }
    public string Prefix => Options.SymbolPrefix;
    public string[] Names { get; }
    public FuncType[] FuncTypes { get; }
    public MemoryLayout[] Memories { get; }

    /// <summary>Whether any function can change a memory's size; if none can, sizes are constants.</summary>
    public bool GrowsMemory { get; }

    /// <summary>The type id of a signature (<see cref="ModuleSymbols.TypeId"/>): an address, declared on first use.</summary>
    public string TypeId(FuncType type)
    {
        var name = ModuleSymbols.TypeId(type);
        Declare($"${name} = comdat any\n@{name} = linkonce_odr constant i8 0, comdat");
        return "@" + name;
    }

    /// <summary>The <paramref name="index"/>-th import of a kind: imports come first in each index space.</summary>
    public Import ImportOf(ExternKind kind, uint index) => Module.ImportsOf(kind).ElementAt((int)index);

    private string ImportSymbol(ExternKind kind, uint index)
    {
        var imp = ImportOf(kind, index);
        return LlvmNames.Global(ModuleSymbols.Import(Prefix, imp.Module, imp.Name));
    }

    public string FunctionSymbol(uint index)
    {
        if (index >= Module.ImportedFuncCount) return LlvmNames.Global($"{Prefix}.f{index}.{LlvmNames.Printable(Names[index])}");
        var imp = Module.ImportsOf(ExternKind.Func).ElementAt((int)index);
        return LlvmNames.Global(ModuleSymbols.Import(Prefix, imp.Module, imp.Name));
    }

    public string GlobalSymbol(uint index) =>
        index < Module.ImportedGlobalCount ? ImportSymbol(ExternKind.Global, index) : LlvmNames.Global($"{Prefix}.global{index}");
    public string TableSymbol(uint index) =>
        index < Module.ImportedTableCount ? ImportSymbol(ExternKind.Table, index) : LlvmNames.Global($"{Prefix}.table{index}");
    public string TableSizeSymbol(uint index)
    {
        if (index >= Module.ImportedTableCount) return LlvmNames.Global($"{Prefix}.table{index}.size");
        var imp = ImportOf(ExternKind.Table, index);
        return LlvmNames.Global(ModuleSymbols.Size(ModuleSymbols.Import(Prefix, imp.Module, imp.Name)));
    }
    /// <summary>The module's trap entry, (kind, function index) → gust_trap with the module's names (ModuleCompiler).</summary>
    public string TrapSymbol => LlvmNames.Global($"{Prefix}.trap");
    public string DescriptorsSymbol => LlvmNames.Global($"{Prefix}.funcs");
    public string DataSymbol(uint segment) => LlvmNames.Global($"{Prefix}.data{segment}");
    /// <summary>A data segment's length while it is available to memory.init; 0 once dropped (or active, after instantiation).</summary>
    public string DataLengthSymbol(uint segment) => LlvmNames.Global($"{Prefix}.data{segment}.length");
    public string ElemSymbol(uint segment) => LlvmNames.Global($"{Prefix}.elem{segment}");
    public string ElemLengthSymbol(uint segment) => LlvmNames.Global($"{Prefix}.elem{segment}.length");

    /// <summary>Entries reserved for a table: its minimum, or up to the window while the maximum allows (table.grow).</summary>
    public ulong TableCapacity(uint table)
    {
        var limits = Module.TableTypeOf(table)!.Limits;
        if (table < Module.ImportedTableCount && Options.ImportCapacity?.Invoke(ImportOf(ExternKind.Table, table)) is { } provided)
            return Math.Max(provided, limits.Min);
        var capacity = Math.Max(Options.TableWindow ?? limits.Min, limits.Min);
        return Math.Min(capacity, limits.Max ?? ulong.MaxValue);
    }

    /// <summary>A funcref to function <paramref name="index"/>: the address of its descriptor {code, type id}.</summary>
    public string FuncRef(uint index) =>
        $"getelementptr inbounds ([{Module.FuncCount} x {{ ptr, ptr }}], ptr {DescriptorsSymbol}, i32 0, i32 {index})";

    public void Declare(string declaration) => _declarations.Add(declaration);

    /// <summary>
    /// Range metadata for loads of a memory's size: never below its minimum, as memories never
    /// shrink. With it LLVM knows size − reach does not wrap and removes checks of addresses whose
    /// range it knows (a masked index into a static table) or hoists them out of counted loops.
    /// </summary>
    public string SizeRange(MemoryLayout mem) =>
        mem.MinBytes == 0 ? "" : $", !range {Metadata($"!{{i32 {(int)(uint)mem.MinBytes}, i32 0}}")}";

    /// <summary>A metadata node, numbered on first use and declared with the module.</summary>
    private string Metadata(string node)
    {
        if (!_metadata.TryGetValue(node, out var id))
        {
            _metadata[node] = id = $"!{_metadata.Count}";
            Declare($"{id} = {node}");
        }
        return id;
    }

    public IEnumerable<string> Declarations => _declarations;

    public static string Signature(FuncType t, string symbol) =>
        $"{LlvmTypes.Return(t.Results)} {symbol}({LlvmTypes.Params(t.Params)})";
}
