namespace Gust.Wasm;

/// <summary>
/// A core WebAssembly module as its sections hold it (spec 2.5). Mutable lists so readers and the
/// text parser can build it; consumers treat a finished module as read-only.
/// Index spaces (functions, tables, memories, globals) start with the imports of that kind.
/// </summary>
public sealed class Module
{
    public List<FuncType> Types { get; } = new();
    public List<Import> Imports { get; } = new();
    /// <summary>Type index of each defined function (function section).</summary>
    public List<uint> Funcs { get; } = new();
    public List<TableType> Tables { get; } = new();
    public List<MemoryType> Memories { get; } = new();
    public List<Global> Globals { get; } = new();
    public List<Export> Exports { get; } = new();
    public uint? Start { get; set; }
    public List<ElemSegment> Elems { get; } = new();
    /// <summary>The data count section's value, when the section is present.</summary>
    public uint? DataCount { get; set; }
    /// <summary>Bodies of the defined functions, parallel to <see cref="Funcs"/>.</summary>
    public List<Code> Codes { get; } = new();
    public List<DataSegment> Datas { get; } = new();
    public List<CustomSection> Customs { get; } = new();

    /// <summary>
    /// How the binary this module was read from was laid out (section order, empty sections,
    /// LEB128 widths), so that writing an unchanged module gives back the same bytes. Null for
    /// modules built in memory or from text; the writer then uses the canonical encoding.
    /// </summary>
    public Binary.BinaryLayout? Layout { get; set; }

    /// <summary>Where imports, tables, memories, exports and the start function were defined, when read from a source.</summary>
    public ItemPositions? ItemPositions { get; set; }

    public IEnumerable<Import> ImportsOf(ExternKind kind) => Imports.Where(i => i.Kind == kind);
    public int ImportedFuncCount => Imports.Count(i => i.Kind == ExternKind.Func);
    public int ImportedTableCount => Imports.Count(i => i.Kind == ExternKind.Table);
    public int ImportedMemoryCount => Imports.Count(i => i.Kind == ExternKind.Memory);
    public int ImportedGlobalCount => Imports.Count(i => i.Kind == ExternKind.Global);

    public int FuncCount => ImportedFuncCount + Funcs.Count;
    public int TableCount => ImportedTableCount + Tables.Count;
    public int MemoryCount => ImportedMemoryCount + Memories.Count;
    public int GlobalCount => ImportedGlobalCount + Globals.Count;

    /// <summary>Type of function <paramref name="funcIndex"/> in the function index space, or null if out of range.</summary>
    public FuncType? FuncTypeOf(uint funcIndex)
    {
        uint i = 0;
        foreach (var imp in Imports)
        {
            if (imp.Kind != ExternKind.Func) continue;
            if (i++ == funcIndex) return imp.FuncTypeIndex < Types.Count ? Types[(int)imp.FuncTypeIndex] : null;
        }
        var local = funcIndex - i;
        if (local >= Funcs.Count) return null;
        var t = Funcs[(int)local];
        return t < Types.Count ? Types[(int)t] : null;
    }

    public TableType? TableTypeOf(uint index)
    {
        var imported = Imports.Where(x => x.Kind == ExternKind.Table).Select(x => x.Table!).ToList();
        if (index < imported.Count) return imported[(int)index];
        index -= (uint)imported.Count;
        return index < Tables.Count ? Tables[(int)index] : null;
    }

    public MemoryType? MemoryTypeOf(uint index)
    {
        var imported = Imports.Where(x => x.Kind == ExternKind.Memory).Select(x => x.Memory!).ToList();
        if (index < imported.Count) return imported[(int)index];
        index -= (uint)imported.Count;
        return index < Memories.Count ? Memories[(int)index] : null;
    }

