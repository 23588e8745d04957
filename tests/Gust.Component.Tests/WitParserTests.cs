using Gust.Component.Types;
using Gust.Component.Wit;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>What the parser keeps: names, versions, paths, gates, docs and every type form.</summary>
public class WitParserTests
{
    [Fact]
    public void PackageVersionsAndNestedPackages()
    {
        var file = WitParser.ParseFile("""
            /// The root.
            package a:b@1.2.3-rc.1+build.5;

            package x:y@2.0.0 {
                interface i {}
            }
            package x:z {
                world w {}
            }
            interface j {}
            """, "p.wit");
        Assert.Equal(new PackageName("a", "b", "1.2.3-rc.1+build.5"), file.Package);
        Assert.Equal("The root.", file.PackageDocs);
        Assert.Equal(["x:y@2.0.0", "x:z"], file.Nested.Select(n => n.Name.ToString()));
        Assert.Equal("i", file.Nested[0].Body.Interfaces.Single().Name);
        Assert.Equal("j", file.Body.Interfaces.Single().Name);
    }

    [Fact]
    public void UsePathsWithVersionsAndRenames()
    {
        var file = WitParser.ParseFile("""
            package a:b;
            use wasi:io/streams@0.2.0 as s;
            use local-iface;
            interface i {
                use wasi:io/streams@0.2.0-rc-2023-11-10.{input-stream, output-stream as out,};
                use s.{error};
            }
            """);
        Assert.Equal(["wasi:io/streams@0.2.0 as s", "local-iface as "], file.Body.Uses.Select(u => $"{u.Path} as {u.As}"));
        var uses = file.Body.Interfaces[0].Items.Cast<UseSyntax>().ToList();
        Assert.Equal("wasi:io/streams@0.2.0-rc-2023-11-10", uses[0].Path.ToString());
        Assert.Equal(["input-stream", "output-stream>out"], uses[0].Names.Select(n => n.As is null ? n.Name : $"{n.Name}>{n.As}"));
        Assert.Null(uses[1].Path.Package);
    }

    [Fact]
    public void GatesDocsExternalIdsAndEscapes()
    {
        var set = WitResolver.ResolveText("""
            package a:b@0.2.2;
            interface i {
                /// Adds.
                /// Two lines.
                @since(version = 0.2.1)
                add: func(%type: u32) -> u32;
                @unstable(feature = fancy-foo)
                d: func();
                @since(version = 0.2.0)
                @deprecated(version = 0.2.2)
                e: async func();
                @external-id("DB.Bar")
                resource bar {
                    @external-id("baz/1")
                    baz: func(s: string) -> string;
                }
                /** Block doc. */
                %record: func();
            }
            """);
        var i = set.Root.Interfaces.Single();
        var add = i.Functions.Single(f => f.Name == "add");
        Assert.Equal("Adds.\nTwo lines.", add.Docs);
        Assert.Equal(new WitGate(Since: "0.2.1"), add.Gate);
        Assert.Equal("type", add.Params[0].Name);
        Assert.Equal(new WitGate(Unstable: "fancy-foo"), i.Functions.Single(f => f.Name == "d").Gate);
        var e = i.Functions.Single(f => f.Name == "e");
        Assert.Equal(new WitGate(Since: "0.2.0", Deprecated: "0.2.2"), e.Gate);
        Assert.True(e.IsAsync);
        Assert.Equal("DB.Bar", i.Types.Single().ExternalId);
        Assert.Equal("baz/1", i.Functions.Single(f => f.Name == "baz").ExternalId);
        Assert.Equal("Block doc.", i.Functions.Single(f => f.Name == "record").Docs);
        var printed = WitPrinter.Print(set);
        Assert.Contains("@deprecated(version = 0.2.2)", printed);
        Assert.Contains("e: async func();", printed);
        Assert.Contains("%record: func();", printed);
        Assert.Contains("@external-id(\"baz/1\")", printed);
        Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(WitResolver.ResolveText(printed)));
    }

    [Fact]
    public void EveryTypeForm()
    {
        var set = WitResolver.ResolveText("""
            package a:b;
            interface i {
                resource r;
                type t1 = result<_, u8>;
                type t2 = result<string>;
                type t3 = result<char, s16>;
                type t4 = result;
                type t5 = list<u8, 4>;
                type t6 = tuple<u8, f32, f64,>;
                type t7 = option<borrow<r>>;
                type t8 = own<r>;
                type t9 = list<list<s64>>;
            }
            """);
        var types = set.Root.Interfaces[0].Types.ToDictionary(t => t.Name, t => t.ValType);
        var r = set.Root.Interfaces[0].Types[0].Resource!;
        Assert.Equal(new ResultType(null, PrimitiveType.U8), types["t1"]);
        Assert.Equal(new ResultType(PrimitiveType.String, null), types["t2"]);
        Assert.Equal(new ResultType(PrimitiveType.Char, PrimitiveType.S16), types["t3"]);
        Assert.Equal(new ResultType(null, null), types["t4"]);
        Assert.Equal(new ListType(PrimitiveType.U8, 4), types["t5"]);
        Assert.Equal(new TupleType(EquatableList.Of<ComponentValType>(PrimitiveType.U8, PrimitiveType.F32, PrimitiveType.F64)), types["t6"]);
        Assert.Equal(new OptionType(new BorrowType(r)), types["t7"]);
        Assert.Equal(new OwnType(r), types["t8"]);
        Assert.Equal(new ListType(new ListType(PrimitiveType.S64)), types["t9"]);
    }
}
