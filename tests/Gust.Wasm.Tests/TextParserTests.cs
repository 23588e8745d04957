using Gust.Wasm.Text;
using Xunit;

namespace Gust.Wasm.Tests;

public class TextParserTests
{
    private static Module Parse(string text) => WatParser.ParseModule(text, "t.wat");

    private static Diagnostic Fail(string text) => Assert.Throws<WasmException>(() => Parse(text)).Diagnostic;

    private static Op[] Ops(Module m, int func = 0) => m.Codes[func].Body.Select(i => i.Op).ToArray();

    [Fact]
    public void FoldedInstructionsFlattenOperandsFirst()
    {
        var m = Parse("(module (func (result i32) (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3)))))");
        Assert.Equal(new[] { Op.I32Const, Op.I32Const, Op.I32Const, Op.I32Mul, Op.I32Add, Op.End }, Ops(m));
    }

    [Fact]
    public void FoldedIfWithLabelsAndElse()
    {
        var m = Parse("""
            (func $f (param $x i32) (result i32)
              (if $l (result i32) (local.get $x)
                (then (br $l (i32.const 1)))
                (else (block $b (br_if $l (i32.const 2) (local.get $x)) (br $b)) (i32.const 3))))
            """);
        var body = m.Codes[0].Body;
        Assert.Equal(new[]
        {
            Op.LocalGet, Op.If, Op.I32Const, Op.Br, Op.Else, Op.Block, Op.I32Const, Op.LocalGet, Op.BrIf, Op.Br, Op.End,
            Op.I32Const, Op.End, Op.End,
        }, Ops(m));
        Assert.Equal(BlockType.Of(ValType.I32), body[1].Block);
        Assert.Equal(0u, body[3].Index); // br $l inside then
        Assert.Equal(1u, body[8].Index); // br_if $l inside block
        Assert.Equal(0u, body[9].Index); // br $b
    }

    [Fact]
    public void FlatBlocksWithMatchingAndMismatchingLabels()
    {
        var m = Parse("(func block $a loop $b br $a br $b end $b end $a)");
        Assert.Equal(new[] { Op.Block, Op.Loop, Op.Br, Op.Br, Op.End, Op.End, Op.End }, Ops(m));
        Assert.Equal(1u, m.Codes[0].Body[2].Index);
        Assert.StartsWith("mismatching label", Fail("(func block $a end $b)").Message);
        Assert.StartsWith("mismatching label", Fail("(func block end $b)").Message);
        Assert.StartsWith("unknown label", Fail("(func br $nope)").Message);
    }

    [Fact]
    public void ImplicitTypesAreAppendedInOrderOfFirstUse()
    {
        var m = Parse("""
            (type $v (func))
            (func (param i32))
            (func (type $v))
            (func (param i32))
            (func (result f32) (f32.const 0))
            (func (type $t) (param i64))
            (type $t (func (param i64)))
            (func (block (param i32) (result i32 i32) (unreachable)))
            """);
        // The last function's [] -> [] matches $v; its block type is the fifth type, appended at first use.
        Assert.Equal(new uint[] { 2, 0, 2, 3, 1, 0 }, m.Funcs.ToArray());
        Assert.Equal(new[] { ValType.I32 }, m.Types[2].Params);
        Assert.Equal(BlockType.Indexed(4), m.Codes[5].Body[0].Block);
        Assert.Equal(new[] { ValType.I32, ValType.I32 }, m.Types[4].Results);
        Assert.Equal(5, m.Types.Count);
    }

    [Fact]
    public void InlineTypeMustAgreeWithTypeUse()
    {
        Assert.StartsWith("inline function type", Fail("(type $t (func (param i32))) (func (type $t) (param i64))").Message);
        Assert.StartsWith("unexpected token", Fail("(type $t (func (param i32))) (func (result i32) (param i32) (i32.const 0))").Message);
    }

