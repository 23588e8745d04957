using Gust.Component.Binary;
using Gust.Component.Wit;
using Gust.Component.Wrap;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>`gust component new` on hand-written core modules: what it builds, and the diagnostics for modules that do not match the world.</summary>
public sealed class ComponentNewTests
{
    private static WitWorld World(string name) => WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, name)).SelectWorld();

    private static byte[] Wat(string text) => ModuleWriter.Write(WatParser.ParseModule(text));

    private static string Error(string world, string wat) =>
        Assert.Throws<WasmException>(() => ComponentNew.Build(Wat(wat), World(world))).Diagnostic.Message;

    [Fact]
    public void WorldFunctionsWithLegacyNamesMakeAComponentWithTheWorldsWit()
    {
        var component = ComponentNew.Build(Wat("""
            (module
              (import "$root" "now" (func (result i64)))
              (import "host" "get" (func (param i32)))
              (import "host" "put" (func (param i32 i32 i32)))
              (memory (export "memory") 1)
              (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
              (func (export "run") (param i32 i32) (result i32) i32.const 0)
              (func (export "describe") (param i32 i32 i32) (result i32) i32.const 0)
              (func (export "cabi_post_describe") (param i32)))
            """), World("world-funcs"));
        var wit = ComponentWit.Print(ComponentReader.Read(component));
        Assert.Contains("import now: func() -> u64;", wit);
        Assert.Contains("import host: interface {", wit);
        Assert.Contains("export describe: func(m: metadata) -> string;", wit);
        Assert.Contains("use test:world-funcs/shared.{metadata};", wit);
    }

    [Fact]
    public void AnImportOutsideTheWorldIsNamed() =>
        Assert.Equal("import `nope` of module `test:records/shapes` is not in world `test:records/records`",
            Error("records", """(module (import "test:records/shapes" "nope" (func)))"""));

    [Fact]
    public void AnImportWithTheWrongSignatureIsNamed() =>
        Assert.Equal("import `now` of module `$root` has type (func (result i32)), but world `test:world-funcs/world-funcs` needs (func (result i64))",
            Error("world-funcs", """(module (import "$root" "now" (func (result i32))))"""));

    [Fact]
    public void AMissingExportIsNamed() =>
        Assert.StartsWith("module does not export `test:records/shapes#area` (or `cm32p2|test:records/shapes|area`)",
            Error("records", """(module (memory (export "memory") 1))"""));

    [Fact]
    public void AnExportWithTheWrongSignatureIsNamed() =>
        Assert.Equal("export `run` has type (func (param i32) (result i32)), but world `test:world-funcs/world-funcs` needs (func (param i32 i32) (result i32))",
            Error("world-funcs", """(module (func (export "run") (param i32) (result i32) i32.const 0))"""));

    [Fact]
    public void WithoutWitTheModuleMustEmbedIt() =>
        Assert.Contains("component-type", Assert.Throws<WasmException>(() => ComponentNew.Build(Wat("(module)"), null)).Diagnostic.Message);

    [Fact]
    public void CoreNamesShortenVersionsTheCm32p2Way()
    {
        Assert.Equal("a:b/c@1", CoreNames.ShortVersion("a:b/c@1.2.3"));
        Assert.Equal("a:b/c@0.2", CoreNames.ShortVersion("a:b/c@0.2.1"));
        Assert.Equal("a:b/c@0.0.1", CoreNames.ShortVersion("a:b/c@0.0.1"));
        Assert.Equal("a:b/c@1.0.0-rc1", CoreNames.ShortVersion("a:b/c@1.0.0-rc1"));
        Assert.Equal("a:b/c", CoreNames.ShortVersion("a:b/c"));
    }
}
