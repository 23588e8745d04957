namespace Gust.Wasm.Validation;

/// <summary>
/// The validation context C of spec 3.1.6: the types of everything a module's index spaces hold,
/// flattened into arrays once so that instruction checks are plain lookups.
/// </summary>
internal sealed class ModuleContext
{
    public ModuleContext(Module module, string? file)
    {
        Module = module;
        File = file;
        var funcs = new List<FuncType>();
        var tables = new List<TableType>();
        var memories = new List<MemoryType>();
        var globals = new List<GlobalType>();
        for (var i = 0; i < module.Imports.Count; i++)
        {
            var imp = module.Imports[i];
            var where = ImportSite(i);
            switch (imp.Kind)
            {
                case ExternKind.Func: funcs.Add(TypeAt(imp.FuncTypeIndex, () => where)); break;
                case ExternKind.Table: tables.Add(imp.Table ?? throw Fail("missing table type", where)); break;
                case ExternKind.Memory: memories.Add(imp.Memory ?? throw Fail("missing memory type", where)); break;
                case ExternKind.Global: globals.Add(imp.Global); break;
                default: throw Fail("unknown import kind", where);
            }
        }
        ImportedGlobalCount = globals.Count;
        for (var i = 0; i < module.Funcs.Count; i++)
            funcs.Add(TypeAt(module.Funcs[i], () => At($"func {funcs.Count}", i < module.Codes.Count ? module.Codes[i].At : null)));
        tables.AddRange(module.Tables);
        memories.AddRange(module.Memories);
        globals.AddRange(module.Globals.Select(g => g.Type));
        Funcs = funcs.ToArray();
        Tables = tables.ToArray();
        Memories = memories.ToArray();
        Globals = globals.ToArray();
        Elems = module.Elems.Select(e => e.ElemType).ToArray();
        Refs = DeclaredRefs(module);
    }

    public Module Module { get; }
    public string? File { get; }
    public FuncType[] Funcs { get; }
    public TableType[] Tables { get; }
    public MemoryType[] Memories { get; }
    public GlobalType[] Globals { get; }
    public int ImportedGlobalCount { get; }
    public ValType[] Elems { get; }
    public int DataCount => Module.Datas.Count;

    /// <summary>C.refs: the functions a body may take with ref.func (spec 3.4.10) — those named outside function bodies.</summary>
    public HashSet<uint> Refs { get; }

    public FuncType TypeAt(uint index, Func<Site> where) =>
        index < Module.Types.Count ? Module.Types[(int)index] : throw Fail("unknown type", where());

    public FuncType Func(uint index, Func<Site> where) =>
        index < Funcs.Length ? Funcs[index] : throw Fail($"unknown function {index}", where());

    public TableType Table(uint index, Func<Site> where) =>
        index < Tables.Length ? Tables[index] : throw Fail($"unknown table {index}", where());

    public MemoryType Memory(uint index, Func<Site> where) =>
        index < Memories.Length ? Memories[index] : throw Fail($"unknown memory {index}", where());

    public ValType Elem(uint index, Func<Site> where) =>
        index < Elems.Length ? Elems[index] : throw Fail($"unknown elem segment {index}", where());

    public void Data(uint index, Func<Site> where)
    {
        if (index >= DataCount) throw Fail($"unknown data segment {index}", where());
    }

    /// <summary>The site of a module item, at <paramref name="point"/> in the source if known, else in the file as a whole.</summary>
    public Site At(string where, SourcePoint? point = null) => new(where, point?.In(File) ?? new SourceLocation(File, -1, 0, 0));

    public Site ImportSite(int index)
    {
        var imp = Module.Imports[index];
        return At($"import {index} \"{imp.Module}\" \"{imp.Name}\"", PointOf(Module.ItemPositions?.Imports, index, Module.Imports.Count));
    }

    /// <summary>Item <paramref name="index"/>'s place from a position list parallel to a module list of <paramref name="count"/> items, while the two line up.</summary>
    public static SourcePoint? PointOf(List<SourcePoint>? points, int index, int count) =>
        points is not null && points.Count == count ? points[index] : null;

    /// <summary>Lookups take the site as a function so that the hot path builds no strings.</summary>
    public WasmException Fail(string message, Site site) =>
        new(new Diagnostic(DiagnosticKind.Invalid, message, site.Location) { Where = site.Where });

    private static HashSet<uint> DeclaredRefs(Module module)
    {
        var refs = new HashSet<uint>();
        void Scan(List<Instr>? expr)
        {
            if (expr is null) return;
            foreach (var instr in expr)
                if (instr.Op == Op.RefFunc) refs.Add(instr.Index);
        }
        foreach (var g in module.Globals) Scan(g.Init);
        foreach (var e in module.Elems)
        {
            Scan(e.Offset);
            if (e.FuncIndices is not null) refs.UnionWith(e.FuncIndices);
            if (e.Exprs is not null) foreach (var x in e.Exprs) Scan(x);
        }
        foreach (var d in module.Datas) Scan(d.Offset);
        foreach (var x in module.Exports)
            if (x.Kind == ExternKind.Func) refs.Add(x.Index);
        return refs;
    }
}
