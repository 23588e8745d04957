namespace Gust.Wasm.Binary;

/// <summary>Encodes a module in the binary format; reproduces <see cref="Module.Layout"/> when present.</summary>
public static class ModuleWriter
{
    /// <summary>Non-custom section ids in the order the binary format requires (spec 5.5.2).</summary>
    private static readonly byte[] SectionOrder = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11 };

    public static byte[] Write(Module module)
    {
        var w = new WasmWriter(new LayoutReplay(module.Layout));
        w.Bytes("\0asm"u8);
        w.Fixed32(1);
        WriteCustoms(w, module, after: 0, alsoUnplaced: false);
        foreach (var id in SectionOrder)
        {
            if (HasContent(module, id) || w.Replay.HadSection(id))
            {
                w.Byte(id);
                w.Sized(s => WriteSection(s, module, id));
            }
            WriteCustoms(w, module, id, alsoUnplaced: id == SectionOrder[^1]);
        }
        return w.ToArray();
    }

    /// <summary>Custom sections that followed section <paramref name="after"/>; at the end also those naming no known section.</summary>
    private static void WriteCustoms(WasmWriter w, Module module, byte after, bool alsoUnplaced)
    {
        foreach (var custom in module.Customs)
        {
            var placed = custom.After == 0 || Array.IndexOf(SectionOrder, custom.After) >= 0;
            if (custom.After != after && !(alsoUnplaced && !placed)) continue;
            w.Byte(ModuleReader.CustomId);
            w.Sized(s =>
            {
                s.Name(custom.Name);
                s.Bytes(custom.Data);
            });
        }
    }

    private static bool HasContent(Module m, byte id) => id switch
    {
        1 => m.Types.Count > 0,
        2 => m.Imports.Count > 0,
        3 => m.Funcs.Count > 0,
        4 => m.Tables.Count > 0,
        5 => m.Memories.Count > 0,
        6 => m.Globals.Count > 0,
        7 => m.Exports.Count > 0,
        8 => m.Start is not null,
        9 => m.Elems.Count > 0,
        12 => DataCountOf(m) is not null,
        10 => m.Codes.Count > 0,
        11 => m.Datas.Count > 0,
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
            case 1:
                WriteVector(w, m.Types, TypeEncoder.WriteFuncType);
                break;
            case 2:
                WriteVector(w, m.Imports, WriteImport);
                break;
            case 3:
                WriteVector(w, m.Funcs, (s, t) => s.U32(t));
                break;
            case 4:
                WriteVector(w, m.Tables, TypeEncoder.WriteTableType);
                break;
            case 5:
                WriteVector(w, m.Memories, TypeEncoder.WriteMemoryType);
                break;
            case 6:
                WriteVector(w, m.Globals, (s, g) =>
                {
                    TypeEncoder.WriteGlobalType(s, g.Type);
                    InstrEncoder.WriteExpr(s, g.Init);
                });
                break;
            case 7:
                WriteVector(w, m.Exports, (s, e) =>
                {
                    s.Name(e.Name);
                    s.Byte((byte)e.Kind);
                    s.U32(e.Index);
                });
                break;
            case 8:
                if (m.Start is { } start) w.U32(start);
                break;
            case 9:
                WriteVector(w, m.Elems, (s, e) => WriteElem(s, e, m.Layout is not null));
                break;
            case 12:
                if (DataCountOf(m) is { } count) w.U32(count);
                break;
            case 10:
                WriteVector(w, m.Codes, (s, c) => s.Sized(body => WriteCode(body, c)));
                break;
            case 11:
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
