using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Component.Text;
using Gust.Component.Validation;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Validation errors: the spec tests' messages, placed at the definition (line:column for text, byte offset for binaries).</summary>
public class ComponentValidationTests
{
    private static Diagnostic Invalid(string text)
    {
        var c = ComponentTextParser.Parse(text, "c.wat");
        var e = Assert.Throws<WasmException>(() => ComponentValidator.Validate(c, "c.wat"));
        Assert.Equal(DiagnosticKind.Invalid, e.Diagnostic.Kind);
        return e.Diagnostic;
    }

    [Fact]
    public void TextErrorsPointAtTheDefinition()
    {
        var d = Invalid("(component\n  (import \"a\" (func))\n  (import \"A\" (func)))");
        Assert.Equal("import name `A` conflicts with previous name `a`", d.Message);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void BinaryErrorsPointAtTheByteOffset()
    {
        var c = ComponentTextParser.Parse("(component (import \"a\" (func)) (import \"A\" (func)))");
        var bytes = ComponentWriter.Write(c);
        var e = Assert.Throws<WasmException>(() => ComponentValidator.Validate(ComponentReader.Read(bytes, "c.wasm")));
        Assert.True(e.Diagnostic.Location.Offset > 8);
        Assert.Contains("conflicts with previous name", e.Diagnostic.Message);
    }

    [Theory]
    [InlineData("(component (import \"aBc\" (func)))", "`aBc` is not in kebab case")]
    [InlineData("(component (import \"a:b/c@1.\" (func)))", "unexpected end of input")]
    [InlineData("(component (type (record (field \"a\" u32) (field \"A\" u32))))", "record field name `A` conflicts with previous field name `a`")]
    [InlineData("(component (type $r (resource (rep i32))) (type (func (result (borrow $r)))))", "function result cannot contain a `borrow` type")]
    [InlineData("(component (import \"f\" (func $f (param \"p\" string))) (core func (canon lower (func $f))))", "canonical option `memory` is required")]
    [InlineData("(component (type $t u32) (import \"x\" (type (eq $t))) (component $c (type $u string) (import \"x\" (type (eq $u)))) (instance (instantiate $c (with \"x\" (type $t)))))", "expected primitive `string` found primitive `u32`")]
    [InlineData("(component (import \"T\" (type $T (sub resource))) (import \"U\" (type $U (sub resource))) (component $c (import \"a\" (type $a (sub resource))) (import \"b\" (type (eq $a)))) (instance (instantiate $c (with \"a\" (type $T)) (with \"b\" (type $U)))))", "resource types are not the same")]
    [InlineData("(component (type (list u8 268435456)))", "exceeds maximum byte size")]
    public void RulesReportTheSpecTestsMessages(string text, string message) =>
        Assert.Contains(message, Invalid(text).Message);

    [Fact]
    public void ExternNamesParseIntoTheirParts()
    {
        Assert.Equal(new ParsedExternName(ExternNameKind.Interface, "", "streams", "wasi", "io", "0.2.0"), ExternNameSyntax.Parse("wasi:io/streams@0.2.0", out _));
        Assert.Equal(new ParsedExternName(ExternNameKind.Method, "output-stream", "write"), ExternNameSyntax.Parse("[method]output-stream.write", out _));
        Assert.Equal(new ParsedExternName(ExternNameKind.Label, "", "get-HTTP"), ExternNameSyntax.Parse("get-HTTP", out _));
        Assert.Null(ExternNameSyntax.Parse("foo:bar/baz/qux", out var error));
        Assert.Contains("trailing characters found: `/qux`", error);
        Assert.Equal(ExternNameSyntax.UniqueKey("[method]foo.foo"), ExternNameSyntax.UniqueKey("FOO"));
    }
}
