using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

public class AbiLayoutTests
{
    private static ComponentValType T(string s) => AbiTestSyntax.ParseType(s);

    private static string FlatText(IEnumerable<ValType> flat) => flat.Any() ? string.Join(",", flat.Select(f => f.Name())) : "-";

    public static TheoryData<string, int, int, string> LayoutData()
    {
        var data = new TheoryData<string, int, int, string>();
        foreach (var line in File.ReadLines(AbiHeap.FindData("layout.txt")).Where(l => !l.StartsWith('#')).Distinct())
        {
            var parts = line.Split(" | ");
            data.Add(parts[0], int.Parse(parts[1]), int.Parse(parts[2]), parts[3]);
        }
        return data;
    }

    /// <summary>Alignment, size and flattening agree with definitions.py on its own examples and 300 random types.</summary>
    [Theory, MemberData(nameof(LayoutData))]
    public void LayoutMatchesDefinitions(string type, int alignment, int size, string flat)
    {
        var t = T(type);
        Assert.Equal(alignment, CanonicalAbi.Alignment(t));
        Assert.Equal(size, CanonicalAbi.Size(t));
        Assert.Equal(flat, FlatText(CanonicalAbi.Flatten(t)));
    }

    [Fact]
    public void LayoutDataCoversEveryKind()
    {
        var types = LayoutData().Select(r => r.Data.Item1).ToList();
        foreach (var kind in new[] { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string", "list<", "record{", "tuple<", "variant{", "enum", "option<", "result<", "flags", "own", "borrow" })
            Assert.Contains(types, t => t.Contains(kind, StringComparison.Ordinal));
        Assert.Contains(types, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"list<[^<>]*,\d+>"));
    }

    [Fact]
    public void FieldOffsetsPadToEachFieldsAlignment()
    {
        Assert.Equal([0, 4, 8], CanonicalAbi.FieldOffsets(T("record{a:u8,b:u32,c:u8}")));
        Assert.Equal([0, 8, 16, 18], CanonicalAbi.FieldOffsets(T("tuple<u8,f64,u16,u8>")));
        Assert.Equal([0, 4], CanonicalAbi.FieldOffsets(T("record{s:char,t:string}")));
        Assert.Throws<ArgumentException>(() => CanonicalAbi.FieldOffsets(T("u8")));
    }

    [Fact]
    public void PayloadFollowsTheDiscriminantAtTheWidestCaseAlignment()
    {
        Assert.Equal(1, CanonicalAbi.PayloadOffset(T("option<u8>")));
        Assert.Equal(8, CanonicalAbi.PayloadOffset(T("result<f32,u64>")));
        Assert.Equal(4, CanonicalAbi.PayloadOffset(T("enum*65537")));
        Assert.Equal(2, CanonicalAbi.PayloadOffset(T("enum*257")));
        Assert.Equal(1, CanonicalAbi.PayloadOffset(T("enum{a,b}")));
    }

    [Theory]
    [InlineData(1, 1), InlineData(2, 1), InlineData(256, 1), InlineData(257, 2), InlineData(65536, 2), InlineData(65537, 4)]
    public void DiscriminantSizeGrowsByteWise(int cases, int size) => Assert.Equal(size, CanonicalAbi.DiscriminantSize(cases));

    /// <summary>Past 32 labels (no longer valid in Binary.md) flags keep the earlier ABI's layout: one u32 / i32 per 32 labels.</summary>
    [Theory]
    [InlineData(33, 8, 2), InlineData(64, 8, 2), InlineData(65, 12, 3), InlineData(100, 16, 4)]
    public void FlagsPast32LabelsTakeOneWordPer32(int labels, int size, int words)
    {
        var t = T($"flags*{labels}");
        Assert.Equal(size, CanonicalAbi.Size(t));
        Assert.Equal(4, CanonicalAbi.Alignment(t));
        Assert.Equal(Enumerable.Repeat(ValType.I32, words), CanonicalAbi.Flatten(t));
    }

    [Theory]
    [InlineData("i32,i64", "i64"), InlineData("i32,f32", "i32"), InlineData("f32,i32", "i32"), InlineData("f32,f64", "i64"),
     InlineData("i32,f64", "i64"), InlineData("f32,f32", "f32"), InlineData("f64,f64", "f64"), InlineData("f32,i64", "i64")]
    public void JoinWidensToAShareableCoreType(string pair, string joined)
    {
        var ts = pair.Split(',').Select(Parse).ToArray();
        Assert.Equal(Parse(joined), CanonicalAbi.Join(ts[0], ts[1]));
        static ValType Parse(string s) => Enum.Parse<ValType>(s, ignoreCase: true);
    }

    [Fact]
    public void DespecializeMapsSpecializedTypesToRecordsAndVariants()
    {
        Assert.Equal(T("record{0:u8,1:string}"), CanonicalAbi.Despecialize(T("tuple<u8,string>")));
        Assert.Equal(T("variant{a,b}"), CanonicalAbi.Despecialize(T("enum{a,b}")));
        Assert.Equal(T("variant{none,some(u32)}"), CanonicalAbi.Despecialize(T("option<u32>")));
        Assert.Equal(T("variant{ok,error(string)}"), CanonicalAbi.Despecialize(T("result<_,string>")));
        Assert.Equal(T("list<u8>"), CanonicalAbi.Despecialize(T("list<u8>")));
    }

    private static ComponentFuncType Func(string[] parameters, string? result) =>
        new(parameters.Select((p, i) => new Param($"p{i}", T(p))).ToEquatableList(), result is null ? null : T(result));

    [Fact]
    public void FlattenFuncSpillsParamsPast16()
    {
        var sixteen = Func(Enumerable.Repeat("u32", 16).ToArray(), null);
        Assert.Equal(Enumerable.Repeat(ValType.I32, 16), CanonicalAbi.FlattenFunc(sixteen, FlattenContext.Lift).Params);
        var seventeen = Func([.. Enumerable.Repeat("u32", 15), "u64", "f32"], null);
        Assert.Equal([ValType.I32], CanonicalAbi.FlattenFunc(seventeen, FlattenContext.Lift).Params);
        Assert.Equal([ValType.I32], CanonicalAbi.FlattenFunc(seventeen, FlattenContext.Lower).Params);
        Assert.Equal([ValType.I32], CanonicalAbi.FlattenFunc(Func(["list<u8,17>"], null), FlattenContext.Lower).Params);
        // Only as much is flattened as it takes to see that it spills.
        Assert.Equal([ValType.I32], CanonicalAbi.FlattenFunc(Func(["list<list<u64,4000000000>,4000000000>"], null), FlattenContext.Lower).Params);
        var big = CanonicalAbi.FlattenFunc(Func(["u8"], "list<variant{a(list<f32,4000000000>),b},4000000000>"), FlattenContext.Lift);
        Assert.Equal([ValType.I32], big.Results);
    }

    [Fact]
    public void FlattenFuncReturnsOneFlatResultAndSpillsMore()
    {
        var one = CanonicalAbi.FlattenFunc(Func(["f64"], "u64"), FlattenContext.Lift);
        Assert.Equal([ValType.F64], one.Params);
        Assert.Equal([ValType.I64], one.Results);
        // A string result flattens to two i32: the lifted callee returns a pointer to them…
        var lift = CanonicalAbi.FlattenFunc(Func(["u8"], "string"), FlattenContext.Lift);
        Assert.Equal([ValType.I32], lift.Params);
        Assert.Equal([ValType.I32], lift.Results);
        // …and the lowered caller passes a pointer (retptr) as a last parameter and gets nothing back.
        var lower = CanonicalAbi.FlattenFunc(Func(["u8"], "string"), FlattenContext.Lower);
        Assert.Equal([ValType.I32, ValType.I32], lower.Params);
        Assert.Empty(lower.Results);
        var none = CanonicalAbi.FlattenFunc(Func([], null), FlattenContext.Lower);
        Assert.Empty(none.Params);
        Assert.Empty(none.Results);
        var both = CanonicalAbi.FlattenFunc(Func(Enumerable.Repeat("string", 9).ToArray(), "tuple<u8,u8>"), FlattenContext.Lower);
        Assert.Equal([ValType.I32, ValType.I32], both.Params);
    }

    /// <summary>Input controls the nesting depth: too deep is a catchable exception, never a stack overflow.</summary>
    [Fact]
    public void DeepNestingFailsWithoutOverflowingTheStack()
    {
        ComponentValType t = PrimitiveType.U8;
        for (var i = 0; i < 1_000_000; i++) t = new OptionType(t);
        Assert.Throws<InsufficientExecutionStackException>(() => CanonicalAbi.Size(t));
        Assert.Throws<InsufficientExecutionStackException>(() => CanonicalAbi.Flatten(t));
    }
}
