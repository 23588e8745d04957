using System.Globalization;
using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Byte images from abi/images.txt, computed with definitions.py: the value stored at 8 (strings and lists
/// allocated by a bump realloc above it), the realloc calls made, and the value lowered to flat core values;
/// then both lifted back to the same value.
/// </summary>
public class AbiImageTests
{
    public sealed record Vector(string Type, string Value, string Encoding, string Store, string Reallocs, string Flat, string FlatMem)
    {
        public override string ToString() => $"{Type} = {Value} ({Encoding})";
    }

    public static TheoryData<Vector> Vectors()
    {
        var data = new TheoryData<Vector>();
        var fields = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(AbiHeap.FindData("images.txt")).Where(l => !l.StartsWith('#')).Append(""))
        {
            if (line.Length > 0)
            {
                var space = line.IndexOf(' ');
                fields[line[..space]] = line[(space + 1)..];
                continue;
            }
            if (fields.Count == 0) continue;
            data.Add(new Vector(fields["type"], fields["value"], fields["encoding"], fields["store"], fields["reallocs"], fields["flat"], fields["flatmem"]));
            fields.Clear();
        }
        return data;
    }

    private static StringEncoding Encoding(string s) => s switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        _ => StringEncoding.Latin1Utf16,
    };

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexStringLower(b);

    [Theory, MemberData(nameof(Vectors))]
    public void StoreWritesTheImageAndLoadReadsItBack(Vector v)
    {
        var t = AbiTestSyntax.ParseType(v.Type);
        var value = AbiTestSyntax.ParseValue(v.Value, t);
        var memory = new ArrayMemory(4096);
        var heap = new AbiHeap(memory, (uint)CanonicalAbi.AlignTo(8 + CanonicalAbi.Size(t), 8));
        var cx = new LiftLowerContext(new CanonicalOptions(memory, Encoding(v.Encoding), heap.Realloc));
        cx.Store(value, t, 8);
        var top = Math.Max((int)heap.Top, 8 + CanonicalAbi.Size(t));
        Assert.Equal(v.Store, Hex(memory.Bytes[..top]));
        Assert.Equal(v.Reallocs, heap.Calls.Count == 0 ? "-" : string.Join(";", heap.Calls));
        Assert.Equal(value, cx.Load(8, t));
    }

    [Theory, MemberData(nameof(Vectors))]
    public void LowerFlatGivesTheCoreValuesAndLiftFlatReadsThemBack(Vector v)
    {
        var t = AbiTestSyntax.ParseType(v.Type);
        var value = AbiTestSyntax.ParseValue(v.Value, t);
        var memory = new ArrayMemory(4096);
        var heap = new AbiHeap(memory, 8);
        var cx = new LiftLowerContext(new CanonicalOptions(memory, Encoding(v.Encoding), heap.Realloc));
        var flat = cx.LowerFlat(value, t);
        Assert.Equal(v.Flat, flat.Count == 0 ? "-" : string.Join(" ", flat.Select(f => $"{f.Type.Name()}:{f.Bits.ToString(CultureInfo.InvariantCulture)}")));
        Assert.Equal(v.FlatMem, Hex(memory.Bytes[..(int)heap.Top]));
        var reader = new FlatReader(flat);
        Assert.Equal(value, cx.LiftFlat(reader, t));
        Assert.True(reader.Done);
    }

    [Fact]
    public void VectorsCoverEveryKindAndEncoding()
    {
        var vectors = Vectors().Select(r => r.Data).ToList();
        Assert.True(vectors.Count > 300, $"{vectors.Count} vectors");
        foreach (var kind in new[] { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string", "list<", "record{", "tuple<", "variant{", "enum", "option<", "result<", "flags" })
            Assert.Contains(vectors, x => x.Type.Contains(kind, StringComparison.Ordinal));
        foreach (var enc in new[] { "utf8", "utf16", "latin1+utf16" }) Assert.Contains(vectors, x => x.Encoding == enc && x.Type.Contains("string"));
    }

    [Fact]
    public void WideDiscriminantsAreStoredLittleEndian()
    {
        var t = AbiTestSyntax.ParseType("enum*65537");
        var memory = new ArrayMemory(16);
        var cx = new LiftLowerContext(new CanonicalOptions(memory));
        cx.Store(new EnumValue("e65536"), t, 4);
        Assert.Equal("0000000000000100", Hex(memory.Bytes[..8]));
        Assert.Equal(new EnumValue("e65536"), cx.Load(4, t));
        Assert.Equal([FlatValue.I32(65536u)], cx.LowerFlat(new EnumValue("e65536"), t));
    }
}
