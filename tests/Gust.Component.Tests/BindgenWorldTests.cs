using Gust.Component.Abi;
using Xunit;
using static Gust.Component.Abi.ComponentValue;

namespace Gust.Component.Tests;

/// <summary>
/// Test worlds implemented in C (tests/Gust.Component.Tests/bindgen/*.c) through `gust bindgen c`, compiled with clang-16
/// and called in Wasmtime through Gust's canonical ABI; the expected values follow from the C code's comments.
/// </summary>
public sealed class BindgenWorldTests
{
    private static Dictionary<string, BindgenHarness.HostFunction> NoImports => [];

    [Fact]
    public void Lists()
    {
        const string I = "test:lists/sequences#";
        using var h = BindgenHarness.Build("lists", "lists.c");
        Assert.Equal(S64(2), h.Call(I + "sum", List(S32(1), S32(-2), S32(3))));
        Assert.Equal(S64(0), h.Call(I + "sum", List()));
        Assert.Equal(List(U8(3), U8(2), U8(1)), h.Call(I + "bytes", List(U8(1), U8(2), U8(3))));
        Assert.Equal(List(), h.Call(I + "bytes", List()));
        Assert.Equal(List(List(F32(2), F32(4)), List(F32(6)), List()), h.Call(I + "matrix", List(List(F32(1), F32(2)), List(F32(3)), List())));
        Assert.Equal(List(Item("a", 2), Item("bé", 11)), h.Call(I + "items", List(Item("a", 1), Item("bé", 10))));
        Assert.Equal(List(String("c"), String(""), String("a")), h.Call(I + "strings", List(String("a"), String(""), String("c"))));
        Assert.Equal(List(), h.Call(I + "empty"));

        static ComponentValue Item(string name, uint count) => Record(("name", String(name)), ("count", U32(count)));
    }

    [Fact]
    public void Records()
    {
        const string I = "test:records/shapes#";
        using var h = BindgenHarness.Build("records", "records.c");
        Assert.Equal(F64(12), h.Call(I + "area", Rect(1, 2, 3, 4)));
        Assert.Equal(Rect(11, 22, 3, 4), h.Call(I + "translate", Rect(1, 2, 3, 4), Point(10, 20)));
        var person = Record(("name", String("Robert")), ("age", U8(42)), ("height", F32(1.5f)), ("tags", List(String("a"), String("b"))),
            ("nickname", Some(String("Bobby"))), ("id", U64(7)));
        Assert.Equal(String("Bobby 42 7 [a,b] 15"), h.Call(I + "greet", person));
        var plain = Record(("name", String("Ann")), ("age", U8(0)), ("height", F32(0)), ("tags", List()), ("nickname", None), ("id", U64(ulong.MaxValue)));
        Assert.Equal(String($"Ann 0 {ulong.MaxValue} [] 0"), h.Call(I + "greet", plain));

        static ComponentValue Point(double x, double y) => Record(("x", F64(x)), ("y", F64(y)));
        static ComponentValue Rect(double x, double y, double w, double hh) => Record(("origin", Point(x, y)), ("size", Point(w, hh)));
    }

    [Fact]
    public void Variants()
    {
        const string I = "test:variants/shapes#";
        using var h = BindgenHarness.Build("variants", "variants.c");
        Assert.Equal(String("big circle"), h.Call(I + "describe", Variant("circle", F32(1.5f))));
        Assert.Equal(String("small circle"), h.Call(I + "describe", Variant("circle", F32(0.5f))));
        Assert.Equal(String("square 7"), h.Call(I + "describe", Variant("square", U32(7))));
        Assert.Equal(String("polygon n=2 sum=10"), h.Call(I + "describe",
            Variant("polygon", List(Record(("x", S32(1)), ("y", S32(2))), Record(("x", S32(3)), ("y", S32(4)))))));
        Assert.Equal(String("nothing"), h.Call(I + "describe", Variant("nothing")));
        Assert.Equal(Variant("int", S64(-123)), h.Call(I + "parse", String("i123")));
        Assert.Equal(Variant("float", F64(1.0)), h.Call(I + "parse", String("ffff")));
        Assert.Equal(Variant("pair", Tuple(U8(2), Char('Z'))), h.Call(I + "parse", String("pZ")));
        Assert.Equal(Variant("text", String("hello")), h.Call(I + "parse", String("hello")));
    }

