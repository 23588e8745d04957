using Gust.Wasm.Text;
using Xunit;

namespace Gust.Wasm.Tests;

public class TextNumbersTests
{
    [Theory]
    [InlineData("0", 32, 0UL)]
    [InlineData("4294967295", 32, 0xFFFF_FFFFUL)]
    [InlineData("-2147483648", 32, 0x8000_0000UL)]
    [InlineData("-1", 32, 0xFFFF_FFFFUL)]
    [InlineData("0xffff_ffff", 32, 0xFFFF_FFFFUL)]
    [InlineData("+0x7fffffff", 32, 0x7FFF_FFFFUL)]
    [InlineData("1_000", 32, 1000UL)]
    [InlineData("18446744073709551615", 64, ulong.MaxValue)]
    [InlineData("-9223372036854775808", 64, 0x8000_0000_0000_0000UL)]
    [InlineData("-0x8000_0000_0000_0000", 64, 0x8000_0000_0000_0000UL)]
    public void IntegersInRange(string text, int bits, ulong expected)
    {
        Assert.Equal(NumberStatus.Ok, TextNumbers.ParseInt(text, bits, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("4294967296", 32, NumberStatus.OutOfRange)]
    [InlineData("-2147483649", 32, NumberStatus.OutOfRange)]
    [InlineData("18446744073709551616", 64, NumberStatus.OutOfRange)]
    [InlineData("-9223372036854775809", 64, NumberStatus.OutOfRange)]
    [InlineData("0x", 32, NumberStatus.Syntax)]
    [InlineData("1_", 32, NumberStatus.Syntax)]
    [InlineData("_1", 32, NumberStatus.Syntax)]
    [InlineData("1__0", 32, NumberStatus.Syntax)]
    [InlineData("0x_1", 32, NumberStatus.Syntax)]
    [InlineData("1x", 32, NumberStatus.Syntax)]
    [InlineData("", 32, NumberStatus.Syntax)]
    [InlineData("-", 32, NumberStatus.Syntax)]
    public void IntegersRejected(string text, int bits, NumberStatus expected) =>
        Assert.Equal(expected, TextNumbers.ParseInt(text, bits, out _));

    [Theory]
    [InlineData("0", 0x0000_0000u)]
    [InlineData("-0", 0x8000_0000u)]
    [InlineData("1", 0x3F80_0000u)]
    [InlineData("0x1p-149", 0x0000_0001u)]
    [InlineData("0x1p-150", 0x0000_0000u)] // exactly half the least subnormal: ties to even (0)
    [InlineData("0x1.000001p-149", 0x0000_0001u)] // just above half rounds up
    [InlineData("0x1.fffffcp-127", 0x007F_FFFFu)] // the largest subnormal, exactly
    [InlineData("0x1.fffffep-127", 0x0080_0000u)] // halfway past it: ties to even, into the normals
    [InlineData("0x1.fffffep127", 0x7F7F_FFFFu)]
    [InlineData("0x1.fffffefffffffffffp127", 0x7F7F_FFFFu)] // just below the midpoint to infinity
    [InlineData("0x1.00000100000000000p-50", 0x2680_0000u)] // exact tie: to even (down)
    [InlineData("0x1.00000100000000001p-50", 0x2680_0001u)] // a bit past the tie: up
    [InlineData("0x1.00000300000000000p-50", 0x2680_0002u)] // tie at odd: up to even
    [InlineData("1e-45", 0x0000_0001u)]
    [InlineData("3.4028234e38", 0x7F7F_FFFFu)]
    [InlineData("340282356779733661637539395458142568447", 0x7F7F_FFFFu)] // one below the midpoint to 2^128
    [InlineData("1.00000005960464477539062500000000001", 0x3F80_0001u)] // just past the tie between 1 and its successor
    [InlineData("1.000000059604644775390625", 0x3F80_0000u)] // the exact tie: to even
    [InlineData("inf", 0x7F80_0000u)]
    [InlineData("-inf", 0xFF80_0000u)]
    [InlineData("nan", 0x7FC0_0000u)]
    [InlineData("-nan", 0xFFC0_0000u)]
    [InlineData("nan:0x200000", 0x7FA0_0000u)]
    [InlineData("-nan:0x7f_ffff", 0xFFFF_FFFFu)]
    [InlineData("1.e1", 0x4120_0000u)]
    [InlineData("0x1.P1", 0x4000_0000u)]
    [InlineData("1_0.0_1e0_1", 0x42C8_3333u)]
    public void Float32(string text, uint expected)
    {
        Assert.Equal(NumberStatus.Ok, TextNumbers.ParseF32(text, out var bits));
        Assert.Equal(expected.ToString("x8"), bits.ToString("x8"));
    }

    [Theory]
    [InlineData("0x1p128")]
    [InlineData("0x1.ffffffp127")] // the midpoint to infinity rounds to it
    [InlineData("1e39")]
    [InlineData("340282356779733661637539395458142568448")] // the midpoint to 2^128 ties to even: infinity
    [InlineData("nan:0x800000")]
    [InlineData("nan:0x0")]
    public void Float32OutOfRange(string text) => Assert.Equal(NumberStatus.OutOfRange, TextNumbers.ParseF32(text, out _));

    [Theory]
    [InlineData(".0")]
    [InlineData("0e")]
    [InlineData("0x0p")]
    [InlineData("0x.0p1")]
    [InlineData("nan:canonical")]
    [InlineData("infinity")]
    [InlineData("1.0e+")]
    public void FloatSyntax(string text) => Assert.Equal(NumberStatus.Syntax, TextNumbers.ParseF64(text, out _));

    [Theory]
    [InlineData("0x1p-1074", 0x0000_0000_0000_0001UL)]
    [InlineData("0x1p-1075", 0x0000_0000_0000_0000UL)]
    [InlineData("0x1.0000000000000fffffffffffp0", 0x3FF0_0000_0000_0001UL)]
    [InlineData("0x1.00000000000008p0", 0x3FF0_0000_0000_0000UL)] // tie to even
    [InlineData("0x1.00000000000018p0", 0x3FF0_0000_0000_0002UL)] // tie to even (up)
    [InlineData("0x1.fffffffffffffp1023", 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData("1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData("4.9e-324", 0x0000_0000_0000_0001UL)]
    [InlineData("nan:0x8_0000_0000_0000", 0x7FF8_0000_0000_0000UL)]
    [InlineData("-nan:0xf_ffff_ffff_ffff", 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData("0.1", 0x3FB9_9999_9999_999AUL)]
    public void Float64(string text, ulong expected)
    {
        Assert.Equal(NumberStatus.Ok, TextNumbers.ParseF64(text, out var bits));
        Assert.Equal(expected.ToString("x16"), bits.ToString("x16"));
    }

    [Theory]
    [InlineData("0x1p1024")]
    [InlineData("1e309")]
    [InlineData("nan:0x10_0000_0000_0000")]
    public void Float64OutOfRange(string text) => Assert.Equal(NumberStatus.OutOfRange, TextNumbers.ParseF64(text, out _));
}
