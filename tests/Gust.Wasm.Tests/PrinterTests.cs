using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>WatPrinter on modules built in code: the exact text of each construct.</summary>
public class PrinterTests
{
    private static Module WithFunc(FuncType type, LocalGroup[] locals, params Instr[] body)
    {
        var m = new Module();
        m.Types.Add(type);
        m.Funcs.Add(0);
        var code = new Code();
        code.Locals.AddRange(locals);
        code.Body.AddRange(body);
        code.Body.Add(Instr.End());
        m.Codes.Add(code);
        return m;
    }

    private static readonly FuncType VoidToVoid = new(Array.Empty<ValType>(), Array.Empty<ValType>());

    /// <summary>The lines of the printed module between "(module" and the closing ")"; checks too that the text parses back to the same binary.</summary>
    private static string Fields(Module m)
    {
        var text = WatPrinter.Print(m);
        Assert.Equal(Convert.ToHexString(WithoutCustoms(m)), Convert.ToHexString(ModuleWriter.Write(WatParser.ParseModule(text))));
        Assert.StartsWith("(module\n", text);
        Assert.EndsWith("\n)\n", text);
        return text["(module\n".Length..^")\n".Length];
    }

    private static byte[] WithoutCustoms(Module m)
    {
        var customs = m.Customs.ToList();
        m.Customs.Clear();
        var bytes = ModuleWriter.Write(m);
        m.Customs.AddRange(customs);
        return bytes;
    }

    [Fact]
    public void EmptyModule()
    {
        Assert.Equal("(module\n)\n", WatPrinter.Print(new Module()));
    }

    [Fact]
    public void FunctionWithStructuredBody()
    {
        var m = WithFunc(new FuncType(new[] { ValType.I32 }, new[] { ValType.I64 }),
            new[] { new LocalGroup(2, ValType.I64), new LocalGroup(1, ValType.F32) },
            new Instr(Op.Block) { Block = BlockType.Of(ValType.I64) },
            new Instr(Op.Loop),
            new Instr(Op.LocalGet) { Index = 0 },
            new Instr(Op.If) { Block = BlockType.Indexed(0) },
            new Instr(Op.Br) { Index = 1 },
            new Instr(Op.Else),
            new Instr(Op.LocalGet) { Index = 0 },
            new Instr(Op.BrTable) { Labels = new uint[] { 0, 1 }, Index = 2 },
            Instr.End(),
            Instr.End(),
            Instr.I64Const(-5),
            Instr.End());
        Assert.Equal(
            "  (type (;0;) (func (param i32) (result i64)))\n" +
            "  (func (;0;) (type 0) (param i32) (result i64)\n" +
            "    (local i64 i64 f32)\n" +
            "    block (result i64)\n" +
            "      loop\n" +
            "        local.get 0\n" +
            "        if (type 0)\n" +
            "          br 1\n" +
            "        else\n" +
            "          local.get 0\n" +
            "          br_table 0 1 2\n" +
            "        end\n" +
            "      end\n" +
            "      i64.const -5\n" +
            "    end\n" +
            "  )\n",
            Fields(m));
    }