    [Fact]
    public void Results()
    {
        const string I = "test:results/fallible#";
        using var h = BindgenHarness.Build("results", "results.c");
        Assert.Equal(Ok(U32(6)), h.Call(I + "both", U32(3)));
        Assert.Equal(Error(Enum("denied")), h.Call(I + "both", U32(10)));
        Assert.Equal(Error(Enum("busy")), h.Call(I + "both", U32(11)));
        Assert.Equal(Ok(String("x")), h.Call(I + "ok-only", String("x")));
        Assert.Equal(Error(), h.Call(I + "ok-only", String("")));
        Assert.Equal(Ok(), h.Call(I + "err-only", U32(0)));
        Assert.Equal(Error(String("bad")), h.Call(I + "err-only", U32(5)));
        Assert.Equal(Error(), h.Call(I + "bare", Bool(true)));
        Assert.Equal(Ok(), h.Call(I + "bare", Bool(false)));
        Assert.Equal(Ok(None), h.Call(I + "nested", U32(0)));
        Assert.Equal(Ok(Some(U32(5))), h.Call(I + "nested", U32(5)));
        Assert.Equal(Error(List(Enum("busy"), Enum("denied"))), h.Call(I + "nested", U32(100)));
    }

    [Fact]
    public void Options()
    {
        const string I = "test:options/maybe#";
        using var h = BindgenHarness.Build("options", "options.c");
        Assert.Equal(Some(U8(5)), h.Call(I + "option-u8", Some(U8(4))));
        Assert.Equal(None, h.Call(I + "option-u8", None));
        Assert.Equal(Some(String("s")), h.Call(I + "option-string", Some(String("s"))));
        Assert.Equal(None, h.Call(I + "option-string", None));
        Assert.Equal(Some(None), h.Call(I + "nested", None));
        Assert.Equal(None, h.Call(I + "nested", Some(None)));
        Assert.Equal(Some(Some(U32(42))), h.Call(I + "nested", Some(Some(U32(21)))));
        Assert.Equal(Some(Entry("k", Some(U32(2)))), h.Call(I + "option-record", Some(Entry("k", Some(U32(1))))));
        Assert.Equal(Some(Entry("k", None)), h.Call(I + "option-record", Some(Entry("k", None))));
        Assert.Equal(None, h.Call(I + "option-record", None));
        Assert.Equal(Some(List(U16(3), U16(2), U16(1))), h.Call(I + "option-list", Some(List(U16(1), U16(2), U16(3)))));
        Assert.Equal(None, h.Call(I + "option-list", None));

        static ComponentValue Entry(string key, ComponentValue value) => Record(("key", String(key)), ("value", value));
    }

    [Fact]
    public void FlagsAndEnums()
    {
        const string P = "test:flag-sets/permissions#";
        using (var h = BindgenHarness.Build("flag-sets", "flag_sets.c"))
        {
            Assert.Equal(Flags("read", "write"), h.Call(P + "roundtrip-small", Flags("read")));
            Assert.Equal(Flags("exec"), h.Call(P + "roundtrip-small", Flags("write", "exec")));
            Assert.Equal(Flags("f0", "f9"), h.Call(P + "roundtrip-medium", Flags("f0")));
            Assert.Equal(Flags(Enumerable.Range(1, 30).Select(i => $"b{i}").ToArray()), h.Call(P + "roundtrip-large", Flags("b0", "b31")));
        }
        const string C = "test:enums/colors#";
        using (var h = BindgenHarness.Build("enums", "enums.c"))
        {
            Assert.Equal(Enum("monday"), h.Call(C + "next", Enum("sunday")));
            Assert.Equal(Enum("wednesday"), h.Call(C + "next", Enum("tuesday")));
            Assert.Equal(List(Enum("red"), Enum("green"), Enum("blue")), h.Call(C + "mix", Enum("red"), Enum("green")));
            Assert.Equal(List(Enum("blue"), Enum("blue"), Enum("red")), h.Call(C + "mix", Enum("blue"), Enum("blue")));
        }
    }

    [Fact]
    public void Tuples()
    {
        const string I = "test:tuples/pairs#";
        using var h = BindgenHarness.Build("tuples", "tuples.c");
        Assert.Equal(Tuple(String("x"), U32(7)), h.Call(I + "swap", Tuple(U32(7), String("x"))));
        Assert.Equal(Tuple(U8(2), F64(5), Bool(false)), h.Call(I + "triple", Tuple(U8(1), F64(2.5), Bool(true))));
        Assert.Equal(Tuple(S64(-5)), h.Call(I + "single", Tuple(S64(5))));
        Assert.Equal(U32(71), h.Call(I + "nested", Tuple(Tuple(U16(1), U16(2)), Tuple(Char('A'), String("abc")))));
    }

