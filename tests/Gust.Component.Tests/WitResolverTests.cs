using Gust.Component.Types;
using Gust.Component.Wit;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Resolution: component types, resources across <c>use</c>, world elaboration and includes, packages.</summary>
public class WitResolverTests
{
    private static WitWorld World(string text, string name) => WitResolver.ResolveText(text).SelectWorld(name);

    [Fact]
    public void FunctionsResolveToComponentTypes()
    {
        var set = WitResolver.ResolveText("""
            package a:b;
            interface i {
                record point { x: s32, y: s32 }
                f: func(a: list<u8>, p: point) -> result<string, u32>;
            }
            """);
        var f = set.Root.Interfaces[0].Functions.Single();
        var point = new RecordType(EquatableList.Of(new Field("x", PrimitiveType.S32), new Field("y", PrimitiveType.S32)));
        Assert.Equal(new ComponentFuncType(EquatableList.Of(new Param("a", new ListType(PrimitiveType.U8)), new Param("p", point)),
            new ResultType(PrimitiveType.String, PrimitiveType.U32)), f.FuncType);
        // The name survives beside the structural type.
        Assert.Equal("point", ((WitRef)f.Params[1].Type).Def.Name);
    }

    [Fact]
    public void ResourcesKeepTheirIdentityThroughUseAndAliases()
    {
        var set = WitResolver.ResolveText("""
            package a:b;
            interface types {
                resource file {
                    constructor(path: string);
                    read: func(n: u32) -> list<u8>;
                    open: static func(p: string) -> result<file, u32>;
                }
            }
            interface fs {
                use types.{file as handle};
                type h2 = handle;
                take: func(f: h2, g: borrow<h2>);
            }
            """);
        var types = set.Root.Interfaces.Single(i => i.Name == "types");
        var fs = set.Root.Interfaces.Single(i => i.Name == "fs");
        var file = types.Types.Single().Resource!;
        Assert.Equal(new ComponentFuncType(EquatableList.Of(new Param("f", new OwnType(file)), new Param("g", new BorrowType(file))), null),
            fs.Functions.Single().FuncType);
        var handle = fs.Types.Single(t => t.Name == "handle");
        Assert.Equal(WitTypeDefKind.Use, handle.Kind);
        Assert.Same(types.Types.Single(), handle.Target);
        Assert.Equal(["[constructor]file", "[method]file.read", "[static]file.open"], types.Functions.Select(f => f.ExternName));
        var read = types.Functions[1];
        Assert.Equal(new Param("self", new BorrowType(file)), read.FuncType.Params[0]);
        Assert.Equal(new OwnType(file), types.Functions[0].FuncType.Result);
        Assert.Equal(types.Types.Single().Methods, types.Functions);
    }

    [Fact]
    public void TypesAreOrderedAfterWhatTheyReferTo()
    {
        var set = WitResolver.ResolveText("package a:b;\ninterface i { type a = list<b>; record b { c: c } type c = u8; }");
        Assert.Equal(["c", "b", "a"], set.Root.Interfaces[0].Types.Select(t => t.Name));
    }

    [Fact]
    public void InterfacesAreOrderedAfterWhatTheyUse()
    {
        var set = WitResolver.ResolveText("package a:b;\ninterface x { use y.{t}; }\ninterface y { type t = u8; }");
        Assert.Equal(["y", "x"], set.Root.Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void TransitiveUsesAreImportedFirst()
    {
        // WIT.md "Transitive imports and worlds": w1 is equivalent to w2.
        var text = """
            package local:demo;
            interface a { resource r; }
            interface b { use a.{r}; foo: func() -> r; }
            interface c { use b.{r}; }
            world w1 { export b; }
            world w2 { import a; export b; }
            world w3 { import c; }
            """;
        var set = WitResolver.ResolveText(text);
        string Shape(WitWorld w) => string.Join(" ", w.Imports.Select(i => "import " + i.Name).Concat(w.Exports.Select(e => "export " + e.Name)));
        Assert.Equal("import local:demo/a export local:demo/b", Shape(set.SelectWorld("w1")));
        Assert.Equal(Shape(set.SelectWorld("w2")), Shape(set.SelectWorld("w1")));
        Assert.Equal("import local:demo/a import local:demo/b import local:demo/c", Shape(set.SelectWorld("w3")));
    }

    [Fact]
    public void WorldTypesAndInlineInterfacesPullInWhatTheyUse()
    {
        var w = World("""
            package local:demo;
            interface shared { record metadata { size: u32 } }
            world my-world {
                import host: interface {
                    use shared.{metadata};
                    get: func() -> metadata;
                }
                use shared.{metadata};
                export describe: func(m: metadata) -> string;
            }
            """, "my-world");
        Assert.Equal(["local:demo/shared", "host", "metadata"], w.Imports.Select(i => i.Name));
        Assert.True(w.Imports[0].IsInterfaceName);
        Assert.Null(w.Imports[1].Interface!.Name);
        Assert.Equal(WitTypeDefKind.Use, w.Imports[2].Type!.Kind);
        Assert.Equal("describe", w.Exports.Single().Function!.Name);
    }

    [Fact]
    public void IncludesMergeInterfaceNamesAndRenamePlainNames()
    {
        var set = WitResolver.ResolveText("""
            package local:demo;
            interface store { get: func(key: string) -> option<string>; }
            interface a1 {}
            world my-world-a { import a1; import x: func(); }
            world my-world-b { import a1; import x: func() -> u32; }
            world base { import cache: store; }
            world union-my-world {
                include my-world-a;
                include my-world-b with { x as y }
                import cache: func();
                include base with { cache as my-cache }
            }
            """);
        var w = set.SelectWorld("union-my-world");
        Assert.Equal(["local:demo/a1", "x", "y", "cache", "my-cache"], w.Imports.Select(i => i.Name));
        Assert.Equal("y", w.Imports[2].Function!.Name);
        Assert.Equal(PrimitiveType.U32, w.Imports[2].Function!.FuncType.Result);
        Assert.Equal("store", w.Imports[4].Interface!.Name);
        Assert.False(w.Imports[4].IsInterfaceName);
        Assert.Contains("import my-cache: store;", WitPrinter.Print(set));
    }

    [Fact]
    public void DependencyFolderPackagesComeFirstAndWorldsSelectByPath()
    {
        var set = WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, "deps-app"));
        Assert.Equal(["gust:shared@1.0.0", "test:app"], set.Packages.Select(p => p.Name.ToString()));
        Assert.Same(set.Root, set.Packages[^1]);
        var w = set.SelectWorld();
        Assert.Equal(["gust:shared/types@1.0.0", "gust:shared/log@1.0.0"], w.Imports.Select(i => i.Name));
        Assert.Equal("test:app/handler", w.Exports.Single().Interface!.QualifiedName);
        Assert.Same(w, set.SelectWorld("test:app/deps-app"));
        Assert.Same(w, set.SelectWorld("deps-app"));
        Assert.Throws<Gust.Wasm.WasmException>(() => set.SelectWorld("gust:shared/nope@1.0.0"));
    }

