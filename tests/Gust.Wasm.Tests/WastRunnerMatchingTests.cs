using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>How the runner compares results (<see cref="WastResultMatcher"/>) and trap messages (<see cref="TrapKinds"/>).</summary>
public class WastRunnerMatchingTests
{
    private static bool Matches(WastResult expected, WastValue got) => WastResultMatcher.Matches(expected, got);

    [Fact]
    public void Floats_compare_by_bits()
    {
        Assert.True(Matches(new ExactResult(WastValue.F32(0x8000_0000)), WastValue.F32(0x8000_0000)));
        Assert.False(Matches(new ExactResult(WastValue.F32(0x8000_0000)), WastValue.F32(0)));            // -0 is not +0
        Assert.False(Matches(new ExactResult(WastValue.F32(0x7FC0_0000)), WastValue.F32(0x7FC0_0001)));  // payloads count
        Assert.False(Matches(new ExactResult(WastValue.F64(0x7FF8_0000_0000_0000)), WastValue.F64(0xFFF8_0000_0000_0000)));
        Assert.False(Matches(new ExactResult(WastValue.F32(1)), WastValue.I32(1)));                       // types count
    }

    [Theory]
    [InlineData(0x7FC0_0000u, true, true)]
    [InlineData(0xFFC0_0000u, true, true)]   // either sign
    [InlineData(0x7FC0_0001u, false, true)]  // quiet with more payload: arithmetic, not canonical
    [InlineData(0x7FA0_0000u, false, false)] // signalling
    [InlineData(0x7F80_0000u, false, false)] // infinity
    [InlineData(0x3F80_0000u, false, false)]
    public void F32_nan_patterns(uint bits, bool canonical, bool arithmetic)
    {
        Assert.Equal(canonical, Matches(new NanResult(ValType.F32, NanPattern.Canonical), WastValue.F32(bits)));
        Assert.Equal(arithmetic, Matches(new NanResult(ValType.F32, NanPattern.Arithmetic), WastValue.F32(bits)));
    }

    [Theory]
    [InlineData(0x7FF8_0000_0000_0000UL, true, true)]
    [InlineData(0xFFF8_0000_0000_0000UL, true, true)]
    [InlineData(0x7FF8_0000_0000_0001UL, false, true)]
    [InlineData(0x7FF4_0000_0000_0000UL, false, false)]
    [InlineData(0x7FF0_0000_0000_0000UL, false, false)]
    public void F64_nan_patterns(ulong bits, bool canonical, bool arithmetic)
    {
        Assert.Equal(canonical, Matches(new NanResult(ValType.F64, NanPattern.Canonical), WastValue.F64(bits)));
        Assert.Equal(arithmetic, Matches(new NanResult(ValType.F64, NanPattern.Arithmetic), WastValue.F64(bits)));
        Assert.False(Matches(new NanResult(ValType.F32, NanPattern.Arithmetic), WastValue.F64(bits)));
    }

    [Fact]
    public void References_compare_by_nullness_host_number_and_kind()
    {
        var nonNullFunc = new WastValue(ValType.FuncRef, 0);
        Assert.True(Matches(new ExactResult(WastValue.NullRef(ValType.FuncRef)), WastValue.NullRef(ValType.FuncRef)));
        Assert.False(Matches(new ExactResult(WastValue.NullRef(ValType.FuncRef)), nonNullFunc));
        Assert.False(Matches(new ExactResult(WastValue.NullRef(ValType.FuncRef)), WastValue.NullRef(ValType.ExternRef)));
        Assert.True(Matches(new AnyRefResult(ValType.FuncRef), nonNullFunc));
        Assert.False(Matches(new AnyRefResult(ValType.FuncRef), WastValue.NullRef(ValType.FuncRef)));
        Assert.True(Matches(new ExactResult(WastValue.Extern(7)), WastValue.Extern(7)));
        Assert.False(Matches(new ExactResult(WastValue.Extern(7)), WastValue.Extern(8)));
        Assert.False(Matches(new ExactResult(WastValue.Extern(0)), WastValue.NullRef(ValType.ExternRef)));
        Assert.True(Matches(new AnyRefResult(ValType.ExternRef), WastValue.Extern(0)));
    }

    [Fact]
    public void Either_matches_any_choice()
    {
        var either = new EitherResult([new ExactResult(WastValue.I32(1)), new NanResult(ValType.F32, NanPattern.Canonical)]);
        Assert.True(Matches(either, WastValue.I32(1)));
        Assert.True(Matches(either, WastValue.F32(0x7FC0_0000)));
        Assert.False(Matches(either, WastValue.I32(2)));
    }

    [Fact]
    public void Trap_messages_name_kinds_by_prefix()
    {
        Assert.Equal(TrapKind.UninitializedElement, TrapKinds.Parse("uninitialized element 2"));
        Assert.Equal(TrapKind.CallStackExhausted, TrapKinds.Parse("call stack exhausted"));
        Assert.Null(TrapKinds.Parse("null array reference"));
        var ambiguous = new WastTrapException([TrapKind.OutOfBoundsTableAccess, TrapKind.UndefinedElement], "one engine code for both");
        Assert.True(ambiguous.Matches("undefined element"));
        Assert.True(ambiguous.Matches("out of bounds table access"));
        Assert.False(ambiguous.Matches("uninitialized element"));
        Assert.False(new WastTrapException([TrapKind.Unreachable], "x").Matches("integer overflow"));
    }

    [Fact]
    public void Values_print_in_script_notation()
    {
        Assert.Equal("(i32.const -1)", WastResultMatcher.Format(WastValue.I32(-1)));
        Assert.Equal("(f32.const nan:0x200000)", WastResultMatcher.Format(WastValue.F32(0x7FA0_0000)));
        Assert.Equal("(f64.const -nan:0x8000000000000)", WastResultMatcher.Format(WastValue.F64(0xFFF8_0000_0000_0000)));
        Assert.Equal("(f32.const 1.5 [0x3fc00000])", WastResultMatcher.Format(WastValue.F32(0x3FC0_0000)));
        Assert.Equal("(ref.null extern)", WastResultMatcher.Format(WastValue.NullRef(ValType.ExternRef)));
    }
}
