using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

public class WastParserTests
{
    private static IReadOnlyList<WastCommand> Parse(string text) => WastParser.Parse(text, "t.wast").Commands;

    [Fact]
    public void ModuleFormsAreKeptLazily()
    {
        var cmds = Parse("""
            (module $A (func (export "f") (result i32) (i32.const 7)))
            (module $B binary "\00asm" "\01\00\00\00")
            (module quote "(func (i32.bogus))")
            (module definition $D (memory 1))
            (module instance $I $D)
            (register "a" $A)
            """);
        var a = Assert.IsType<ModuleCommand>(cmds[0]);
        Assert.Equal("A", a.Id);
        Assert.Single(a.Source.Compile().Funcs);
        var b = Assert.IsType<BinaryModuleSource>(((ModuleCommand)cmds[1]).Source);
        Assert.Equal(8, b.Bytes.Length);
        var q = Assert.IsType<QuoteModuleSource>(((ModuleCommand)cmds[2]).Source);
        Assert.StartsWith("unknown operator i32.bogus", Assert.Throws<WasmException>(() => q.Compile()).Diagnostic.Message);
        var d = Assert.IsType<ModuleCommand>(cmds[3]);
        Assert.True(d.IsDefinition);
        Assert.Equal("D", d.Id);
        Assert.Equal(new ModuleInstanceCommand(cmds[4].Location, "I", "D"), cmds[4]);
        Assert.Equal(new RegisterCommand(cmds[5].Location, "a", "A"), cmds[5]);
    }

    [Fact]
    public void ABadModuleFailsOnlyWhenCompiled()
    {
        var cmds = Parse("(module (func (i32.const 0x1_0000_0000))) (assert_return (invoke \"x\"))");
        Assert.Equal(2, cmds.Count);
        var d = Assert.Throws<WasmException>(() => ((ModuleCommand)cmds[0]).Source.Compile()).Diagnostic;
        Assert.Equal("constant out of range", d.Message);
        Assert.Equal((1, 26), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void AssertionsAndValues()
    {
        var cmds = Parse("""
            (assert_return (invoke $M "f" (i32.const -1) (i64.const 0x10) (f32.const 1.5) (f64.const -nan) (ref.null func) (ref.extern 3))
              (f32.const nan:canonical) (f64.const nan:arithmetic) (ref.func) (ref.extern) (ref.null) (either (i32.const 1) (i32.const 2)))
            (assert_trap (invoke "t") "unreachable")
            (assert_trap (module (start 0) (func unreachable)) "unreachable")
            (assert_exhaustion (invoke "r") "call stack exhausted")
            (assert_malformed (module quote "") "m")
            (assert_invalid (module) "i")
            (assert_unlinkable (module) "u")
            (get "g")
            """);
        var r = Assert.IsType<AssertReturn>(cmds[0]);
        var inv = Assert.IsType<InvokeAction>(r.Action);
        Assert.Equal(("M", "f"), (inv.ModuleId, inv.Name));
        Assert.Equal(new[]
        {
            WastValue.I32(-1), WastValue.I64(16), WastValue.F32(0x3FC0_0000), WastValue.F64(0xFFF8_0000_0000_0000),
            WastValue.NullRef(ValType.FuncRef), WastValue.Extern(3),
        }, inv.Args);
        Assert.Equal(new NanResult(ValType.F32, NanPattern.Canonical), r.Expected[0]);
        Assert.Equal(new NanResult(ValType.F64, NanPattern.Arithmetic), r.Expected[1]);
        Assert.Equal(new AnyRefResult(ValType.FuncRef), r.Expected[2]);
        Assert.Equal(new AnyRefResult(ValType.ExternRef), r.Expected[3]);
        Assert.Equal(2, Assert.IsType<EitherResult>(r.Expected[4]).Choices.Count);
        Assert.Equal(new ExactResult(WastValue.I32(2)), Assert.IsType<EitherResult>(r.Expected[5]).Choices[1]);
        Assert.Equal("unreachable", Assert.IsType<AssertTrap>(cmds[1]).Message);
        Assert.IsType<AssertUninstantiable>(cmds[2]);
        Assert.IsType<AssertExhaustion>(cmds[3]);
        Assert.IsType<QuoteModuleSource>(Assert.IsType<AssertMalformed>(cmds[4]).Module);
        Assert.Equal("i", Assert.IsType<AssertInvalid>(cmds[5]).Message);
        Assert.IsType<AssertUnlinkable>(cmds[6]);
        Assert.IsType<GetAction>(Assert.IsType<ActionCommand>(cmds[7]).Action);
    }

    [Theory]
    [InlineData("(assert_return (invoke \"f\") (v128.const i32x4 0 0 0 0))", Features.Simd)]
    [InlineData("(assert_return (invoke \"f\" (v128.const i64x2 0 0)))", Features.Simd)]
    [InlineData("(assert_return (invoke \"f\") (ref.i31))", Features.Gc)]
    [InlineData("(assert_return (invoke \"f\") (ref.null any))", Features.Gc)]
    [InlineData("(assert_exception (invoke \"f\"))", null)]
    [InlineData("(thread $T (module))", Features.Threads)]
    public void OutOfScopeCommandsAreSkippedWithAFeature(string text, string? feature)
    {
        var cmd = Assert.Single(Parse(text));
        if (feature is null) Assert.IsType<AssertException>(cmd);
        else Assert.Equal(feature, Assert.IsType<UnsupportedCommand>(cmd).Feature);
    }

    [Fact]
    public void ScriptErrorsAreUnknownCommandsAndUnbalancedParentheses()
    {
        var d = Assert.Throws<WasmException>(() => Parse("(module)\n  (frobnicate)")).Diagnostic;
        Assert.Equal("unknown command frobnicate", d.Message);
        Assert.Equal((2, 4), (d.Location.Line, d.Location.Column));
        Assert.Throws<WasmException>(() => Parse("(module (func)"));
    }

    [Fact]
    public void BareModuleFieldsAreOneModule()
    {
        var cmd = Assert.IsType<ModuleCommand>(Assert.Single(Parse("(func) (memory 0) (func (export \"f\"))")));
        Assert.Equal(2, cmd.Source.Compile().Funcs.Count);
    }
}