    [Fact]
    public void NamedLocalsAndParamsShareOneIndexSpace()
    {
        var m = Parse("(func (param $a i32) (param f32 f32) (local $b i64) (local i32 i32 f64) (local.set $b (i64.const 0)) (local.get $a) drop)");
        Assert.Equal(new uint[] { 3 }, new[] { m.Codes[0].Body[1].Index });
        Assert.Equal(new[] { new LocalGroup(1, ValType.I64), new LocalGroup(2, ValType.I32), new LocalGroup(1, ValType.F64) }, m.Codes[0].Locals);
        Assert.StartsWith("duplicate local", Fail("(func (param $a i32) (local $a i32))").Message);
    }

    [Fact]
    public void InlineImportsExportsAndOrder()
    {
        var m = Parse("""
            (func $i (import "m" "f") (param i32))
            (global $g (import "m" "g") (mut i32))
            (func $f (export "f") (export "f2") (call $i (global.get $g)))
            (memory (export "mem") 1 2)
            """);
        Assert.Equal(2, m.Imports.Count);
        Assert.Equal(ExternKind.Global, m.Imports[1].Kind);
        Assert.True(m.Imports[1].Global.Mutable);
        Assert.Equal(new[] { ("f", ExternKind.Func, 1u), ("f2", ExternKind.Func, 1u), ("mem", ExternKind.Memory, 0u) },
            m.Exports.Select(e => (e.Name, e.Kind, e.Index)).ToArray());
        Assert.Equal(new Limits(1, 2), m.Memories[0].Limits);
        Assert.Single(Parse("(import \"m\" \"f\" (func $f (param $x i32) (param i64)))").Imports);
        Assert.StartsWith("import after function", Fail("(func) (import \"\" \"\" (memory 0))").Message);
        Assert.StartsWith("import after global", Fail("(global i32 (i32.const 0)) (func (import \"\" \"\"))").Message);
    }

    [Fact]
    public void InlineSegmentsSizeTheirTableAndMemory()
    {
        var m = Parse("""
            (func $f) (func $g)
            (table $t funcref (elem $f $g $f))
            (table $u funcref (elem (ref.func $g) (ref.null func)))
            (memory (data "abc" "\01\u{41}"))
            (memory $m2 (pagesize 1) (data "xyz"))
            """);
        Assert.Equal(new Limits(3, 3), m.Tables[0].Limits);
        Assert.Equal(new Limits(2, 2), m.Tables[1].Limits);
        Assert.Equal((byte)0, m.Elems[0].Flags);
        Assert.Equal(new uint[] { 0, 1, 0 }, m.Elems[0].FuncIndices!.ToArray());
        Assert.Equal((byte)6, m.Elems[1].Flags);
        Assert.Equal(1u, m.Elems[1].Table);
        Assert.Equal("abc\u0001A"u8.ToArray(), m.Datas[0].Bytes);
        Assert.Equal(new Limits(1, 1), m.Memories[0].Limits);
        Assert.Equal(new Limits(3, 3), m.Memories[1].Limits);
        Assert.Equal(0, m.Memories[1].PageSizeLog2);
        Assert.Equal((byte)2, m.Datas[1].Flags);
    }

    [Theory]
    [InlineData("(elem (i32.const 0) $f)", 0, SegmentMode.Active)]
    [InlineData("(elem (offset (i32.const 0)) func $f)", 0, SegmentMode.Active)]
    [InlineData("(elem func $f)", 1, SegmentMode.Passive)]
    [InlineData("(elem (table $t) (i32.const 0) func $f)", 2, SegmentMode.Active)]
    [InlineData("(elem declare func $f)", 3, SegmentMode.Declarative)]
    [InlineData("(elem (i32.const 0) funcref (ref.func $f))", 4, SegmentMode.Active)]
    [InlineData("(elem funcref (item ref.func $f) (ref.null func))", 5, SegmentMode.Passive)]
    [InlineData("(elem (table 0) (offset (i32.const 0)) funcref (item (ref.func $f)))", 6, SegmentMode.Active)]
    [InlineData("(elem declare funcref (ref.func $f))", 7, SegmentMode.Declarative)]
    [InlineData("(elem (i32.const 0) externref (ref.null extern))", 6, SegmentMode.Active)]
    public void ElemSegmentFormsSetFlags(string elem, byte flags, SegmentMode mode)
    {
        var m = Parse($"(table $t 1 funcref) (func $f) {elem}");
        Assert.Equal(flags, m.Elems[0].Flags);
        Assert.Equal(mode, m.Elems[0].Mode);
    }