    [Fact]
    public void PrimitivesThroughImportsAndExports()
    {
        const string M = "test:primitives/numbers";
        var seen = new List<ComponentValue>();
        var imports = new Dictionary<string, BindgenHarness.HostFunction>();
        foreach (var t in new[] { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char" })
            imports[$"{M} echo-{t}"] = args => { seen.Add(args[0]); return args[0]; };
        imports[$"{M} sum-all"] = args => { seen.AddRange(args); return F64(1000); };
        using var h = BindgenHarness.Build("primitives", "primitives.c", imports);
        (ComponentValue In, ComponentValue Out)[] cases =
        [
            (Bool(true), Bool(false)), (Bool(false), Bool(true)),
            (S8(sbyte.MinValue), S8(sbyte.MaxValue)), (U8(255), U8(0)),
            (S16(short.MinValue), S16(short.MaxValue)), (U16(ushort.MaxValue), U16(0)),
            (S32(-5), S32(-6)), (U32(uint.MaxValue), U32(0)),
            (S64(long.MinValue + 1), S64(long.MinValue)), (U64(ulong.MaxValue), U64(0)),
            (F32(1.5f), F32(3f)), (F64(-2.25), F64(-4.5)),
            (Char('a'), Char('b')), (Char(0x1F389), Char(0x1F38A)),
        ];
        foreach (var (input, output) in cases)
        {
            var name = input switch { BoolValue => "bool", F32Value => "f32", F64Value => "f64", CharValue => "char", IntValue i => i.Kind.ToString().ToLowerInvariant(), _ => "" };
            seen.Clear();
            Assert.Equal(output, h.Call($"{M}#echo-{name}", input));
            Assert.Equal([input], seen);
        }
        seen.Clear();
        ComponentValue[] all = [S8(-1), U8(2), S16(-3), U16(4), S32(-5), U32(6), S64(-7), U64(8), F32(0.5f), F64(0.25)];
        Assert.Equal(F64(1004.75), h.Call($"{M}#sum-all", all));
        Assert.Equal(all, seen);
    }

    [Fact]
    public void WorldLevelFunctionsAndInlineInterface()
    {
        var put = new List<ComponentValue>();
        using var h = BindgenHarness.Build("world-funcs", "world_funcs.c", new Dictionary<string, BindgenHarness.HostFunction>
        {
            ["$root now"] = _ => U64(1000),
            ["host get"] = _ => Meta("host", 1),
            ["host put"] = args => { put.Add(args[0]); return null; },
        });
        Assert.Equal(S32(1002), h.Call("run", List(String("a"), String("b"))));
        Assert.Equal(S32(1000), h.Call("run", List()));
        Assert.Equal([Meta("a", 2), Meta("none", 0)], put);
        Assert.Equal(String("m/host"), h.Call("describe", Meta("m", 3)));

        static ComponentValue Meta(string name, uint size) => Record(("name", String(name)), ("size", U32(size)));
    }

    [Fact]
    public void SpilledParametersAndResults()
    {
        const string M = "test:spill/wide@1.0.0";
        var seen = new List<ComponentValue[]>();
        using var h = BindgenHarness.Build("spill", "spill.c", new Dictionary<string, BindgenHarness.HostFunction>
        {
            [$"{M} combine"] = args =>
            {
                seen.Add(args);
                var (x, y) = ((RecordValue)args[0], (RecordValue)args[1]);
                return Record(x.Fields.Zip(y.Fields, (a, b) => (a.Name, a.Value is F32Value fa
                    ? (ComponentValue)F32(fa.Value + ((F32Value)b.Value).Value)
                    : U64(((IntValue)a.Value).Bits + ((IntValue)b.Value).Bits))).ToArray());
            },
            [$"{M} sum17"] = args =>
            {
                seen.Add(args);
                return Tuple(U32((uint)args.Take(16).Sum(a => (int)((IntValue)a).Bits)), args[16]);
            },
        });
        Assert.Equal(Big(11, 2, 1.5f + 2.5f + 1), h.Call($"{M}#combine", Big(3, 1, 1.5f), Big(7, 1, 2.5f)));
        Assert.Equal([Big(3, 1, 1.5f), Big(7, 1, 2.5f)], seen[0]);
        var bytes = Enumerable.Range(1, 16).Select(i => (ComponentValue)U8((byte)(i * 10))).Append(String("seventeen")).ToArray();
        Assert.Equal(Tuple(U32(1361), String("seventeen")), h.Call($"{M}#sum17", bytes));
        Assert.Equal(bytes, seen[1]);

        // Fields a…h are n, n+step, n+2·step, …; the export adds one to each field of the host's sum.
        static ComponentValue Big(ulong n, ulong step, float i) =>
            Record([.. "abcdefgh".Select((c, k) => (c.ToString(), (ComponentValue)U64(n + step * (ulong)k))), ("i", F32(i))]);
    }

    [Fact]
    public void VariantPayloadsInJoinedFlatSlots()
    {
        const string M = "test:joins/mix";
        var seen = new List<ComponentValue[]>();
        using var h = BindgenHarness.Build("joins", "joins.c", new Dictionary<string, BindgenHarness.HostFunction>
        {
            [$"{M} pass"] = args => { seen.Add(args); return U32((uint)seen.Count); },
        });
        ComponentValue[][] calls =
        [
            [Variant("small", U8(200)), Some(F32(-0.5f)), Ok(F64(1e300))],
            [Variant("big", U64(ulong.MaxValue)), None, Error(S64(long.MinValue))],
            [Variant("half", F32(float.MaxValue)), Some(F32(float.NegativeInfinity)), Ok(F64(-0.0))],
            [Variant("full", F64(Math.PI)), Some(F32(0)), Error(S64(-1))],
            [Variant("text", String("ünïcode")), None, Ok(F64(double.Epsilon))],
            [Variant("nothing"), Some(F32(1)), Error(S64(1))],
        ];
        for (var i = 0; i < calls.Length; i++)
        {
            Assert.Equal(U32((uint)i + 2), h.Call($"{M}#pass", calls[i]));
            Assert.Equal(calls[i], seen[i]);
        }
    }

    [Fact]
    public void ExportedResource()
    {
        const string I = "test:resource-export/counters#";
        using var h = BindgenHarness.Build("resource-export", "resource_export.c");
        var a = h.Call(I + "[constructor]counter", S64(5))!;
        Assert.Equal(Handle(1), a);
        h.Call(I + "[method]counter.increment", h.Borrow(a), S64(37));
        Assert.Equal(S64(42), h.Call(I + "[method]counter.value", h.Borrow(a)));
        var many = (ListValue)h.Call(I + "make-many", U32(3))!;
        Assert.Equal(List(Handle(2), Handle(3), Handle(4)), many);
        Assert.Equal(S64(42 + 0 + 1 + 2), h.Call(I + "total", List([h.Borrow(a), .. many.Elements.Select(h.Borrow)])));
        var rep = h.Borrow(a).Index;
        var b = h.Call(I + "[static]counter.reset", a)!;
        Assert.Equal([rep], h.Destroyed);
        Assert.Equal(S64(4200), h.Call(I + "[method]counter.value", h.Borrow(b)));
        Assert.Equal(rep, h.Borrow(b).Index);
    }

    [Fact]
    public void ImportedResources()
    {
        const string M = "test:resources/store ";
        var tables = new Dictionary<uint, Dictionary<string, string>>();
        var blobs = new Dictionary<uint, byte[]>();
        uint next = 1;
        uint NewTable(Dictionary<string, string> t) { tables[next] = t; return next++; }
        Dictionary<string, string> Table(ComponentValue h) => tables[((HandleValue)h).Index];
        string Text(ComponentValue v) => ((StringValue)v).Text;
        using var h = BindgenHarness.Build("resources", "resources.c", new Dictionary<string, BindgenHarness.HostFunction>
        {
            [M + "[constructor]table"] = _ => Handle(NewTable([])),
            [M + "[method]table.get"] = a => Table(a[0]).TryGetValue(Text(a[1]), out var v) ? Some(String(v)) : None,
            [M + "[method]table.set"] = a => { Table(a[0])[Text(a[1])] = Text(a[2]); return null; },
            [M + "[method]table.keys"] = a => List([.. Table(a[0]).Keys.Order(StringComparer.Ordinal).Select(String)]),
            [M + "[static]table.merge"] = a => Handle(NewTable(Table(a[0]).Concat(Table(a[1])).ToDictionary())),
            [M + "[constructor]blob"] = a => { blobs[next] = [.. ((ListValue)a[0]).Elements.Select(e => (byte)((IntValue)e).Bits)]; return Ok(Handle(next++)); },
            [M + "[method]blob.read"] = a => List([.. blobs[((HandleValue)a[0]).Index].Take((int)((IntValue)a[1]).Bits).Select(U8)]),
            [M + "open"] = a => Ok(Handle(NewTable(new() { [Text(a[0])] = "y" }))),
            [M + "consume"] = a => U32((uint)Table(a[0]).Count),
            [M + "inspect"] = a => U32((uint)Table(a[0]).Count),
        });
        // got "22" (2), two keys, a merged table of three, consumed a table of two, read two bytes.
        Assert.Equal(U32(22322), h.Call("run"));
        Assert.Equal([4u, 2u], h.ImportedDrops);
    }

    [Fact]
    public void FixedLengthLists()
    {
        const string I = "test:fixed-lists/vectors#";
        using var h = BindgenHarness.Build("fixed-lists", "fixed_lists.c");
        Assert.Equal(List(U8(192), U8(168), U8(0), U8(1)), h.Call(I + "get-ipv4-address"));
        Assert.Equal(F32(32), h.Call(I + "dot", List(F32(1), F32(2), F32(3)), List(F32(4), F32(5), F32(6))));
        Assert.Equal(List(List(F64(1), F64(3)), List(F64(2), F64(4))), h.Call(I + "transpose", List(List(F64(1), F64(2)), List(F64(3), F64(4)))));
    }
}
