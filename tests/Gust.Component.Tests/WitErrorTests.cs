using Gust.Component.Wit;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Diagnostics for bad WIT: the exact file:line:column and message.</summary>
public class WitErrorTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        // lexical
        { "package a:b;\ninterface i {\n  f: func(x: u32) -> u32$;\n}", "3:25: malformed: unexpected character `$`" },
        { "package a:b;\n/* never closed\ninterface i {}", "2:1: malformed: unterminated block comment" },
        { "package a:b;\ninterface Foo-bar {}", "2:11: malformed: identifier `Foo-bar` is not kebab-case: word `Foo` mixes upper and lower case" },
        { "package a:b;\ninterface i {\n  x--y: func();\n}", "3:3: malformed: identifier `x--y` is not kebab-case: empty word" },
        { "package a:b;\ninterface i {\n  %1x: func();\n}", "3:4: malformed: identifier `1x` is not kebab-case: it must start with a letter" },
        { "package a:b;\nworld w {\n  @external-id(\"abc\n  import f: func();\n}", "3:16: malformed: unterminated string literal" },
        // syntax
        { "package a:b;\ninterface i {\n  f: func(x: u32)\n}", "4:1: malformed: expected `;`, found `}`" },
        { "package a:b;\ninterface i {\n  record r { x: u32 }\n  type t = record;\n}", "4:12: malformed: expected a type, found keyword `record`" },
        { "package a:b;\ninterface record {}", "2:11: malformed: expected an identifier, found keyword `record`" },
        { "package a:b\ninterface i {}", "2:1: malformed: expected `;`, found keyword `interface`" },
        { "package a:b@1.0;", "1:13: malformed: `1.0` is not a valid semver version" },
        { "package a:b;\ninterface i {\n  enum e {}\n}", "3:3: malformed: enum `e` must have at least one case" },
        { "package a:b;\ninterface i {\n  f: func() -> list<u8, 0>;\n}", "3:25: malformed: expected a fixed list length (a positive integer), found number `0`" },
        { "package a:b;\ninterface i {", "2:14: malformed: expected `}`, found end of file" },
        { "package a:b;\nworld w {\n  import a:b;\n}", "3:13: malformed: expected `/` and an interface name after package `a:b`: a package cannot be imported" },
        { "package a:b;\nworld w {\n  @since(version = 1.0.0)\n  @unstable(feature = x)\n  import f: func();\n}", "5:3: malformed: an item cannot be both `@since` and `@unstable`" },
        { "package a:b;\ninterface i {\n  @sincе(version = 1.0.0)\n  f: func();\n}", "3:8: malformed: unexpected character `е`" },
        { "package a:b;\ninterface i {\n  @frob(version = 1.0.0)\n  f: func();\n}", "3:3: malformed: unknown attribute `@frob`" },
        { "package a:b;\ninterface i {\n  f: func() -> future<u32>;\n}", "3:16: unsupported: the `future` type needs the component-model-async proposal, which Gust does not support" },
        { "package a:b;\ninterface i {\n  f: func() -> map<string, u32>;\n}", "3:16: unsupported: the `map` type needs the wit-map proposal, which Gust does not support" },
        // names
        { "package a:b;\ninterface i {\n  type foo = bar;\n}", "3:14: invalid: type `bar` not defined" },
        { "package a:b;\ninterface i {\n  type foo = u32;\n  type foo = u64;\n}", "4:3: invalid: name `foo` is defined twice" },
        { "package a:b;\ninterface i {\n  type x = u32;\n  x: func();\n}", "4:3: invalid: name `x` is defined twice" },
        { "package a:b;\ninterface i {}\nworld i {}", "3:1: invalid: name `i` is defined twice" },
        { "package a:b;\ninterface i {\n  record r {\n    a: u32,\n    a: u64,\n  }\n}", "5:5: invalid: field `a` is defined twice" },
        { "package a:b;\ninterface i {\n  f: func(a: u32, a: u32);\n}", "3:19: invalid: parameter `a` is defined twice" },
        { "package a:b;\ninterface i {\n  type foo = foo;\n}", "3:14: invalid: type `foo` depends on itself" },
        { "package a:b;\ninterface i {\n  record a { b: b }\n  record b { a: a }\n}", "4:17: invalid: type `a` depends on itself" },
        { "package a:b;\ninterface i {\n  use j.{y};\n  type x = u32;\n}\ninterface j {\n  use i.{x};\n  type y = u32;\n}", "7:7: invalid: interface `i` depends on itself" },
        { "package a:b;\ninterface i {\n  use c:d/e.{t};\n}", "3:7: invalid: package `c:d` not found" },
        { "package a:b;\ninterface i {\n  use j.{t};\n}\ninterface j {}", "3:10: invalid: type `t` not defined in interface `a:b/j`" },
        { "package a:b;\ninterface i {\n  use nope.{t};\n}", "3:7: invalid: interface or world `nope` not found in package `a:b`" },
        { "package a:b;\ninterface i {\n  type t = u32;\n  f: func(x: borrow<t>);\n}", "4:14: invalid: type `t` is not a resource, so it cannot be borrowed" },
        { "package a:b;\ninterface i {\n  resource r {\n    constructor() -> u32;\n  }\n}", "4:22: invalid: constructor of `r` must return `r` or `result<r, …>`" },
        { "package a:b;\nworld w {\n  import f: func();\n  import f: interface {}\n}", "4:3: invalid: import `f` is defined twice" },
        { "package a:b;\nworld v { import f: func(); }\nworld w {\n  import f: func();\n  include v;\n}", "5:3: invalid: import `f` from world `v` conflicts with an import of the same name; rename it with `with { f as … }`" },
        { "package a:b;\nworld v { import f: func(); }\nworld w {\n  include v with { g as h }\n}", "4:20: invalid: `g` is not an import or export of world `v`" },
        { "package a:b;\ninterface i {}\nworld v { import i; }\nworld w {\n  include v with { a:b/i as h }\n}", "5:21: malformed: expected `as`, found `:`" },
        { "package a:b;\nworld w { include w; }", "2:19: invalid: world `w` includes itself" },
        { "package a:b;\nworld w { import w; }", "2:18: invalid: `w` is a world, not an interface" },
        { "package a:b;\ninterface i {}\nworld w { include i; }", "3:19: invalid: `i` is an interface, not a world" },
        { "interface i {}", "1:1: invalid: no `package` declaration: one file of a package must start with `package ns:name;`" },
        { "package a:b;\ninterface i {\n  flags f { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32 }\n}", "3:3: invalid: flags `f` has 33 flags; at most 32 are allowed" },
        { "package a:b;\nuse c:d/types;\ninterface types {}\npackage c:d { interface types {} }", "2:1: invalid: name `types` is defined twice" },
        { "package a:b;\nuse c:d/x as y;\nuse c:d/z as y;\npackage c:d { interface x {} interface z {} }", "3:1: invalid: name `y` is defined twice" },
        { "package a:b;\nuse a as b;\nuse b as a;\nworld w { import a; }", "4:18: invalid: interface or world `b` not found in package `a:b`" },
        // feature gates
        { "package a:b@1.0.0;\ninterface i {\n    @since(version = 1.0.1)\n    type t1 = u32;\n\n    type t2 = t1;\n}", "6:15: invalid: type `t1` is `@since(version = 1.0.1)`, so what refers to it must be gated at least as strictly" },
        { "package a:b@1.0.0;\n@since(version = 1.0.2)\ninterface i {\n    @since(version = 1.0.1)\n    bar: func();\n}", "5:5: invalid: `bar` must be gated at least as strictly as `i`, which is `@since(version = 1.0.2)`" },
        { "package a:b@1.0.0;\ninterface i {\n  @unstable(feature = x)\n  resource r;\n  @since(version = 1.0.0)\n  f: func(a: borrow<r>);\n}", "6:14: invalid: type `r` is `@unstable(feature = x)`, so what refers to it must be gated at least as strictly" },
        { "package a:b;\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n}", "4:3: invalid: package `a:b` uses `@since` or `@deprecated`, so it must have a version" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsTheErrorWhereItIs(string text, string expected)
    {
        var e = Assert.Throws<WasmException>(() => WitResolver.ResolveText(text, "test.wit"));
        Assert.Equal("test.wit:" + expected, e.Diagnostic.ToString());
    }

    [Fact]
    public void FilesOfOnePackageMustAgreeOnItsName()
    {
        var a = WitParser.ParseFile("package a:b;\ninterface i {}", "a.wit");
        var b = WitParser.ParseFile("\npackage a:c;\ninterface j {}", "b.wit");
        var e = Assert.Throws<WasmException>(() => WitResolver.Resolve([a, b], []));
        Assert.Equal("b.wit:2:1: invalid: package `a:c` does not match package `a:b` declared in a.wit:1:1", e.Diagnostic.ToString());
    }

    [Fact]
    public void TypeNestingDepthIsBounded()
    {
        var deep = string.Concat(Enumerable.Repeat("list<", 5000)) + "u8" + new string('>', 5000);
        var e = Assert.Throws<WasmException>(() => WitParser.ParseFile($"package a:b;\ninterface i {{ type t = {deep}; }}", "deep.wit"));
        Assert.Equal("type nesting is too deep", e.Diagnostic.Message);
    }

    [Fact]
    public void AliasChainDepthIsBounded()
    {
        var text = "package a:b;\ninterface i {\n" + string.Concat(Enumerable.Range(0, 5000).Select(k => $"type t{k} = t{k + 1};\n")) + "type t5000 = u8;\n}";
        var e = Assert.Throws<WasmException>(() => WitResolver.ResolveText(text, "chain.wit"));
        Assert.Equal("definitions refer to each other too deeply", e.Diagnostic.Message);
    }
}
