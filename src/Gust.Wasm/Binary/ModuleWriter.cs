namespace Gust.Wasm.Binary;

/// <summary>Encodes a module in the binary format; reproduces <see cref="Module.Layout"/> when present.</summary>
public static class ModuleWriter
{
    public static byte[] Write(Module module)
    {
        var w = new WasmWriter(new LayoutReplay(module.Layout));
        w.Fixed32(ModuleReader.Magic);
        w.Fixed32(ModuleReader.Version);
        WriteCustoms(w, module, after: 0, alsoUnplaced: false);
        foreach (var id in SectionId.Order)
        {
            if (HasContent(module, id) || w.Replay.HadSection(id))
            {
                w.Byte(id);
                w.Sized(s => WriteSection(s, module, id));
            }
            WriteCustoms(w, module, id, alsoUnplaced: id == SectionId.Order[^1]);
        }
        return w.ToArray();
    }

    /// <summary>Custom sections that followed section <paramref name="after"/>; at the end also those naming no known section.</summary>
    private static void WriteCustoms(WasmWriter w, Module module, byte after, bool alsoUnplaced)
    {
        foreach (var custom in module.Customs)
        {
            var placed = custom.After == SectionId.Custom || SectionId.Rank(custom.After) > 0;
            if (custom.After != after && !(alsoUnplaced && !placed)) continue;
            w.Byte(SectionId.Custom);
            w.Sized(s =>
            {
                s.Name(custom.Name);
                s.Bytes(custom.Data);
            });
        }
    }

    private static bool HasContent(Module m, byte id) => id switch
    {
        SectionId.Type => m.Types.Count > 0,
        SectionId.Import => m.Imports.Count > 0,
        SectionId.Function => m.Funcs.Count > 0,
        SectionId.Table => m.Tables.Count > 0,
        SectionId.Memory => m.Memories.Count > 0,
        SectionId.Global => m.Globals.Count > 0,
        SectionId.Export => m.Exports.Count > 0,
        SectionId.Start => m.Start is not null,
        SectionId.Element => m.Elems.Count > 0,
        SectionId.DataCount => DataCountOf(m) is not null,
        SectionId.Code => m.Codes.Count > 0,
        SectionId.Data => m.Datas.Count > 0,
        _ => false,
    };

    /// <summary>
    /// The data count to write: the module's, or for a module built without one (from text) the
    /// number of data segments when code refers to them, since the binary then requires the section.
    /// </summary>
    private static uint? DataCountOf(Module m)
    {
        if (m.DataCount is not null || m.Layout is not null) return m.DataCount;
        var needed = m.Codes.Any(c => c.Body.Any(i => i.Op is Op.MemoryInit or Op.DataDrop));
        return needed ? (uint)m.Datas.Count : null;
    }

    private static void WriteSection(WasmWriter w, Module m, byte id)
    {
        switch (id)
        {
            case SectionId.Type:
                WriteVector(w, m.Types, TypeEncoder.WriteFuncType);
                break;
            case SectionId.Import:
                WriteVector(w, m.Imports, WriteImport);
                break;
            case SectionId.Function:
                WriteVector(w, m.Funcs, (s, t) => s.U32(t));
                break;
            case SectionId.Table:
                WriteVector(w, m.Tables, TypeEncoder.WriteTableType);
                break;
            case SectionId.Memory:
                WriteVector(w, m.Memories, TypeEncoder.WriteMemoryType);
                break;
            case SectionId.Global:
                WriteVector(w, m.Globals, (s, g) =>
                {
                    TypeEncoder.WriteGlobalType(s, g.Type);
                    InstrEncoder.WriteExpr(s, g.Init);
                });
                break;
            case SectionId.Export:
                WriteVector(w, m.Exports, (s, e) =>
                {
                    s.Name(e.Name);
                    s.Byte((byte)e.Kind);
                    s.U32(e.Index);
                });
                break;
            case SectionId.Start:
                if (m.Start is { } start) w.U32(start);
                break;
            case SectionId.Element:
                WriteVector(w, m.Elems, (s, e) => WriteElem(s, e, m.Layout is not null));
                break;
            case SectionId.DataCount:
                if (DataCountOf(m) is { } count) w.U32(count);
                break;
            case SectionId.Code:
                WriteVector(w, m.Codes, (s, c) => s.Sized(body => WriteCode(body, c)));
                break;
            case SectionId.Data:
                WriteVector(w, m.Datas, (s, d) => WriteData(s, d, m.Layout is not null));
                break;
        }
    }

    private static void WriteVector<T>(WasmWriter w, List<T> items, Action<WasmWriter, T> writeItem)
    {
        w.Length(items.Count);
        foreach (var item in items) writeItem(w, item);
    }

    private static void WriteImport(WasmWriter w, Import import)
    {
        w.Name(import.Module);
        w.Name(import.Name);
        w.Byte((byte)import.Kind);
        switch (import.Kind)
        {
            case ExternKind.Func:
                w.U32(import.FuncTypeIndex);
                break;
            case ExternKind.Table:
                TypeEncoder.WriteTableType(w, import.Table!);
                break;
            case ExternKind.Memory:
                TypeEncoder.WriteMemoryType(w, import.Memory!);
                break;
            case ExternKind.Global:
                TypeEncoder.WriteGlobalType(w, import.Global);
                break;
        }
    }

    private static void WriteCode(WasmWriter w, Code code)
    {
        WriteVector(w, code.Locals, (s, g) =>
        {
            s.U32(g.Count);
            s.Byte((byte)g.Type);
        });
        InstrEncoder.WriteExpr(w, code.Body);
    }

    private static void WriteElem(WasmWriter w, ElemSegment seg, bool fromBinary)
    {
        var indices = seg.FuncIndices ?? (fromBinary ? null : SegmentForms.AsFuncIndices(seg));
        var flags = SegmentForms.ElemFlags(seg, usesExprs: indices is null, keepRecorded: fromBinary);
        w.U32(flags);
        if (seg.Mode == SegmentMode.Active)
        {
            if ((flags & 2) != 0) w.U32(seg.Table);
            InstrEncoder.WriteExpr(w, seg.Offset ?? new List<Instr>());
        }
        if ((flags & 3) != 0)
        {
            // Index forms carry an elemkind, where 0x00 means funcref; expression forms carry a reftype.
            w.Byte(indices is null ? (byte)seg.ElemType : (byte)0);
        }
        if (indices is null) WriteVector(w, seg.Exprs ?? new List<List<Instr>>(), InstrEncoder.WriteExpr);
        else WriteVector(w, indices, (s, f) => s.U32(f));
    }

    private static void WriteData(WasmWriter w, DataSegment seg, bool fromBinary)
    {
        var flags = SegmentForms.DataFlags(seg, keepRecorded: fromBinary);
        w.U32(flags);
        if (flags == 2) w.U32(seg.Memory);
        if (seg.Mode == SegmentMode.Active) InstrEncoder.WriteExpr(w, seg.Offset ?? new List<Instr>());
        w.Length(seg.Bytes.Length);
        w.Bytes(seg.Bytes);
    }
}
