namespace Gust.Wasm.Validation;

/// <summary>Validates a module (spec chapter 3) for WebAssembly 2.0 plus extended-const, multi-memory and custom-page-sizes.</summary>
public static class Validator
{
    /// <summary>
    /// Throws <see cref="WasmException"/> (Invalid) at the first error, with the spec suite's message and,
    /// in <see cref="Diagnostic.Where"/>, the item (and instruction) at fault. The diagnostic's location is
    /// that instruction's or item's place in the source when the module keeps positions (read or parsed),
    /// else just <paramref name="file"/>. Checks run in the order of the
    /// spec's reference interpreter, so that a module with several faults reports the one the suite expects.
    /// </summary>
    public static void Validate(Module module, string? file = null)
    {
        var c = new ModuleContext(module, file);
        var code = new CodeValidator(c);
        for (var i = 0; i < module.Types.Count; i++) CheckFuncType(c, module.Types[i], c.At($"type {i}"));
        CheckImports(c);
        for (var i = 0; i < module.Globals.Count; i++)
        {
            var index = c.ImportedGlobalCount + i;
            var g = module.Globals[i];
            var where = c.At($"global {index}", g.At);
            CheckValType(c, g.Type.Type, where);
            code.ValidateConst(g.Init, g.InitPositions, g.Type.Type, index, where);
        }
        var places = module.ItemPositions;
        var tableBase = module.ImportedTableCount;
        for (var i = 0; i < module.Tables.Count; i++)
            TypeRules.CheckTable(c, module.Tables[i], c.At($"table {tableBase + i}", ModuleContext.PointOf(places?.Tables, i, module.Tables.Count)));
        var memoryBase = module.ImportedMemoryCount;
        for (var i = 0; i < module.Memories.Count; i++)
            TypeRules.CheckMemory(c, module.Memories[i], c.At($"memory {memoryBase + i}", ModuleContext.PointOf(places?.Memories, i, module.Memories.Count)));
        for (var i = 0; i < module.Elems.Count; i++) CheckElem(c, code, module.Elems[i], i);
        for (var i = 0; i < module.Datas.Count; i++) CheckData(c, code, module.Datas[i], i);
        CheckFuncs(c, code);
        if (module.Start is { } start)
        {
            var where = c.At("start", places?.Start);
            var type = c.Func(start, () => where);
            if (type.Params.Length != 0 || type.Results.Length != 0) throw c.Fail("start function", where);
        }
        CheckExports(c);
    }

    private static void CheckFuncType(ModuleContext c, FuncType type, Site where)
    {
        foreach (var t in type.Params) CheckValType(c, t, where);
        foreach (var t in type.Results) CheckValType(c, t, where);
    }

    private static void CheckValType(ModuleContext c, ValType t, Site where)
    {
        if (!ValTypes.IsDefined((byte)t)) throw c.Fail("invalid value type", where);
    }

    private static void CheckImports(ModuleContext c)
    {
        for (var i = 0; i < c.Module.Imports.Count; i++)
        {
            var imp = c.Module.Imports[i];
            var where = c.ImportSite(i);
            switch (imp.Kind)
            {
                case ExternKind.Table: TypeRules.CheckTable(c, imp.Table!, where); break;
                case ExternKind.Memory: TypeRules.CheckMemory(c, imp.Memory!, where); break;
                case ExternKind.Global: CheckValType(c, imp.Global.Type, where); break;
            }
        }
    }

    /// <summary>Spec 3.4.6: every initializer has the segment's type; an active segment's table holds that type.</summary>
    private static void CheckElem(ModuleContext c, CodeValidator code, ElemSegment seg, int index)
    {
        var where = c.At($"elem segment {index}", seg.At);
        if (!seg.ElemType.IsRef()) throw c.Fail("type mismatch", where);
        if (seg.FuncIndices is not null)
        {
            if (seg.ElemType != ValType.FuncRef) throw c.Fail("type mismatch", where);
            foreach (var f in seg.FuncIndices) c.Func(f, () => where);
        }
        if (seg.Exprs is not null)
            for (var i = 0; i < seg.Exprs.Count; i++)
            {
                var positions = seg.ExprPositions is { } p && p.Count == seg.Exprs.Count ? p[i] : null;
                code.ValidateConst(seg.Exprs[i], positions, seg.ElemType, c.Globals.Length, where with { Where = $"{where.Where}, item {i}" });
            }
        if (seg.Mode != SegmentMode.Active) return;
        var table = c.Table(seg.Table, () => where);
        code.ValidateConst(Offset(c, seg.Offset, where), seg.OffsetPositions, ValType.I32, c.Globals.Length, where with { Where = $"{where.Where} offset" });
        if (table.ElemType != seg.ElemType) throw c.Fail("type mismatch", where);
    }

    private static void CheckData(ModuleContext c, CodeValidator code, DataSegment seg, int index)
    {
        if (seg.Mode != SegmentMode.Active) return;
        var where = c.At($"data segment {index}", seg.At);
        c.Memory(seg.Memory, () => where);
        code.ValidateConst(Offset(c, seg.Offset, where), seg.OffsetPositions, ValType.I32, c.Globals.Length, where with { Where = $"{where.Where} offset" });
    }

    private static List<Instr> Offset(ModuleContext c, List<Instr>? offset, Site where) =>
        offset ?? throw c.Fail("active segment without offset", where);

    private static void CheckFuncs(ModuleContext c, CodeValidator code)
    {
        var m = c.Module;
        if (m.Codes.Count != m.Funcs.Count) throw c.Fail("function and code section have inconsistent lengths", c.At("code section"));
        var first = (uint)m.ImportedFuncCount;
        for (var i = 0; i < m.Codes.Count; i++)
        {
            var index = first + (uint)i;
            code.ValidateFunction(index, c.Funcs[index], m.Codes[i]);
        }
    }

    /// <summary>Spec 3.4.9/3.4.10: names are unique and each export names something that exists.</summary>
    private static void CheckExports(ModuleContext c)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var exports = c.Module.Exports;
        for (var i = 0; i < exports.Count; i++)
        {
            var x = exports[i];
            var where = c.At($"export \"{x.Name}\"", ModuleContext.PointOf(c.Module.ItemPositions?.Exports, i, exports.Count));
            switch (x.Kind)
            {
                case ExternKind.Func: c.Func(x.Index, () => where); break;
                case ExternKind.Table: c.Table(x.Index, () => where); break;
                case ExternKind.Memory: c.Memory(x.Index, () => where); break;
                case ExternKind.Global:
                    if (x.Index >= c.Globals.Length) throw c.Fail($"unknown global {x.Index}", where);
                    break;
                default: throw c.Fail("unknown export kind", where);
            }
            if (!names.Add(x.Name)) throw c.Fail("duplicate export name", where);
        }
    }
}
