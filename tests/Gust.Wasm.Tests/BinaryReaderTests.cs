using Gust.Wasm.Binary;
using Xunit;

namespace Gust.Wasm.Tests;

public class BinaryReaderTests
{
    private const string Header = "0061736d01000000";

    /// <summary>Module bytes from hex pieces (spaces allowed) after the header.</summary>
    internal static byte[] Wasm(params string[] sections) =>
        Convert.FromHexString(Header + string.Concat(sections).Replace(" ", ""));

    /// <summary>A module whose one global is initialized by <c>i32.const</c> (or i64 with "7e") with the given LEB128 bytes.</summary>
    private static byte[] GlobalConst(string type, string leb)
    {
        var op = type == "7f" ? "41" : "42";
        var body = $"01 {type} 00 {op} {leb} 0b".Replace(" ", "");
        return Wasm($"06 {body.Length / 2:x2} {body}");
    }

    private static ulong ConstOf(byte[] bytes) => ModuleReader.Read(bytes).Globals[0].Init[0].Value;

    private static Diagnostic Reject(byte[] bytes)
    {
        var e = Assert.Throws<WasmException>(() => ModuleReader.Read(bytes, "t.wasm"));
        return e.Diagnostic;
    }

    private static void AssertMalformed(byte[] bytes, string message, long offset)
    {
        var d = Reject(bytes);
        Assert.Equal(DiagnosticKind.Malformed, d.Kind);
        Assert.Equal(message, d.Message);
        Assert.Equal(offset, d.Location.Offset);
        Assert.Equal("t.wasm", d.Location.File);
    }

    [Theory]
    [InlineData("7f", "00", 0UL)]
    [InlineData("7f", "7f", 0xFFFF_FFFFUL)] // -1, zero-extended
    [InlineData("7f", "8000", 0UL)] // padded zero
    [InlineData("7f", "ffffffff07", 0x7FFF_FFFFUL)] // i32 max
    [InlineData("7f", "8080808078", 0x8000_0000UL)] // i32 min
    [InlineData("7f", "ffffffff7f", 0xFFFF_FFFFUL)] // -1 padded to 5 bytes
    [InlineData("7e", "ffffffffffffffff ff00", 0x7FFF_FFFF_FFFF_FFFFUL)] // i64 max
    [InlineData("7e", "8080808080808080 807f", 0x8000_0000_0000_0000UL)] // i64 min
    public void SignedLeb128Constants(string type, string leb, ulong value) =>
        Assert.Equal(value, ConstOf(GlobalConst(type, leb.Replace(" ", ""))));

    [Theory]
    [InlineData("7f", "8080808070", "integer too large", 4)] // bits beyond 32 not a sign extension
    [InlineData("7f", "ffffffff0f", "integer too large", 4)]
    [InlineData("7f", "808080808000", "integer representation too long", 5)] // six bytes
    [InlineData("7e", "8080808080808080 8002", "integer too large", 9)]
    [InlineData("7e", "8080808080808080 808000", "integer representation too long", 10)]
    public void SignedLeb128Limits(string type, string leb, string message, int byteInLeb) =>
        // The global's constant starts at offset 8 (header) + 2 (section id, size) + 4 (count, type, mut, opcode).
        AssertMalformed(GlobalConst(type, leb.Replace(" ", "")), message, 14 + byteInLeb);

    [Fact]
    public void UnsignedLeb128Limits()
    {
        // Start section: one function index.
        Assert.Equal(0xFFFF_FFFFu, ModuleReader.Read(Wasm("08 05 ffffffff0f")).Start);
        Assert.Equal(3u, ModuleReader.Read(Wasm("08 05 8380808000")).Start);
        AssertMalformed(Wasm("08 05 ffffffff1f"), "integer too large", 14);
        AssertMalformed(Wasm("08 06 808080808000"), "integer representation too long", 15);
        // A LEB128 cut off by the end of the module.
        AssertMalformed(Wasm("08 01 80"), "unexpected end of section or function", 11);
    }

    [Fact]
    public void HeaderErrorsPointAtTheHeader()
    {
        AssertMalformed(Convert.FromHexString("0061"), "unexpected end", 2);
        AssertMalformed(Convert.FromHexString("0061736e01000000"), "magic header not detected", 0);
        AssertMalformed(Convert.FromHexString("0061736d0100"), "unexpected end", 6);
        AssertMalformed(Convert.FromHexString("0061736d02000000"), "unknown binary version", 4);
    }

    [Fact]
    public void SectionErrorsPointAtTheSection()
    {
        AssertMalformed(Wasm("01 01 00", "0e 00"), "malformed section id", 11);
        AssertMalformed(Wasm("03 01 00", "01 01 00"), "unexpected content after last section", 11);
        AssertMalformed(Wasm("01 05 00"), "length out of bounds", 9);
        AssertMalformed(Wasm("01 02 00 00"), "section size mismatch", 10);
        AssertMalformed(Wasm("06 06 01 7f 02 41 00 0b"), "malformed mutability", 12);
        AssertMalformed(Wasm("05 03 01 10 00"), "malformed limits flags", 11);
        AssertMalformed(Wasm("02 04 01 00 00 05"), "malformed import kind", 13);
        AssertMalformed(Wasm("00 04 02 c0 80 00"), "malformed UTF-8 encoding", 10);
    }

