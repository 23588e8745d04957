namespace Gust.Wasm.Binary;

/// <summary>Reads a core module from its binary format (spec chapter 5).</summary>
public static class ModuleReader
{
    internal const uint Magic = 0x6D736100; // "\0asm"
    internal const uint Version = 1;

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="WasmException"/> (Malformed or Unsupported) with a byte offset.</summary>
    public static Module Read(ReadOnlySpan<byte> bytes, string? file = null)
    {
        var layout = new LayoutRecorder();
        var r = new WasmReader(bytes, file, layout);
        ReadHeader(ref r);
        var module = new Module { ItemPositions = new ItemPositions() };
        var state = new SectionState();
        var lastRank = 0;
        byte lastId = 0;
        while (!r.AtEnd)
        {
            var at = r.Pos;
            var id = r.ReadByte();
            if (id > SectionId.Tag) throw r.Malformed("malformed section id", at);
            if (id != SectionId.Custom)
            {
                // Non-custom sections come at most once each, in a fixed order (spec 5.5.2).
                var rank = SectionId.Rank(id);
                if (rank <= lastRank) throw r.Malformed("unexpected content after last section", at);
                if (id == SectionId.Tag) throw r.Unsupported(Features.Exceptions, "the tag section", at);
                lastRank = rank;
                lastId = id;
                layout.NoteSection(id);
            }
            var size = r.ReadLength();
            var start = r.Pos;
            r.SectionEnd = start + size;
            ReadSection(ref r, id, size, lastId, module, state);
            if (r.Pos != start + size) throw r.Malformed("section size mismatch", start);
        }
        if (module.Funcs.Count != module.Codes.Count)
            throw r.Malformed("function and code section have inconsistent lengths", r.Length);
        if (module.DataCount is { } count && count != module.Datas.Count)
            throw r.Malformed("data count and data section have inconsistent lengths", r.Length);
        if (module.DataCount is null && state.UsesDataIndex)
            throw r.Malformed("data count section required", r.Length);
        module.Layout = layout.Build();
        return module;
    }

    private static void ReadHeader(ref WasmReader r)
    {
        if (r.Length < 4) throw r.Malformed("unexpected end", r.Length);
        if (r.ReadFixed32() != Magic) throw r.Malformed("magic header not detected", 0);
        if (r.Length < 8) throw r.Malformed("unexpected end", r.Length);
        if (r.ReadFixed32() != Version) throw r.Malformed("unknown binary version", 4);
    }

    /// <summary>What the sections need from each other while reading.</summary>
    private sealed class SectionState
    {
        public readonly List<byte> Frames = new();
        public readonly PositionRecorder Positions = new();
        public bool UsesDataIndex;
    }

    private static void ReadSection(ref WasmReader r, byte id, int size, byte lastId, Module m, SectionState state)
    {
        var places = m.ItemPositions!;
        switch (id)
        {
            case SectionId.Custom:
                m.Customs.Add(ReadCustom(ref r, size, lastId));
                break;
            case SectionId.Type:
                for (var n = r.ReadLength(); n > 0; n--) m.Types.Add(TypeDecoder.ReadFuncType(ref r));
                break;
            case SectionId.Import:
                for (var n = r.ReadLength(); n > 0; n--)
                {
                    places.Imports.Add(SourcePoint.AtOffset(r.Pos));
                    m.Imports.Add(ReadImport(ref r));
                }
                break;
            case SectionId.Function:
                for (var n = r.ReadLength(); n > 0; n--) m.Funcs.Add(r.ReadU32());
                break;
            case SectionId.Table:
                for (var n = r.ReadLength(); n > 0; n--)
                {
                    places.Tables.Add(SourcePoint.AtOffset(r.Pos));
                    m.Tables.Add(ReadTable(ref r));
                }
                break;
            case SectionId.Memory:
                for (var n = r.ReadLength(); n > 0; n--)
                {
                    places.Memories.Add(SourcePoint.AtOffset(r.Pos));
                    m.Memories.Add(TypeDecoder.ReadMemoryType(ref r));
                }
                break;
            case SectionId.Global:
                for (var n = r.ReadLength(); n > 0; n--)
                {
                    var at = SourcePoint.AtOffset(r.Pos);
                    var type = TypeDecoder.ReadGlobalType(ref r);
                    var (init, positions) = ReadConstExpr(ref r, state);
                    m.Globals.Add(new Global(type, init) { At = at, InitPositions = positions });
                }
                break;
            case SectionId.Export:
                for (var n = r.ReadLength(); n > 0; n--)
                {
                    places.Exports.Add(SourcePoint.AtOffset(r.Pos));
                    m.Exports.Add(ReadExport(ref r));
                }
                break;
            case SectionId.Start:
                places.Start = SourcePoint.AtOffset(r.Pos);
                m.Start = r.ReadU32();
                break;
            case SectionId.Element:
                for (var n = r.ReadLength(); n > 0; n--) m.Elems.Add(ReadElem(ref r, state));
                break;
            case SectionId.Code:
                for (var n = r.ReadLength(); n > 0; n--) m.Codes.Add(ReadCode(ref r, state));
                break;
            case SectionId.Data:
                for (var n = r.ReadLength(); n > 0; n--) m.Datas.Add(ReadData(ref r, state));
                break;
            case SectionId.DataCount:
                m.DataCount = r.ReadU32();
                break;
        }
    }

    private static CustomSection ReadCustom(ref WasmReader r, int size, byte after)
    {
        var start = r.Pos;
        var name = r.ReadName();
        var data = r.ReadBytes(size - (r.Pos - start)).ToArray();
        return new CustomSection(name, data, after);
    }

