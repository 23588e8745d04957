using Gust.Wasm.Binary;
using Xunit;

namespace Gust.Wasm.Tests;

public class BinaryWriterTests
{
    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    private static string Hex(params string[] pieces) => string.Concat(pieces).Replace(" ", "");

    [Fact]
    public void InMemoryModuleGetsTheCanonicalEncoding()
    {
        var m = new Module();
        m.Types.Add(new FuncType([ValType.I32], [ValType.I32]));
        m.Funcs.Add(0);
        m.Memories.Add(new MemoryType(new Limits(1, 2)));
        m.Memories.Add(new MemoryType(new Limits(0, null), 0));
        m.Exports.Add(new Export("f", ExternKind.Func, 0));
        var code = new Code();
        code.Locals.Add(new LocalGroup(2, ValType.I64));
        code.Body.AddRange([
            new Instr(Op.LocalGet) { Index = 0 },
            new Instr(Op.I32Load) { Align = 2, Index = 1, Value = 200 },
            Instr.I32Const(-1),
            new Instr(Op.I32Add),
            Instr.End(),
        ]);
        m.Codes.Add(code);
        m.Datas.Add(new DataSegment { Mode = SegmentMode.Passive, Bytes = [0xAA] });
        m.Customs.Add(new CustomSection("name", [], 7));

        Assert.Equal(Hex(
            "0061736d01000000",
            "01 06 01 60 01 7f 01 7f",
            "03 02 01 00",
            "05 07 02 01 01 02 08 00 00", // memory 1: flag 0x08 and page size 2^0
            "07 05 01 01 66 00 00",
            "00 05 04 6e616d65", // custom section after the export section
            "0a 10 01 0e 01 02 7e 20 00 28 42 01 c8 01 41 7f 6a 0b",
            "0b 04 01 01 01 aa"), Hex(ModuleWriter.Write(m)));
    }

    [Fact]
    public void EncodingChoicesOfTheInputAreKept()
    {
        var bytes = BinaryReaderTests.Wasm(
            "00 02 01 61", // custom section before everything
            "01 84 80 80 80 00 01 60 00 00", // padded section size
            "02 01 00", // empty import section
            "03 02 01 00",
            "05 07 02 00 01 09 01 01 10", // the second memory spells out page size 2^16
            "00 02 01 62", // custom after memory
            "09 08 01 02 00 41 00 0b 00 00", // element form 2 naming table 0
            "0a 13 01 11 02 00 7f 01 7e 41 ff ff ff ff 7f 28 42 00 00 1a 0b",
            "0b 0a 02 02 00 41 00 0b 00 01 80 00");
        var m = ModuleReader.Read(bytes);
        Assert.Equal(2, m.Codes[0].Locals.Count); // groups kept as given, the empty one too
        Assert.Equal((byte)2, m.Elems[0].Flags);
        Assert.Equal([(byte)2, (byte)1], m.Datas.Select(d => d.Flags));
        Assert.Equal(Hex(bytes), Hex(ModuleWriter.Write(m)));

        // Without the layout the same module is written minimally.
        m.Layout = null;
        var canonical = ModuleWriter.Write(m);
        Assert.True(canonical.Length < bytes.Length);
        var again = ModuleReader.Read(canonical);
        Assert.Empty(again.Layout!.WideLebs);
        Assert.Empty(again.Layout.ExplicitMemoryZero);
        Assert.False(again.Layout.HasSection(2));
    }

    [Fact]
    public void SegmentFormsFollowTheModelWhenFlagsDoNotFit()
    {
        var m = new Module();
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Passive, ElemType = ValType.ExternRef, Exprs = [[new Instr(Op.RefNull) { Types = [ValType.ExternRef] }, Instr.End()]] });
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Active, Table = 1, Offset = [Instr.I32Const(0), Instr.End()], FuncIndices = [] });
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Declarative, FuncIndices = [0] });
        m.Datas.Add(new DataSegment { Mode = SegmentMode.Active, Memory = 1, Offset = [Instr.I32Const(0), Instr.End()] });
        // Only ref.func expressions: the shorter index form, as wat2wasm writes it.
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Passive, Exprs = [[new Instr(Op.RefFunc) { Index = 3 }, Instr.End()]] });
        var read = ModuleReader.Read(ModuleWriter.Write(m));
        Assert.Equal([(byte)5, (byte)2, (byte)3, (byte)1], read.Elems.Select(e => e.Flags));
        Assert.Equal([3u], read.Elems[3].FuncIndices!);
        Assert.Equal(ValType.ExternRef, read.Elems[0].ElemType);
        Assert.Equal(1u, read.Elems[1].Table);
        Assert.Equal((byte)2, read.Datas[0].Flags);
        Assert.Equal(1u, read.Datas[0].Memory);
    }

    [Fact]
    public void DataCountIsAddedWhenCodeNeedsIt()
    {
        var m = new Module();
        m.Types.Add(new FuncType([], []));
        m.Funcs.Add(0);
        var code = new Code();
        code.Body.AddRange([new Instr(Op.DataDrop) { Index = 0 }, Instr.End()]);
        m.Codes.Add(code);
        m.Datas.Add(new DataSegment { Mode = SegmentMode.Passive });
        Assert.Equal(1u, ModuleReader.Read(ModuleWriter.Write(m)).DataCount);
    }

    [Fact]
    public void EditedModuleKeepsAValidEncoding()
    {
        // Padded section sizes; after an edit the recorded widths no longer line up with the fields.
        var m = ModuleReader.Read(BinaryReaderTests.Wasm("01 84 80 80 80 00 01 60 00 00", "03 82 80 00 01 00", "0a 84 80 80 80 00 01 02 00 0b"));
        m.Types.Insert(0, new FuncType([ValType.I32], []));
        m.Funcs[0] = 1;
        var read = ModuleReader.Read(ModuleWriter.Write(m));
        Assert.Equal(2, read.Types.Count);
        Assert.Equal([1u], read.Funcs);
        Assert.Single(read.Codes);
    }
}