    public GlobalType? GlobalTypeOf(uint index)
    {
        var imported = Imports.Where(x => x.Kind == ExternKind.Global).Select(x => x.Global).ToList();
        if (index < imported.Count) return imported[(int)index];
        index -= (uint)imported.Count;
        return index < Globals.Count ? Globals[(int)index].Type : null;
    }
}

/// <summary>An import; which of the descriptor fields is meaningful depends on <see cref="Kind"/>.</summary>
public sealed record Import(string Module, string Name, ExternKind Kind)
{
    public uint FuncTypeIndex { get; init; }
    public TableType? Table { get; init; }
    public MemoryType? Memory { get; init; }
    public GlobalType Global { get; init; }
}

public sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A defined global with its constant initializer expression (ends with End).</summary>
public sealed record Global(GlobalType Type, List<Instr> Init)
{
    /// <summary>Where the global is defined in the source; null for modules built in code.</summary>
    public SourcePoint? At { get; set; }
    /// <summary>Where each instruction of <see cref="Init"/> is, when read from a source.</summary>
    public InstrPositions? InitPositions { get; set; }
}

public enum SegmentMode : byte { Passive, Active, Declarative }

/// <summary>
/// An element segment (spec 2.5.7, binary 5.5.12). <see cref="Flags"/> is the binary form 0..7, kept so
/// the writer reproduces the encoding it was read with; a segment holds either function indices
/// (forms 0-3) or expressions (forms 4-7).
/// </summary>
public sealed class ElemSegment
{
    public SegmentMode Mode { get; set; }
    public uint Table { get; set; }
    public List<Instr>? Offset { get; set; }
    public ValType ElemType { get; set; } = ValType.FuncRef;
    public List<uint>? FuncIndices { get; set; }
    public List<List<Instr>>? Exprs { get; set; }
    public byte Flags { get; set; }
    public int Count => FuncIndices?.Count ?? Exprs?.Count ?? 0;

    /// <summary>Where the segment is defined in the source; null for modules built in code.</summary>
    public SourcePoint? At { get; set; }
    /// <summary>Where each instruction of <see cref="Offset"/> is, when read from a source.</summary>
    public InstrPositions? OffsetPositions { get; set; }
    /// <summary>Where each instruction of each of <see cref="Exprs"/> is, parallel to it, when read from a source.</summary>
    public List<InstrPositions>? ExprPositions { get; set; }
}

/// <summary>A data segment (spec 2.5.8). <see cref="Flags"/> is the binary form 0..2.</summary>
public sealed class DataSegment
{
    public SegmentMode Mode { get; set; }
    public uint Memory { get; set; }
    public List<Instr>? Offset { get; set; }
    public byte[] Bytes { get; set; } = Array.Empty<byte>();
    public byte Flags { get; set; }

    /// <summary>Where the segment is defined in the source; null for modules built in code.</summary>
    public SourcePoint? At { get; set; }
    /// <summary>Where each instruction of <see cref="Offset"/> is, when read from a source.</summary>
    public InstrPositions? OffsetPositions { get; set; }
}

/// <summary>A function body: local declarations as grouped in the binary, and the instructions ending with End.</summary>
public sealed class Code
{
    public List<LocalGroup> Locals { get; } = new();
    public List<Instr> Body { get; } = new();
    /// <summary>Where the function is defined in the source (its body entry in a binary); null for modules built in code.</summary>
    public SourcePoint? At { get; set; }
    /// <summary>Where each instruction of <see cref="Body"/> is, parallel to it, when read from a source.</summary>
    public InstrPositions? Positions { get; set; }

    public IEnumerable<ValType> LocalTypes() => Locals.SelectMany(g => Enumerable.Repeat(g.Type, (int)g.Count));
}

public readonly record struct LocalGroup(uint Count, ValType Type);

/// <summary>
/// A custom section. <see cref="After"/> is the id of the last non-custom section before it in the binary
/// (0 when it comes first), so the writer can put it back where it was.
/// </summary>
public sealed record CustomSection(string Name, byte[] Data, byte After);