    [Theory]
    [InlineData("(data (i32.const 0) \"a\")", 0, SegmentMode.Active)]
    [InlineData("(data (offset (i32.const 0)) \"a\")", 0, SegmentMode.Active)]
    [InlineData("(data \"a\")", 1, SegmentMode.Passive)]
    [InlineData("(data (memory $m) (i32.const 0) \"a\")", 2, SegmentMode.Active)]
    [InlineData("(data (memory 0) (offset i32.const 0) \"a\")", 2, SegmentMode.Active)]
    public void DataSegmentFormsSetFlags(string data, byte flags, SegmentMode mode)
    {
        var m = Parse($"(memory $m 1) {data}");
        Assert.Equal(flags, m.Datas[0].Flags);
        Assert.Equal(mode, m.Datas[0].Mode);
        Assert.Equal("a"u8.ToArray(), m.Datas[0].Bytes);
    }

    [Fact]
    public void MultiMemoryAndTableIndexForms()
    {
        var m = Parse("""
            (memory $a 1) (memory $b 1) (table $t 1 funcref) (table $u 1 funcref)
            (data $d "x") (elem $e func)
            (func
              (drop (i32.load $b offset=4 align=2 (i32.const 0)))
              (i64.store 1 (i32.const 0) (i64.const 0))
              (memory.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))
              (memory.init $b $d (i32.const 0) (i32.const 0) (i32.const 0))
              (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0))
              (table.init $u $e (i32.const 0) (i32.const 0) (i32.const 0))
              (table.copy $t $u (i32.const 0) (i32.const 0) (i32.const 0))
              (drop (table.get $u (i32.const 0)))
              (call_indirect $u (type 0) (i32.const 0)))
            """);
        var body = m.Codes[0].Body;
        var load = body.Single(i => i.Op == Op.I32Load);
        Assert.Equal((1u, 4UL, 1u), (load.Index, load.Value, load.Align));
        Assert.Equal(1u, body.Single(i => i.Op == Op.I64Store).Index);
        Assert.Equal(3u, body.Single(i => i.Op == Op.I64Store).Align);
        var copy = body.Single(i => i.Op == Op.MemoryCopy);
        Assert.Equal((0u, 1u), (copy.Index, copy.Index2));
        var inits = body.Where(i => i.Op == Op.MemoryInit).ToArray();
        Assert.Equal((0u, 1u), (inits[0].Index, inits[0].Index2));
        Assert.Equal((0u, 0u), (inits[1].Index, inits[1].Index2));
        var tinit = body.Single(i => i.Op == Op.TableInit);
        Assert.Equal((0u, 1u), (tinit.Index, tinit.Index2));
        var tcopy = body.Single(i => i.Op == Op.TableCopy);
        Assert.Equal((0u, 1u), (tcopy.Index, tcopy.Index2));
        Assert.Equal(1u, body.Single(i => i.Op == Op.TableGet).Index);
        Assert.Equal(1u, body.Single(i => i.Op == Op.CallIndirect).Index2);
    }