    /// <summary>A block typed by index stays an index even where a shorter form would say the same.</summary>
    [Fact]
    public void BlockTypeIndexStaysAnIndex()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>(), new Instr(Op.Block) { Block = BlockType.Indexed(0) }, Instr.End());
        Assert.Contains("    block (type 0)\n    end\n", Fields(m));
    }

    [Theory]
    [InlineData(0x00000000u, "0x0p+0")]
    [InlineData(0x80000000u, "-0x0p+0")]
    [InlineData(0x3FC00000u, "0x1.8p+0")]
    [InlineData(0x40400000u, "0x1.8p+1")]
    [InlineData(0x3F800000u, "0x1p+0")]
    [InlineData(0x00000001u, "0x0.000002p-126")]
    [InlineData(0x007FFFFFu, "0x0.fffffep-126")]
    [InlineData(0x7F7FFFFFu, "0x1.fffffep+127")]
    [InlineData(0x7F800000u, "inf")]
    [InlineData(0xFF800000u, "-inf")]
    [InlineData(0x7FC00000u, "nan")]
    [InlineData(0xFFC00000u, "-nan")]
    [InlineData(0x7F800001u, "nan:0x1")]
    [InlineData(0xFFA00000u, "-nan:0x200000")]
    public void F32Literals(uint bits, string text) => Assert.Equal(text, WatLiteralPrinter.F32(bits));

    [Theory]
    [InlineData(0x0000000000000000ul, "0x0p+0")]
    [InlineData(0x3FF0000000000000ul, "0x1p+0")]
    [InlineData(0xC00921FB54442D18ul, "-0x1.921fb54442d18p+1")]
    [InlineData(0x0000000000000001ul, "0x0.0000000000001p-1022")]
    [InlineData(0x7FEFFFFFFFFFFFFFul, "0x1.fffffffffffffp+1023")]
    [InlineData(0x3CB0000000000000ul, "0x1p-52")]
    [InlineData(0x7FF0000000000000ul, "inf")]
    [InlineData(0x7FF8000000000000ul, "nan")]
    [InlineData(0xFFF0000000000001ul, "-nan:0x1")]
    [InlineData(0x7FF4000000000000ul, "nan:0x4000000000000")]
    public void F64Literals(ulong bits, string text) => Assert.Equal(text, WatLiteralPrinter.F64(bits));

    [Fact]
    public void ConstantsAndMemoryInstructions()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>(),
            Instr.I32Const(int.MinValue),
            Instr.I64Const(long.MinValue),
            Instr.F32Const(0x3FC00000),
            Instr.F64Const(0xFFF8000000000000),
            new Instr(Op.I32Load) { Align = 2 },
            new Instr(Op.I64Load16U) { Value = 0xFFFF_FFFF, Align = 0 },
            new Instr(Op.I32Store8) { Index = 1, Value = 8, Align = 0 },
            new Instr(Op.F64Load) { Align = 1 },
            new Instr(Op.I32Load) { Align = 63 },
            new Instr(Op.MemorySize),
            new Instr(Op.MemoryGrow) { Index = 2 },
            new Instr(Op.MemoryFill) { Index = 0 },
            new Instr(Op.MemoryCopy),
            new Instr(Op.MemoryCopy) { Index = 1, Index2 = 0 },
            new Instr(Op.MemoryInit) { Index = 3 },
            new Instr(Op.MemoryInit) { Index = 3, Index2 = 1 },
            new Instr(Op.DataDrop) { Index = 3 });
        Assert.Equal(
            "    i32.const -2147483648\n" +
            "    i64.const -9223372036854775808\n" +
            "    f32.const 0x1.8p+0 (;=1.5;)\n" +
            "    f64.const -nan\n" +
            "    i32.load\n" +
            "    i64.load16_u offset=4294967295 align=1\n" +
            "    i32.store8 1 offset=8\n" +
            "    f64.load align=2\n" +
            "    i32.load align=9223372036854775808\n" +
            "    memory.size\n" +
            "    memory.grow 2\n" +
            "    memory.fill\n" +
            "    memory.copy\n" +
            "    memory.copy 1 0\n" +
            "    memory.init 3\n" +
            "    memory.init 1 3\n" +
            "    data.drop 3\n",
            BodyLines(m));
    }

    [Fact]
    public void CallsTablesAndReferences()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>(),
            new Instr(Op.Call) { Index = 0 },
            new Instr(Op.CallIndirect) { Index = 0 },
            new Instr(Op.CallIndirect) { Index = 0, Index2 = 2 },
            new Instr(Op.RefNull) { Types = new[] { ValType.FuncRef } },
            new Instr(Op.RefNull) { Types = new[] { ValType.ExternRef } },
            new Instr(Op.RefFunc) { Index = 0 },
            new Instr(Op.RefIsNull),
            new Instr(Op.Select),
            new Instr(Op.SelectT) { Types = new[] { ValType.ExternRef } },
            new Instr(Op.TableGet) { Index = 1 },
            new Instr(Op.TableSize) { Index = 0 },
            new Instr(Op.TableInit) { Index = 4, Index2 = 1 },
            new Instr(Op.TableCopy) { Index = 1, Index2 = 0 },
            new Instr(Op.ElemDrop) { Index = 4 },
            new Instr(Op.I32TruncSatF64U));
        Assert.Equal(
            "    call 0\n" +
            "    call_indirect (type 0)\n" +
            "    call_indirect 2 (type 0)\n" +
            "    ref.null func\n" +
            "    ref.null extern\n" +
            "    ref.func 0\n" +
            "    ref.is_null\n" +
            "    select\n" +
            "    select (result externref)\n" +
            "    table.get 1\n" +
            "    table.size 0\n" +
            "    table.init 1 4\n" +
            "    table.copy 1 0\n" +
            "    elem.drop 4\n" +
            "    i32.trunc_sat_f64_u\n",
            BodyLines(m));
    }

    private static string BodyLines(Module m)
    {
        var lines = Fields(m).Split('\n');
        // type line, func header, body..., "  )", ""
        return string.Join("", lines[2..^2].Select(l => l + "\n"));
    }

    [Fact]
    public void ImportsComeFirstAndIndicesCountThem()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>());
        m.Imports.Add(new Import("env", "f", ExternKind.Func) { FuncTypeIndex = 0 });
        m.Imports.Add(new Import("env", "t", ExternKind.Table) { Table = new TableType(ValType.FuncRef, new Limits(1, null)) });
        m.Imports.Add(new Import("env", "m", ExternKind.Memory) { Memory = new MemoryType(new Limits(1, 2)) });
        m.Imports.Add(new Import("env", "g", ExternKind.Global) { Global = new GlobalType(ValType.I32, true) });
        m.Imports.Add(new Import("env", "g2", ExternKind.Global) { Global = new GlobalType(ValType.F64, false) });
        m.Tables.Add(new TableType(ValType.ExternRef, new Limits(0, 10)));
        m.Memories.Add(new MemoryType(new Limits(0, null)));
        m.Globals.Add(new Global(new GlobalType(ValType.I64, false), new List<Instr> { Instr.I64Const(7), Instr.End() }));
        m.Exports.Add(new Export("run", ExternKind.Func, 1));
        m.Exports.Add(new Export("mem", ExternKind.Memory, 1));
        m.Start = 1;
        Assert.Equal(
            "  (type (;0;) (func))\n" +
            "  (import \"env\" \"f\" (func (;0;) (type 0)))\n" +
            "  (import \"env\" \"t\" (table (;0;) 1 funcref))\n" +
            "  (import \"env\" \"m\" (memory (;0;) 1 2))\n" +
            "  (import \"env\" \"g\" (global (;0;) (mut i32)))\n" +
            "  (import \"env\" \"g2\" (global (;1;) f64))\n" +
            "  (func (;1;) (type 0)\n" +
            "  )\n" +
            "  (table (;1;) 0 10 externref)\n" +
            "  (memory (;1;) 0)\n" +
            "  (global (;2;) i64 (i64.const 7))\n" +
            "  (export \"run\" (func 1))\n" +
            "  (export \"mem\" (memory 1))\n" +
            "  (start 1)\n",
            Fields(m));
    }

    [Fact]
    public void CustomPageSizes()
    {
        var m = new Module();
        m.Memories.Add(new MemoryType(new Limits(1, 2), 0) { HasCustomPageSize = true });
        m.Memories.Add(new MemoryType(new Limits(0, null)) { HasCustomPageSize = true });
        m.Memories.Add(new MemoryType(new Limits(0, null), 0));
        Assert.Equal(
            "  (memory (;0;) 1 2 (pagesize 1))\n" +
            "  (memory (;1;) 0 (pagesize 65536))\n" +
            "  (memory (;2;) 0 (pagesize 1))\n",
            Fields(m));
    }

    private static List<Instr> Offset(int v) => new() { Instr.I32Const(v), Instr.End() };
    private static List<Instr> RefFunc(uint f) => new() { new Instr(Op.RefFunc) { Index = f }, Instr.End() };
    private static List<Instr> RefNull(ValType t) => new() { new Instr(Op.RefNull) { Types = new[] { t } }, Instr.End() };

    [Fact]
    public void ElementSegmentsFollowTheirFlags()
    {
        var m = new Module();
        m.Elems.Add(new ElemSegment { Flags = 0, Mode = SegmentMode.Active, Offset = Offset(1), FuncIndices = new() { 0, 1 } });
        m.Elems.Add(new ElemSegment { Flags = 1, Mode = SegmentMode.Passive, FuncIndices = new() { 2 } });
        m.Elems.Add(new ElemSegment { Flags = 2, Mode = SegmentMode.Active, Table = 0, Offset = Offset(2), FuncIndices = new() });
        m.Elems.Add(new ElemSegment { Flags = 3, Mode = SegmentMode.Declarative, FuncIndices = new() { 3 } });
        m.Elems.Add(new ElemSegment { Flags = 4, Mode = SegmentMode.Active, Offset = Offset(3), Exprs = new() { RefFunc(0), RefNull(ValType.FuncRef) } });
        m.Elems.Add(new ElemSegment { Flags = 5, Mode = SegmentMode.Passive, ElemType = ValType.ExternRef, Exprs = new() { RefNull(ValType.ExternRef) } });
        m.Elems.Add(new ElemSegment { Flags = 6, Mode = SegmentMode.Active, Table = 1, Offset = Offset(4), Exprs = new() });
        m.Elems.Add(new ElemSegment { Flags = 7, Mode = SegmentMode.Declarative, Exprs = new() { RefFunc(5) } });
        Assert.Equal(
            "  (elem (;0;) (i32.const 1) 0 1)\n" +
            "  (elem (;1;) func 2)\n" +
            "  (elem (;2;) (table 0) (i32.const 2) func)\n" +
            "  (elem (;3;) declare func 3)\n" +
            "  (elem (;4;) (i32.const 3) funcref (ref.func 0) (ref.null func))\n" +
            "  (elem (;5;) externref (ref.null extern))\n" +
            "  (elem (;6;) (table 1) (i32.const 4) funcref)\n" +
            "  (elem (;7;) declare funcref (ref.func 5))\n",
            Fields(m));
    }

    [Fact]
    public void ExtendedConstantsPrintFlat()
    {
        List<Instr> Sum() => new() { Instr.I32Const(1), new Instr(Op.GlobalGet) { Index = 0 }, new Instr(Op.I32Add), Instr.End() };
        var m = new Module();
        m.Imports.Add(new Import("env", "g", ExternKind.Global) { Global = new GlobalType(ValType.I32, false) });
        m.Globals.Add(new Global(new GlobalType(ValType.I32, false), Sum()));
        m.Elems.Add(new ElemSegment { Flags = 4, Mode = SegmentMode.Active, Offset = Sum(), Exprs = new() { new() { new Instr(Op.RefFunc) { Index = 0 }, new Instr(Op.Drop), new Instr(Op.RefNull) { Types = new[] { ValType.FuncRef } }, Instr.End() } } });
        m.Datas.Add(new DataSegment { Flags = 0, Mode = SegmentMode.Active, Offset = Sum() });
        Assert.Equal(
            "  (import \"env\" \"g\" (global (;0;) i32))\n" +
            "  (global (;1;) i32 i32.const 1 global.get 0 i32.add)\n" +
            "  (elem (;0;) (offset i32.const 1 global.get 0 i32.add) funcref (item ref.func 0 drop ref.null func))\n" +
            "  (data (;0;) (offset i32.const 1 global.get 0 i32.add) \"\")\n",
            Fields(m));
    }

    [Fact]
    public void DataSegmentsFollowTheirFlagsAndEscapeBytes()
    {
        var m = new Module();
        m.Datas.Add(new DataSegment { Flags = 0, Mode = SegmentMode.Active, Offset = Offset(8), Bytes = "hi \"x\"\\\n"u8.ToArray() });
        m.Datas.Add(new DataSegment { Flags = 1, Mode = SegmentMode.Passive, Bytes = new byte[] { 0, 0x7F, 0x80, 0xFF } });
        m.Datas.Add(new DataSegment { Flags = 2, Mode = SegmentMode.Active, Memory = 0, Offset = Offset(0) });
        m.Datas.Add(new DataSegment { Flags = 2, Mode = SegmentMode.Active, Memory = 1, Offset = Offset(0), Bytes = new byte[70] });
        Assert.Equal(
            "  (data (;0;) (i32.const 8) \"hi \\22x\\22\\5c\\0a\")\n" +
            "  (data (;1;) \"\\00\\7f\\80\\ff\")\n" +
            "  (data (;2;) (memory 0) (i32.const 0) \"\")\n" +
            "  (data (;3;) (memory 1) (i32.const 0)\n" +
            "    \"" + string.Concat(Enumerable.Repeat("\\00", 64)) + "\"\n" +
            "    \"" + string.Concat(Enumerable.Repeat("\\00", 6)) + "\")\n",
            Fields(m));
    }

    [Fact]
    public void NamesAreEscapedAsUtf8()
    {
        var m = new Module();
        m.Exports.Add(new Export("a\"b\\c\u00e9\u263a", ExternKind.Func, 0));
        Assert.Equal("  (export \"a\\22b\\5cc\\c3\\a9\\e2\\98\\ba\" (func 0))\n", Fields(m));
    }

    [Fact]
    public void CustomSectionsAreNotedAndFunctionNamesBecomeComments()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>(), new Instr(Op.Call) { Index = 0 });
        // name section: function names subsection (id 1) naming function 0 "main"
        m.Customs.Add(new CustomSection("name", new byte[] { 1, 7, 1, 0, 4, (byte)'m', (byte)'a', (byte)'i', (byte)'n' }, 10));
        m.Customs.Add(new CustomSection("producers\n", new byte[3], 10));
        Assert.Equal(
            "  ;; custom section \"name\" (9 bytes) not shown\n" +
            "  ;; custom section \"producers\\0a\" (3 bytes) not shown\n" +
            "  (type (;0;) (func))\n" +
            "  (func (;0;) (;$main;) (type 0)\n" +
            "    call 0 (;$main;)\n" +
            "  )\n",
            Fields(m));
    }

    [Fact]
    public void MalformedNameSectionIsIgnored()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>());
        m.Customs.Add(new CustomSection("name", new byte[] { 1, 0x7F, 1, 0, 0xFF, 0xFF }, 10));
        Assert.Contains("(func (;0;) (type 0)\n", WatPrinter.Print(m));
    }

    [Fact]
    public void NamesThatAreNotIdentifiersAreLeftOut()
    {
        var m = WithFunc(VoidToVoid, Array.Empty<LocalGroup>());
        m.Customs.Add(new CustomSection("name", new byte[] { 1, 6, 1, 0, 3, (byte)'a', (byte)';', (byte)')' }, 10));
        Assert.Contains("(func (;0;) (type 0)\n", WatPrinter.Print(m));
    }

    /// <summary>
    /// Adjacent local groups of one type have no text form: the parser makes one group per run of
    /// equal types, so they print as one run and would read back as one group.
    /// </summary>
    [Fact]
    public void AdjacentLocalGroupsOfOneTypePrintAsOneRun()
    {
        var m = WithFunc(VoidToVoid, new[] { new LocalGroup(1, ValType.I32), new LocalGroup(0, ValType.F32), new LocalGroup(2, ValType.I32) });
        var text = WatPrinter.Print(m);
        Assert.Contains("    (local i32 i32 i32)\n", text);
        Assert.Equal(new[] { new LocalGroup(3, ValType.I32) }, WatParser.ParseModule(text).Codes[0].Locals);
    }

    [Fact]
    public void WhatTextCannotSayIsAWasmException()
    {
        var badAlign = WithFunc(VoidToVoid, Array.Empty<LocalGroup>(), new Instr(Op.I32Load) { Align = 64 });
        Assert.Throws<WasmException>(() => WatPrinter.Print(badAlign));
        var badType = WithFunc(new FuncType(new[] { (ValType)0x55 }, Array.Empty<ValType>()), Array.Empty<LocalGroup>());
        Assert.Throws<WasmException>(() => WatPrinter.Print(badType));
        var noBody = new Module();
        noBody.Types.Add(VoidToVoid);
        noBody.Funcs.Add(0);
        Assert.Throws<WasmException>(() => WatPrinter.Print(noBody));
        var badImport = new Module();
        badImport.Imports.Add(new Import("a", "b", (ExternKind)7));
        Assert.Throws<WasmException>(() => WatPrinter.Print(badImport));
        var hugeLocals = WithFunc(VoidToVoid, new[] { new LocalGroup(uint.MaxValue, ValType.I32) });
        Assert.Throws<WasmException>(() => WatPrinter.Print(hugeLocals));
    }

    [Fact]
    public void DeepNestingIndentIsCapped()
    {
        const int depth = 10_000;
        var body = Enumerable.Repeat(0, depth).Select(_ => new Instr(Op.Block))
            .Concat(Enumerable.Repeat(0, depth).Select(_ => Instr.End())).ToArray();
        var text = WatPrinter.Print(WithFunc(VoidToVoid, Array.Empty<LocalGroup>(), body));
        // 2 lines per level, each at most 4 + 2 * 64 spaces and a keyword.
        Assert.True(text.Length < 2 * depth * 140, $"{text.Length} characters");
        Assert.Equal(depth, text.Split('\n').Count(l => l.Trim() == "block"));
    }
}
