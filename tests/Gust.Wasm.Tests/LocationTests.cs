using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Validation diagnostics point into the source: line:column of the instruction in a .wat, the opcode's byte
/// offset in a .wasm, the item's place for faults of a whole item, and just the file for modules built in code.
/// </summary>
public class LocationTests
{
    private static Diagnostic Invalid(Module m, string file)
    {
        var e = Assert.Throws<WasmException>(() => Validator.Validate(m, file));
        Assert.Equal(DiagnosticKind.Invalid, e.Diagnostic.Kind);
        return e.Diagnostic;
    }

    private static Diagnostic InvalidText(string wat) => Invalid(WatParser.ParseModule(wat, "bad.wat"), "bad.wat");

    /// <summary>The text module written as a binary and read back, validated as bad.wasm; also returns the bytes.</summary>
    private static (Diagnostic Diagnostic, byte[] Bytes) InvalidBinary(string wat)
    {
        var bytes = ModuleWriter.Write(WatParser.ParseModule(wat));
        return (Invalid(ModuleReader.Read(bytes, "bad.wasm"), "bad.wasm"), bytes);
    }

    /// <summary>Where <paramref name="sequence"/> occurs in <paramref name="bytes"/>, checking that it occurs once.</summary>
    private static int Find(byte[] bytes, params byte[] sequence)
    {
        var at = bytes.AsSpan().IndexOf(sequence);
        Assert.True(at >= 0, "sequence not in the binary");
        Assert.Equal(-1, bytes.AsSpan(at + 1).IndexOf(sequence));
        return at;
    }

    private const string AddWithoutOperands = """
        (module
          (func (result i32)
            i32.add))
        """;

    [Fact]
    public void TextTypeErrorIsAtTheInstructionsLineAndColumn()
    {
        var d = InvalidText(AddWithoutOperands);
        Assert.Equal("type mismatch", d.Message);
        Assert.Equal("func 0, instruction 0 (i32.add)", d.Where);
        Assert.Equal("bad.wat:3:5", d.Location.ToString());
        Assert.Equal("bad.wat:3:5: invalid: type mismatch (in func 0, instruction 0 (i32.add))", d.ToString());
    }

    [Fact]
    public void BinaryTypeErrorIsAtTheOpcodesByteOffset()
    {
        byte[] wasm =
        [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F, // type section: [] -> [i32]
            0x03, 0x02, 0x01, 0x00,                   // function section
            0x0A, 0x05, 0x01, 0x03, 0x00, 0x6A, 0x0B, // code section: body size 3, no locals, i32.add (0x18), end
        ];
        Assert.Equal(wasm, ModuleWriter.Write(WatParser.ParseModule(AddWithoutOperands)));
        var d = Invalid(ModuleReader.Read(wasm, "bad.wasm"), "bad.wasm");
        Assert.Equal("type mismatch", d.Message);
        Assert.Equal("func 0, instruction 0 (i32.add)", d.Where);
        Assert.Equal(0x18, d.Location.Offset);
        Assert.Equal("bad.wasm:0x18: invalid: type mismatch (in func 0, instruction 0 (i32.add))", d.ToString());
    }

