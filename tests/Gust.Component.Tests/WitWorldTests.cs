using Gust.Component.Types;
using Gust.Component.Wit;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>The worlds under wit/: each resolves, prints, and re-parses to an equal model.</summary>
public class WitWorldTests
{
    public static TheoryData<string> Worlds() => new(WitTestData.WorldNames());

    [Theory]
    [MemberData(nameof(Worlds))]
    public void PrintsAndReparsesToAnEqualModel(string name)
    {
        var set = WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, name));
        var text = WitPrinter.Print(set);
        var again = WitResolver.ResolveText(text, $"{name}.printed.wit");
        Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(again));
        Assert.Equal(text, WitPrinter.Print(again));
        // Each folder's main world is named after it (the interop tests select it so).
        Assert.Equal(name, set.SelectWorld(name).Name);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void PrintsTheWorldAloneToAnEqualWorld(string name)
    {
        var world = WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, name)).SelectWorld(name);
        var text = WitPrinter.Print(world);
        var again = WitResolver.ResolveText(text, $"{name}.world.wit").SelectWorld(name);
        Assert.Equal(WitTestData.DescribeWorld(world), WitTestData.DescribeWorld(again));
        Assert.Equal(text, WitPrinter.Print(again));
    }

    [Fact]
    public void AtLeastFifteenWorldsCoverEveryTypeKind()
    {
        var sets = WitTestData.WorldNames().Select(n => WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, n))).ToList();
        Assert.True(sets.Count >= 15, $"{sets.Count} worlds");
        var kinds = new HashSet<string>();
        void Walk(ComponentValType t)
        {
            kinds.Add(t is PrimitiveType p ? p.Name : t.GetType().Name);
            switch (t)
            {
                case ListType l: Walk(l.Element); break;
                case OptionType o: Walk(o.Type); break;
                case ResultType r: if (r.Ok is not null) Walk(r.Ok); if (r.Error is not null) Walk(r.Error); break;
                case TupleType tu: foreach (var x in tu.Types) Walk(x); break;
                case RecordType re: foreach (var f in re.Fields) Walk(f.Type); break;
                case VariantType v: foreach (var c in v.Cases) if (c.Type is not null) Walk(c.Type); break;
            }
        }
        foreach (var set in sets)
            foreach (var p in set.Packages)
                foreach (var i in p.Interfaces)
                    foreach (var f in i.Functions)
                    {
                        foreach (var prm in f.FuncType.Params) Walk(prm.Type);
                        if (f.FuncType.Result is { } r) Walk(r);
                    }
        string[] expected =
        [
            "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string",
            nameof(ListType), nameof(OptionType), nameof(ResultType), nameof(TupleType), nameof(RecordType),
            nameof(VariantType), nameof(EnumType), nameof(FlagsType), nameof(OwnType), nameof(BorrowType),
        ];
        Assert.Empty(expected.Except(kinds));
    }
}
