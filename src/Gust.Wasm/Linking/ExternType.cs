namespace Gust.Wasm.Linking;

/// <summary>
/// The type of an external value (spec 2.3.11 / 4.5.1): what an import asks for, or what an export
/// provides. For a table or memory that exists at run time, <see cref="Limits"/> holds its current
/// size as the minimum, as the spec's external typing does (spec 7.1.8 "external values").
/// </summary>
public sealed record ExternType
{
    private ExternType(ExternKind kind) => Kind = kind;

    public ExternKind Kind { get; }
    public FuncType? Func { get; private init; }
    public TableType? Table { get; private init; }
    public MemoryType? Memory { get; private init; }
    public GlobalType Global { get; private init; }

    public static ExternType Of(FuncType type) => new(ExternKind.Func) { Func = type };
    public static ExternType Of(TableType type) => new(ExternKind.Table) { Table = type };
    public static ExternType Of(MemoryType type) => new(ExternKind.Memory) { Memory = type };
    public static ExternType Of(GlobalType type) => new(ExternKind.Global) { Global = type };

    /// <summary>The type an import of <paramref name="module"/> declares, or null if its type index is out of range.</summary>
    public static ExternType? OfImport(Module module, Import import) => import.Kind switch
    {
        ExternKind.Func => import.FuncTypeIndex < module.Types.Count ? Of(module.Types[(int)import.FuncTypeIndex]) : null,
        ExternKind.Table => import.Table is { } t ? Of(t) : null,
        ExternKind.Memory => import.Memory is { } m ? Of(m) : null,
        _ => Of(import.Global),
    };

    /// <summary>The type of export <paramref name="export"/> as the module declares it, or null if its index is out of range.</summary>
    public static ExternType? OfExport(Module module, Export export) => export.Kind switch
    {
        ExternKind.Func => module.FuncTypeOf(export.Index) is { } f ? Of(f) : null,
        ExternKind.Table => module.TableTypeOf(export.Index) is { } t ? Of(t) : null,
        ExternKind.Memory => module.MemoryTypeOf(export.Index) is { } m ? Of(m) : null,
        _ => module.GlobalTypeOf(export.Index) is { } g ? Of(g) : null,
    };

    public override string ToString() => Kind switch
    {
        ExternKind.Func => $"func {Func}",
        ExternKind.Table => $"table {Describe(Table!.Limits)} {Table.ElemType.Name()}",
        ExternKind.Memory => $"memory {Describe(Memory!.Limits)}{(Memory.PageSizeLog2 != 16 ? $" (pagesize {Memory.PageSize})" : "")}",
        _ => $"global {(Global.Mutable ? $"(mut {Global.Type.Name()})" : Global.Type.Name())}",
    };

    private static string Describe(Limits l) => l.Max is { } max ? $"{l.Min} {max}" : $"{l.Min}";
}