    [Fact]
    public void NestedPackagesAreDependencies()
    {
        var set = WitResolver.ResolveText("""
            package local:app;
            world app { import wasi:clocks/wall@0.2.0; import other:pkg/api; }
            package wasi:clocks@0.2.0 { interface wall { type instant = u64; now: func() -> instant; } }
            package other:pkg { interface api { use wasi:clocks/wall@0.2.0.{instant}; } }
            """);
        Assert.Equal("local:app", set.Root.Name.ToString());
        Assert.Equal(3, set.Packages.Count);
        Assert.Equal(["wasi:clocks/wall@0.2.0", "other:pkg/api"], set.SelectWorld().Imports.Select(i => i.Name));
    }

    [Fact]
    public void WorldLevelResourcesAndGatedItemsPrintBackTheSame()
    {
        var text = """
            package a:b@1.0.0;
            interface shared { record metadata { size: u32 } }
            /// The world.
            @since(version = 1.0.0)
            world w {
              @since(version = 1.0.0)
              use shared.{metadata as m};
              /// A thing.
              @since(version = 1.0.0)
              resource thing {
                @since(version = 1.0.0)
                constructor(x: m);
                @since(version = 1.0.0)
                get: func() -> m;
              }
              @since(version = 1.0.0)
              import make: func() -> thing;
              @since(version = 1.0.0)
              export run: func(t: borrow<thing>);
            }
            """;
        var set = WitResolver.ResolveText(text);
        var w = set.SelectWorld();
        Assert.Equal(["a:b/shared@1.0.0", "m", "thing", "[constructor]thing", "[method]thing.get", "make"], w.Imports.Select(i => i.Name));
        Assert.Equal(new WitGate(Since: "1.0.0"), w.Imports[0].Gate);
        var printed = WitPrinter.Print(set);
        Assert.Equal(printed, WitPrinter.Print(WitResolver.ResolveText(printed)));
        Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(WitResolver.ResolveText(printed)));
    }

    [Fact]
    public void WasiStyleDependenciesAcrossPackagesAndVersions()
    {
        var set = WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, "wasi-cli"));
        Assert.Equal(["wasi:io@0.2.0", "wasi:clocks@0.2.0", "wasi:cli@0.2.0", "test:wasi-cli"], set.Packages.Select(p => p.Name.ToString()));
        var w = set.SelectWorld();
        Assert.Equal(
            ["wasi:io/poll@0.2.0", "wasi:clocks/monotonic-clock@0.2.0", "wasi:cli/environment@0.2.0", "wasi:io/error@0.2.0", "wasi:io/streams@0.2.0", "wasi:cli/stdout@0.2.0"],
            w.Imports.Select(i => i.Name));
        Assert.Equal("wasi:cli/run@0.2.0", w.Exports.Single().Name);
        // One resource type, seen from every interface that uses it.
        var streams = set.Find(new PackageName("wasi", "io", "0.2.0"))!.Interfaces.Single(i => i.Name == "streams");
        var stdout = w.Imports.Single(i => i.Name == "wasi:cli/stdout@0.2.0").Interface!;
        Assert.Equal(new OwnType(streams.Types.Single(t => t.Name == "output-stream").Resource!), stdout.Functions.Single().FuncType.Result);
        Assert.Same(set.Find(new PackageName("wasi", "cli", "0.2.0"))!.Worlds.Single(), set.SelectWorld("wasi:cli/imports@0.2.0"));
    }
}