    [Fact]
    public void ConstantsSelectAndRefNull()
    {
        var m = Parse("(func (result f64) (select (result f64) (f64.const -0x1p-1) (f64.const nan:0x1) (i32.const -1)) (drop (ref.null extern)))");
        var body = m.Codes[0].Body;
        Assert.Equal(0xBFE0_0000_0000_0000UL, body[0].Value);
        Assert.Equal(0x7FF0_0000_0000_0001UL, body[1].Value);
        Assert.Equal(0xFFFF_FFFFUL, body[2].Value);
        Assert.Equal(Op.SelectT, body[3].Op);
        Assert.Equal(new[] { ValType.F64 }, body[3].Types);
        Assert.Equal(new[] { ValType.ExternRef }, body[4].Types);
        Assert.StartsWith("constant out of range", Fail("(func (i32.const 0x1_0000_0000) drop)").Message);
        Assert.StartsWith("unknown operator", Fail("(func (i32.const 0x) drop)").Message);
        Assert.StartsWith("alignment", Fail("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").Message);
    }

    [Fact]
    public void IdentifiersQuotedAndPlainAreTheSame()
    {
        var m = Parse("(func $\"a b\") (func $fi) (func (call $\"fi\") (call $\"\\61 b\"))");
        Assert.Equal(new uint[] { 1, 0 }, m.Codes[2].Body.Take(2).Select(i => i.Index).ToArray());
        Assert.StartsWith("empty identifier", Fail("(func $\"\")").Message);
        Assert.StartsWith("duplicate func", Fail("(func $f) (func $\"f\")").Message);
    }

    [Fact]
    public void LexerDropsCommentsAndAnnotations()
    {
        var m = Parse("(;a (;nested;) ;) (module (@custom \"x\" (y)) ;; line\n (func (@a) nop))");
        Assert.Equal(new[] { Op.Nop, Op.End }, Ops(m));
        Assert.Equal(new[] { Op.Nop, Op.End }, Ops(Parse("(func ;; comment ended by a carriage return\r nop)")));
        Assert.StartsWith("unclosed annotation", Fail("(@x (y)").Message);
        Assert.StartsWith("illegal character", Fail("(func \u0001)").Message);
        Assert.StartsWith("malformed UTF-8", WatParserBytes(new byte[] { (byte)'(', (byte)';', 0xFF, (byte)';', (byte)')' }).Message);
        Assert.StartsWith("unclosed string", Fail("(data \"abc)").Message);
    }

    private static Diagnostic WatParserBytes(byte[] source) =>
        Assert.Throws<WasmException>(() => WatParser.ParseModule(source, "t.wat")).Diagnostic;

    [Fact]
    public void BinaryAndQuoteModuleFormsAreAccepted()
    {
        Assert.Empty(Parse("(module $m binary \"\\00asm\" \"\\01\\00\\00\\00\")").Funcs);
        Assert.Single(Parse("(module quote \"(func)\")").Funcs);
    }

    [Fact]
    public void ErrorsCarryLineAndColumn()
    {
        var d = Fail("(module\n  (func\n    (i32.bogus)))");
        Assert.Equal("unknown operator i32.bogus", d.Message);
        Assert.Equal((3, 6), (d.Location.Line, d.Location.Column));
    }

    [Theory]
    [InlineData("(func (i8x16.add))", Features.Simd)]
    [InlineData("(func (param v128))", Features.Simd)]
    [InlineData("(func return_call 0)", Features.TailCall)]
    [InlineData("(type (struct))", Features.Gc)]
    [InlineData("(memory i64 1)", Features.Memory64)]
    [InlineData("(table i64 1 funcref)", Features.Table64)]
    [InlineData("(tag)", Features.Exceptions)]
    [InlineData("(func (param (ref $t)))", Features.FunctionReferences)]
    public void OutOfScopeFeaturesAreUnsupported(string text, string feature)
    {
        var d = Fail(text);
        Assert.Equal(DiagnosticKind.Unsupported, d.Kind);
        Assert.Equal(feature, d.Feature);
    }
}