    private static Import ReadImport(ref WasmReader r)
    {
        var module = r.ReadName();
        var name = r.ReadName();
        var at = r.Pos;
        return r.ReadByte() switch
        {
            0 => new Import(module, name, ExternKind.Func) { FuncTypeIndex = r.ReadU32() },
            1 => new Import(module, name, ExternKind.Table) { Table = TypeDecoder.ReadTableType(ref r) },
            2 => new Import(module, name, ExternKind.Memory) { Memory = TypeDecoder.ReadMemoryType(ref r) },
            3 => new Import(module, name, ExternKind.Global) { Global = TypeDecoder.ReadGlobalType(ref r) },
            4 => throw r.Unsupported(Features.Exceptions, "a tag import", at),
            _ => throw r.Malformed("malformed import kind", at),
        };
    }

    private static TableType ReadTable(ref WasmReader r)
    {
        // 0x40 0x00 introduces a table with an explicit initializer (function-references proposal).
        if (r.Peek() == 0x40) throw r.Unsupported(Features.FunctionReferences, "a table with an initializer expression", r.Pos);
        return TypeDecoder.ReadTableType(ref r);
    }

    private static Export ReadExport(ref WasmReader r)
    {
        var name = r.ReadName();
        var at = r.Pos;
        var kind = r.ReadByte();
        if (kind == 4) throw r.Unsupported(Features.Exceptions, "a tag export", at);
        if (kind > 3) throw r.Malformed("malformed export kind", at);
        return new Export(name, (ExternKind)kind, r.ReadU32());
    }

    private static (List<Instr> Expr, InstrPositions Positions) ReadConstExpr(ref WasmReader r, SectionState state)
    {
        var expr = new List<Instr>(2);
        InstrDecoder.ReadExpr(ref r, expr, state.Positions, state.Frames, ref state.UsesDataIndex);
        return (expr, state.Positions.ToOffsets());
    }

    /// <summary>Element segment (spec 5.5.12): bit 0 passive/declarative, bit 1 explicit table or declarative, bit 2 expressions.</summary>
    private static ElemSegment ReadElem(ref WasmReader r, SectionState state)
    {
        var at = r.Pos;
        var flags = r.ReadU32();
        if (flags > 7) throw r.Malformed("malformed elements segment kind", at);
        var seg = new ElemSegment { Flags = (byte)flags, At = SourcePoint.AtOffset(at) };
        var explicitTableOrDeclarative = (flags & 2) != 0;
        var usesExprs = (flags & 4) != 0;
        if ((flags & 1) == 0)
        {
            seg.Mode = SegmentMode.Active;
            seg.Table = explicitTableOrDeclarative ? r.ReadU32() : 0;
            (seg.Offset, seg.OffsetPositions) = ReadConstExpr(ref r, state);
        }
        else
        {
            seg.Mode = explicitTableOrDeclarative ? SegmentMode.Declarative : SegmentMode.Passive;
        }
        if ((flags & 3) != 0)
        {
            if (usesExprs) seg.ElemType = TypeDecoder.ReadRefType(ref r);
            else if (r.ReadByte() != 0) throw r.Malformed("malformed element kind", r.Pos - 1);
        }
        var n = r.ReadLength();
        if (usesExprs)
        {
            seg.Exprs = new List<List<Instr>>();
            seg.ExprPositions = new List<InstrPositions>();
            for (; n > 0; n--)
            {
                var (expr, positions) = ReadConstExpr(ref r, state);
                seg.Exprs.Add(expr);
                seg.ExprPositions.Add(positions);
            }
        }
        else
        {
            seg.FuncIndices = new List<uint>();
            for (; n > 0; n--) seg.FuncIndices.Add(r.ReadU32());
        }
        return seg;
    }

    private static Code ReadCode(ref WasmReader r, SectionState state)
    {
        var at = r.Pos;
        var size = r.ReadLength();
        var start = r.Pos;
        var code = new Code { At = SourcePoint.AtOffset(at) };
        var localsAt = r.Pos;
        ulong total = 0;
        for (var n = r.ReadLength(); n > 0; n--)
        {
            var count = r.ReadU32();
            code.Locals.Add(new LocalGroup(count, TypeDecoder.ReadValType(ref r)));
            total += count;
        }
        if (total > uint.MaxValue) throw r.Malformed("too many locals", localsAt);
        InstrDecoder.ReadExpr(ref r, code.Body, state.Positions, state.Frames, ref state.UsesDataIndex);
        code.Positions = state.Positions.ToOffsets();
        if (r.Pos != start + size) throw r.Malformed("section size mismatch", start);
        return code;
    }

    /// <summary>Data segment (spec 5.5.14): 0 active in memory 0, 1 passive, 2 active with a memory index.</summary>
    private static DataSegment ReadData(ref WasmReader r, SectionState state)
    {
        var at = r.Pos;
        var flags = r.ReadU32();
        var seg = new DataSegment { Flags = (byte)flags, At = SourcePoint.AtOffset(at) };
        switch (flags)
        {
            case 0:
                seg.Mode = SegmentMode.Active;
                (seg.Offset, seg.OffsetPositions) = ReadConstExpr(ref r, state);
                break;
            case 1:
                seg.Mode = SegmentMode.Passive;
                break;
            case 2:
                seg.Mode = SegmentMode.Active;
                seg.Memory = r.ReadU32();
                (seg.Offset, seg.OffsetPositions) = ReadConstExpr(ref r, state);
                break;
            default:
                throw r.Malformed("malformed data segment kind", at);
        }
        seg.Bytes = r.ReadBytes(r.ReadLength()).ToArray();
        return seg;
    }
}