    [Fact]
    public void FoldedInstructionIsAtItsOperatorNotItsOperands()
    {
        const string wat = """
            (module
              (func (result i32)
                (i32.add
                  (i32.const 1)
                  (i64.const 2))))
            """;
        var d = InvalidText(wat);
        Assert.Equal("func 0, instruction 2 (i32.add)", d.Where);
        Assert.Equal("bad.wat:3:6", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        Assert.Equal(Find(bytes, 0x42, 0x02, 0x6A) + 2, b.Location.Offset);
    }

    [Fact]
    public void ImplicitEndOfAFunctionIsAtItsClosingParenthesis()
    {
        const string wat = """
            (module
              (func (result i32)
                i64.const 1
              ))
            """;
        var d = InvalidText(wat);
        Assert.Equal("func 0, instruction 1 (end)", d.Where);
        Assert.Equal("bad.wat:4:3", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        Assert.Equal(Find(bytes, 0x42, 0x01, 0x0B) + 2, b.Location.Offset);
    }

    [Fact]
    public void FlatBlockEndIsAtTheEndKeyword()
    {
        const string wat = """
            (module
              (func
                block (result i32)
                end
                drop))
            """;
        var d = InvalidText(wat);
        Assert.Equal("func 0, instruction 1 (end)", d.Where);
        Assert.Equal("bad.wat:4:5", d.Location.ToString());
    }

    [Fact]
    public void GlobalInitializerErrorIsAtTheInstruction()
    {
        const string wat = """
            (module
              (global i32 (i32.const 0))
              (global i32 (global.get 7)))
            """;
        var d = InvalidText(wat);
        Assert.Equal("unknown global 7", d.Message);
        Assert.Equal("global 1, instruction 0 (global.get)", d.Where);
        Assert.Equal("bad.wat:3:16", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        Assert.Equal(Find(bytes, 0x23, 0x07, 0x0B), b.Location.Offset);
    }

    [Fact]
    public void GlobalOfTheWrongTypeIsAtTheEndOfItsInitializer()
    {
        const string wat = """
            (module
              (global i32 (i64.const 0)))
            """;
        var d = InvalidText(wat);
        Assert.Equal("global 0, instruction 1 (end)", d.Where);
        Assert.Equal("bad.wat:2:28", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        Assert.Equal(Find(bytes, 0x42, 0x00, 0x0B) + 2, b.Location.Offset);
    }

    [Fact]
    public void DataOffsetErrorIsAtTheInstruction()
    {
        const string wat = """
            (module
              (memory 1)
              (data (offset (i32.const 0) (nop)) "x"))
            """;
        var d = InvalidText(wat);
        Assert.Equal("constant expression required", d.Message);
        Assert.Equal("data segment 0 offset, instruction 1 (nop)", d.Where);
        Assert.Equal("bad.wat:3:32", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        Assert.Equal(Find(bytes, 0x41, 0x00, 0x01, 0x0B) + 2, b.Location.Offset);
    }

    [Fact]
    public void ElemOffsetAndItemErrorsAreAtTheInstruction()
    {
        const string offset = """
            (module
              (table 1 funcref)
              (func)
              (elem (i64.const 0) func 0))
            """;
        var d = InvalidText(offset);
        Assert.Equal("elem segment 0 offset, instruction 1 (end)", d.Where);
        Assert.Equal("bad.wat:4:21", d.Location.ToString());

        const string item = """
            (module
              (elem funcref (item (ref.null func)) (item (i32.const 0))))
            """;
        var e = InvalidText(item);
        Assert.Equal("elem segment 0, item 1, instruction 1 (end)", e.Where);
        Assert.Equal("bad.wat:2:59", e.Location.ToString());
        var (b, bytes) = InvalidBinary(item);
        Assert.Equal(Find(bytes, 0x41, 0x00, 0x0B) + 2, b.Location.Offset);
    }

    [Fact]
    public void WholeSegmentFaultIsAtTheSegment()
    {
        const string wat = """
            (module
              (table 1 externref)
              (func)
              (elem (i32.const 0) func 0))
            """;
        var d = InvalidText(wat);
        Assert.Equal("type mismatch", d.Message);
        Assert.Equal("elem segment 0", d.Where);
        Assert.Equal("bad.wat:4:4", d.Location.ToString());
        var (b, bytes) = InvalidBinary(wat);
        // The segment starts with its flags (0), just after the element section's id, size and count.
        Assert.Equal(Find(bytes, 0x09, 0x07, 0x01) + 3, b.Location.Offset);
    }

    [Fact]
    public void ExportImportMemoryAndStartFaultsAreAtTheirFields()
    {
        const string export = """
            (module
              (func (export "f"))
              (func (export "f")))
            """;
        var d = InvalidText(export);
        Assert.Equal("duplicate export name", d.Message);
        Assert.Equal("bad.wat:3:10", d.Location.ToString());
        var (b, bytes) = InvalidBinary(export);
        // The second export entry: name "f" (01 66), kind func (00), index 1.
        Assert.Equal(Find(bytes, 0x01, 0x66, 0x00, 0x01), b.Location.Offset);

        const string import = """
            (module
              (import "m" "f" (func (type 9))))
            """;
        Assert.Equal("bad.wat:2:4", InvalidText(import).Location.ToString());

        const string memory = """
            (module
              (memory 2 1))
            """;
        var m = InvalidText(memory);
        Assert.Equal("size minimum must not be greater than maximum", m.Message);
        Assert.Equal("bad.wat:2:4", m.Location.ToString());
        var (mb, memoryBytes) = InvalidBinary(memory);
        // The memory section holds one entry: limits flag 1, min 2, max 1.
        Assert.Equal(Find(memoryBytes, 0x05, 0x04, 0x01, 0x01, 0x02, 0x01) + 3, mb.Location.Offset);

        const string start = """
            (module
              (func (param i32))
              (start 0))
            """;
        var s = InvalidText(start);
        Assert.Equal("start function", s.Message);
        Assert.Equal("bad.wat:3:4", s.Location.ToString());
        var (sb, startBytes) = InvalidBinary(start);
        Assert.Equal(Find(startBytes, 0x08, 0x01, 0x00) + 2, sb.Location.Offset);
    }

    [Fact]
    public void ModuleBuiltInCodeNamesTheFileAndTheInstruction()
    {
        var m = new Module();
        m.Types.Add(new FuncType([], [ValType.I32]));
        m.Funcs.Add(0);
        var code = new Code();
        code.Body.Add(new Instr(Op.I32Add));
        code.Body.Add(Instr.End());
        m.Codes.Add(code);
        var d = Invalid(m, "t.wasm");
        Assert.Equal("t.wasm", d.Location.ToString());
        Assert.Equal("func 0, instruction 0 (i32.add)", d.Where);
        Assert.Equal("t.wasm: invalid: type mismatch (in func 0, instruction 0 (i32.add))", d.ToString());
    }

    [Fact]
    public void InstructionAddedAfterParsingFallsBackToItsFunction()
    {
        var m = WatParser.ParseModule("""
            (module
              (func (result i32)
                i32.const 1))
            """, "bad.wat");
        var body = m.Codes[0].Body;
        body.Insert(body.Count - 1, new Instr(Op.I64Eqz));
        var d = Invalid(m, "bad.wat");
        Assert.Equal("func 0, instruction 1 (i64.eqz)", d.Where);
        // The positions no longer line up with the body, so the function's own place is given, not the End's.
        Assert.Equal("bad.wat:2:4", d.Location.ToString());
    }

    [Theory]
    [InlineData(new[] { 0x100, 0x105, 0x101 })]
    [InlineData(new[] { 8, 0x20000, 5 })]
    [InlineData(new int[0])]
    public void PositionTablesGiveBackTheOffsetsTheyWereMadeOf(int[] offsets)
    {
        var table = InstrPositions.FromOffsets(offsets);
        Assert.Equal(offsets, Enumerable.Range(0, table.Count).Select(i => table[i].ColumnOrOffset));
        Assert.All(Enumerable.Range(0, table.Count), i => Assert.Equal(0, table[i].Line));
    }

    [Theory]
    [InlineData(new[] { 3, 5, 2, 6, 4, 1 })]
    [InlineData(new[] { 1, 70000, 2, 1 })]
    [InlineData(new[] { 1, 1, 100000, 1 })]
    public void PositionTablesGiveBackTheLinesAndColumnsTheyWereMadeOf(int[] pairs)
    {
        var table = InstrPositions.FromLinesAndColumns(pairs);
        Assert.Equal(pairs.Length / 2, table.Count);
        for (var i = 0; i < table.Count; i++) Assert.Equal(SourcePoint.AtLine(pairs[2 * i], pairs[2 * i + 1]), table[i]);
    }

    [Fact]
    public void ParserAndReaderErrorsCarryLocations()
    {
        var text = Assert.Throws<WasmException>(() => WatParser.ParseModule("(module\n  (func i32.frob))", "bad.wat"));
        Assert.Equal("bad.wat:2:9: malformed: unknown operator i32.frob", text.Diagnostic.ToString());
        byte[] truncated = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60];
        var binary = Assert.Throws<WasmException>(() => ModuleReader.Read(truncated, "bad.wasm"));
        Assert.StartsWith("bad.wasm:0x", binary.Diagnostic.Location.ToString());
    }
}
