using System.Text.Json;
using Gust.Component.Abi;
using Gust.Component.Types;
using Xunit;

namespace Gust.Component.Tests;

public class AbiStringTests
{
    private static readonly ComponentValType Str = PrimitiveType.String;

    public static TheoryData<string, string, string, string, string, string> TranscodeData()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in File.ReadLines(AbiHeap.FindData("transcode.txt")).Where(l => !l.StartsWith('#')))
        {
            var p = line.Split(" | ");
            data.Add(p[0], p[1], p[2], p[3], p[4], p[5]);
        }
        return data;
    }

    private static StringEncoding Encoding(string s) => s switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        _ => StringEncoding.Latin1Utf16,
    };

    /// <summary>
    /// Every source encoding (utf8, utf16, latin1+utf16 holding latin1 or UTF-16) into every destination encoding:
    /// the pointer and tagged length, the exact realloc calls (optimistic size, worst case, shrink) and the bytes,
    /// as definitions.py computes them.
    /// </summary>
    [Theory, MemberData(nameof(TranscodeData))]
    public void LoweringTranscodesWithTheSpecsReallocSequence(string source, string destination, string text, string result, string reallocs, string image)
    {
        var s = JsonSerializer.Deserialize<string>(text)!;
        var value = new StringValue(s, Encoding(source.Split('/')[0]), utf16Tagged: source.EndsWith("/utf16", StringComparison.Ordinal));
        var memory = new ArrayMemory(4096);
        var heap = new AbiHeap(memory, 8);
        var cx = new LiftLowerContext(new CanonicalOptions(memory, Encoding(destination), heap.Realloc));
        var flat = cx.LowerFlat(value, Str);
        Assert.Equal(result, $"{flat[0].Bits},{flat[1].Bits}");
        Assert.Equal(reallocs, string.Join(";", heap.Calls));
        Assert.Equal(image, Convert.ToHexStringLower(memory.Bytes[..(int)heap.Top]));
        var lifted = (StringValue)cx.LiftFlat(new FlatReader(flat), Str);
        Assert.Equal(s, lifted.Text);
        Assert.Equal(Encoding(destination), lifted.SourceEncoding);
    }

    /// <summary>Lifts the string of <paramref name="bytes"/> placed at 16 with the given (tagged) length.</summary>
    private static ComponentValue Lift(StringEncoding encoding, byte[] bytes, uint taggedLength, uint ptr = 16, int memorySize = 64)
    {
        var memory = new ArrayMemory(memorySize);
        if (bytes.Length > 0) bytes.CopyTo(memory.Bytes[(int)ptr..]);
        var cx = new LiftLowerContext(new CanonicalOptions(memory, encoding));
        return cx.LiftFlat(new FlatReader([FlatValue.I32(ptr), FlatValue.I32(taggedLength)]), Str);
    }

    private static string Trap(Action a) => Assert.Throws<CanonicalAbiTrap>(a).Reason;

    [Fact]
    public void Utf8IsValidatedOnLift()
    {
        Assert.Equal(new StringValue("é😀"), Lift(StringEncoding.Utf8, [0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80], 6));
        Assert.Equal(new StringValue(""), Lift(StringEncoding.Utf8, [], 0));
        Assert.Equal(TrapReason.InvalidUtf8, Trap(() => Lift(StringEncoding.Utf8, [0x61, 0xFF], 2)));
        Assert.Equal(TrapReason.IncompleteUtf8, Trap(() => Lift(StringEncoding.Utf8, [0x61, 0xC3], 2)));
        Assert.Equal(TrapReason.IncompleteUtf8, Trap(() => Lift(StringEncoding.Utf8, [0xF0, 0x9F, 0x98], 3)));
        // Overlong forms and encoded surrogates are not UTF-8.
        Assert.Equal(TrapReason.InvalidUtf8, Trap(() => Lift(StringEncoding.Utf8, [0xC0, 0x80], 2)));
        Assert.Equal(TrapReason.InvalidUtf8, Trap(() => Lift(StringEncoding.Utf8, [0xED, 0xA0, 0x80], 3)));
        Assert.Equal(TrapReason.InvalidUtf8, Trap(() => Lift(StringEncoding.Utf8, [0xC3, 0x41], 2)));
    }

    [Fact]
    public void Utf16SurrogatesMustPair()
    {
        Assert.Equal(new StringValue("😀"), Lift(StringEncoding.Utf16, [0x3D, 0xD8, 0x00, 0xDE], 2));
        Assert.Equal(TrapReason.InvalidUtf16, Trap(() => Lift(StringEncoding.Utf16, [0x3D, 0xD8, 0x41, 0x00], 2)));
        Assert.Equal(TrapReason.InvalidUtf16, Trap(() => Lift(StringEncoding.Utf16, [0x00, 0xDE], 1)));
        Assert.Equal(TrapReason.InvalidUtf16, Trap(() => Lift(StringEncoding.Utf16, [0x3D, 0xD8], 1)));
        Assert.Equal(TrapReason.InvalidUtf16, Trap(() => Lift(StringEncoding.Latin1Utf16, [0x00, 0xDE], 1 | LiftLowerContext.Utf16Tag)));
    }

    [Fact]
    public void Latin1Utf16ReadsTheTagBit()
    {
        var latin1 = (StringValue)Lift(StringEncoding.Latin1Utf16, [0x63, 0xE9, 0xFF], 3);
        Assert.Equal("cé\u00FF", latin1.Text);
        Assert.False(latin1.Utf16Tagged);
        var utf16 = (StringValue)Lift(StringEncoding.Latin1Utf16, [0x63, 0x00, 0x00, 0x01], 2 | LiftLowerContext.Utf16Tag);
        Assert.Equal("c\u0100", utf16.Text);
        Assert.True(utf16.Utf16Tagged);
    }

    [Fact]
    public void StringBoundsAlignmentAndLengthAreChecked()
    {
        Assert.Equal(TrapReason.StringOutOfBounds, Trap(() => Lift(StringEncoding.Utf8, [], 49)));
        Assert.Equal(new StringValue(new string('\0', 48)), Lift(StringEncoding.Utf8, [], 48));
        Assert.Equal(TrapReason.StringOutOfBounds, Trap(() => Lift(StringEncoding.Utf16, [], 25)));
        Assert.Equal(TrapReason.UnalignedPointer, Trap(() => Lift(StringEncoding.Utf16, [0x61, 0], 1, ptr: 17)));
        Assert.Equal(TrapReason.UnalignedPointer, Trap(() => Lift(StringEncoding.Latin1Utf16, [0x61], 1, ptr: 17)));
        Assert.Equal(new StringValue("a"), Lift(StringEncoding.Utf8, [0x61], 1, ptr: 17));
        // The length bound (2^28 - 1 bytes) is checked before the memory bounds.
        Assert.Equal(TrapReason.StringTooLong, Trap(() => Lift(StringEncoding.Utf8, [], 1u << 28)));
        Assert.Equal(TrapReason.StringOutOfBounds, Trap(() => Lift(StringEncoding.Utf8, [], (1u << 28) - 1)));
        Assert.Equal(TrapReason.StringTooLong, Trap(() => Lift(StringEncoding.Utf16, [], 1u << 27)));
        Assert.Equal(TrapReason.StringTooLong, Trap(() => Lift(StringEncoding.Latin1Utf16, [], (1u << 27) | LiftLowerContext.Utf16Tag)));
        Assert.Equal(TrapReason.StringOutOfBounds, Trap(() => Lift(StringEncoding.Latin1Utf16, [], (1u << 27))));
        Assert.Equal(TrapReason.StringOutOfBounds, Trap(() => Lift(StringEncoding.Utf8, [], 1, ptr: uint.MaxValue - 1)));
    }

    [Fact]
    public void HostStringsHoldScalarValuesOnly()
    {
        Assert.Throws<ArgumentException>(() => new StringValue("a\uD800"));
        Assert.Throws<ArgumentException>(() => new StringValue("\uDC00b"));
        Assert.Throws<ArgumentException>(() => new StringValue("\u0100", StringEncoding.Latin1Utf16));
        Assert.Equal(new StringValue("x", StringEncoding.Utf8), new StringValue("x", StringEncoding.Latin1Utf16, utf16Tagged: true));
    }

    [Fact]
    public void ReallocResultsAreChecked()
    {
        var memory = new ArrayMemory(32);
        string Lower(Realloc realloc, string s, StringEncoding encoding = StringEncoding.Utf8) =>
            Trap(() => new LiftLowerContext(new CanonicalOptions(memory, encoding, realloc)).LowerFlat(new StringValue(s), Str));
        Assert.Equal(TrapReason.ReallocOutOfBounds, Lower((_, _, _, _) => 30, "abc"));
        // Even an empty string's (zero-size) allocation is bounds-checked.
        Assert.Equal(TrapReason.ReallocOutOfBounds, Lower((_, _, _, _) => 33, ""));
        Assert.Equal(TrapReason.ReallocUnaligned, Lower((_, _, _, _) => 3, "abc", StringEncoding.Utf16));
        // The grow to the worst case is checked too: "é" needs 3 bytes from a UTF-16 source.
        Assert.Equal(TrapReason.ReallocOutOfBounds, Lower((p, _, _, _) => p == 0 ? 8u : 30u, "é"));
        Assert.Equal(TrapReason.NoRealloc, Trap(() => new LiftLowerContext(new CanonicalOptions(memory)).LowerFlat(new StringValue("a"), Str)));
    }

    [Fact]
    public void ReallocMayGrowTheMemory()
    {
        var memory = new ArrayMemory(8);
        var cx = new LiftLowerContext(new CanonicalOptions(memory, StringEncoding.Utf8, (_, _, _, n) =>
        {
            memory.Grow(64);
            return 16;
        }));
        var flat = cx.LowerFlat(new StringValue("grown"), Str);
        Assert.Equal(new StringValue("grown"), cx.LiftFlat(new FlatReader(flat), Str));
    }
}