    [Fact]
    public void InstructionErrors()
    {
        const string typeAndFunc = "01 04 01 60 00 00 03 02 01 00";
        AssertMalformed(Wasm(typeAndFunc, "0a 05 01 03 00 06 0b"), "illegal opcode 06", 23);
        AssertMalformed(Wasm(typeAndFunc, "0a 06 01 04 00 fc 20 0b"), "illegal opcode fc 20", 23);
        AssertMalformed(Wasm(typeAndFunc, "0a 05 01 03 00 05 0b"), "END opcode expected", 23);
        AssertMalformed(Wasm(typeAndFunc, "05 03 01 00 01", "0a 09 01 07 00 41 00 28 80 01 0b"), "malformed memop flags", 31);
        AssertMalformed(Wasm(typeAndFunc, "0a 0c 01 0a 02 ffffffff0f 7f 01 7e 0b"), "too many locals", 22);
    }

    [Fact]
    public void CustomPageSizes()
    {
        var m = ModuleReader.Read(Wasm("05 04 01 08 01 00"));
        Assert.Equal(0, m.Memories[0].PageSizeLog2);
        Assert.True(m.Memories[0].HasCustomPageSize);
        Assert.Equal(1UL, m.Memories[0].Limits.Min);
        var max = ModuleReader.Read(Wasm("05 05 01 09 01 02 10")).Memories[0];
        Assert.Equal((16, 2UL), (max.PageSizeLog2, max.Limits.Max!.Value));
        AssertMalformed(Wasm("05 04 01 08 00 41"), "invalid custom page size", 13);
    }

    [Fact]
    public void MultiMemoryMemArgNamesItsMemory()
    {
        var bytes = Wasm("01 04 01 60 00 00 03 02 01 00 05 05 02 00 01 00 01",
            "0a 0b 01 09 00 41 00 28 42 01 08 1a 0b");
        var load = ModuleReader.Read(bytes).Codes[0].Body[1];
        Assert.Equal((Op.I32Load, 2u, 1u, 8UL), (load.Op, load.Align, load.Index, load.Value));
    }

    [Theory]
    [InlineData("01 05 01 60 01 7b 00", Features.Simd)] // v128 parameter
    [InlineData("01 06 01 60 01 64 70 00", Features.FunctionReferences)] // (ref func)
    [InlineData("01 05 01 5f 01 7f 00", Features.Gc)] // struct type
    [InlineData("05 03 01 04 00", Features.Memory64)]
    [InlineData("05 04 01 03 00 01", Features.Threads)] // shared memory
    [InlineData("04 04 01 70 04 00", Features.Table64)]
    [InlineData("0d 03 01 00 00", Features.Exceptions)] // tag section
    public void OutOfScopeEncodingsNameTheirProposal(string section, string feature)
    {
        var d = Reject(Wasm(section));
        Assert.Equal(DiagnosticKind.Unsupported, d.Kind);
        Assert.Equal(feature, d.Feature);
    }

    [Theory]
    [InlineData("12 00", Features.TailCall)]
    [InlineData("14 00", Features.FunctionReferences)]
    [InlineData("fb 00", Features.Gc)]
    [InlineData("fd 0c", Features.Simd)]
    [InlineData("fd 80 02", Features.RelaxedSimd)]
    [InlineData("08 00", Features.Exceptions)]
    public void OutOfScopeInstructionsNameTheirProposal(string instr, string feature)
    {
        var body = $"00 {instr} 0b".Replace(" ", "");
        var code = $"01 {body.Length / 2:x2} {body}".Replace(" ", "");
        var d = Reject(Wasm("01 04 01 60 00 00 03 02 01 00", $"0a {code.Length / 2:x2} {code}"));
        Assert.Equal((DiagnosticKind.Unsupported, feature), (d.Kind, d.Feature));
    }

    [Fact]
    public void DeepNestingNeedsNoDeepStack()
    {
        const int depth = 200_000;
        var body = new List<byte> { 0 };
        for (var i = 0; i < depth; i++) body.AddRange(new byte[] { 0x02, 0x40 });
        for (var i = 0; i <= depth; i++) body.Add(0x0B);
        var code = Leb(body.Count).Concat(body).ToArray();
        var section = new byte[] { 1 }.Concat(code).ToArray();
        var bytes = Wasm("01 04 01 60 00 00 03 02 01 00").Concat(new byte[] { 0x0A }).Concat(Leb(section.Length)).Concat(section).ToArray();
        var m = ModuleReader.Read(bytes);
        Assert.Equal(2 * depth + 1, m.Codes[0].Body.Count);
        Assert.Equal(bytes, ModuleWriter.Write(m));
    }

    private static byte[] Leb(int n)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(n & 0x7F);
            n >>= 7;
            bytes.Add(n == 0 ? b : (byte)(b | 0x80));
        } while (n != 0);
        return bytes.ToArray();
    }
}
