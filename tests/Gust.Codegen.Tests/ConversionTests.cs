using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Conversions (spec 4.3.4): truncation at the exact edges of each range, saturation, rounding of int→float.</summary>
public class ConversionTests
{
    private static readonly double[] Samples =
    [
        0, -0.0, 0.9, -0.9, 1.5, -1.5, 2147483520.0, -2147483648.0, 2147483647.9, -2147483648.9, 4294967295.9,
        4294967040.0, 9223371487098961920.0, -9223372036854775808.0, 18446742974197923840.0, 1e30, -1e30,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void FloatToIntegerInRange(string board)
    {
        var cases = new OpCases();
        foreach (var d in Samples.Where(d => !double.IsNaN(d)))
        {
            var t = Math.Truncate(d);
            var f = (float)d;
            var tf = MathF.Truncate(f);
            if (tf >= -2147483648.0f && tf < 2147483648.0f) cases.Add("i32.trunc_f32_s", [F32(f)], I32Text((int)tf));
            if (t >= -2147483648.0 && t <= 2147483647.0) cases.Add("i32.trunc_f64_s", [F64(d)], I32Text((int)t));
            if (tf > -1.0f && tf < 4294967296.0f) cases.Add("i32.trunc_f32_u", [F32(f)], I32Text((int)(uint)tf));
            if (t > -1.0 && t <= 4294967295.0) cases.Add("i32.trunc_f64_u", [F64(d)], I32Text((int)(uint)t));
            if (tf >= -9223372036854775808.0f && tf < 9223372036854775808.0f) cases.Add("i64.trunc_f32_s", [F32(f)], I64Text((long)tf));
            if (t >= -9223372036854775808.0 && t < 9223372036854775808.0) cases.Add("i64.trunc_f64_s", [F64(d)], I64Text((long)t));
            if (tf > -1.0f && tf < 18446744073709551616.0f) cases.Add("i64.trunc_f32_u", [F32(f)], I64Text((long)(ulong)tf));
            if (t > -1.0 && t < 18446744073709551616.0) cases.Add("i64.trunc_f64_u", [F64(d)], I64Text((long)(ulong)t));
        }
        cases.RunOn(board);
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void SaturatingTruncation(string board)
    {
        var cases = new OpCases();
        foreach (var d in Samples)
        {
            var f = (float)d;
            cases.Add("i32.trunc_sat_f32_s", [F32(f)], I32Text(Saturate(f, int.MinValue, int.MaxValue, x => (int)x)));
            cases.Add("i32.trunc_sat_f64_s", [F64(d)], I32Text(Saturate(d, int.MinValue, int.MaxValue, x => (int)x)));
            cases.Add("i32.trunc_sat_f32_u", [F32(f)], I32Text((int)Saturate(f, 0u, uint.MaxValue, x => (uint)x)));
            cases.Add("i32.trunc_sat_f64_u", [F64(d)], I32Text((int)Saturate(d, 0u, uint.MaxValue, x => (uint)x)));
            cases.Add("i64.trunc_sat_f32_s", [F32(f)], I64Text(Saturate(f, long.MinValue, long.MaxValue, x => (long)x)));
            cases.Add("i64.trunc_sat_f64_s", [F64(d)], I64Text(Saturate(d, long.MinValue, long.MaxValue, x => (long)x)));
            cases.Add("i64.trunc_sat_f32_u", [F32(f)], I64Text((long)Saturate(f, 0ul, ulong.MaxValue, x => (ulong)x)));
            cases.Add("i64.trunc_sat_f64_u", [F64(d)], I64Text((long)Saturate(d, 0ul, ulong.MaxValue, x => (ulong)x)));
        }
        cases.RunOn(board);
    }

    private static T Saturate<T>(double x, T min, T max, Func<double, T> convert) where T : IComparable<T>
    {
        if (double.IsNaN(x)) return default!;
        var t = Math.Truncate(x);
        if (t <= Convert.ToDouble(min)) return min;
        if (t >= Convert.ToDouble(max)) return max;
        return convert(t);
    }

    private static readonly long[] Integers =
    [
        0, 1, -1, 16777217, -16777217, int.MaxValue, int.MinValue, 0xFFFFFFFF, long.MaxValue, long.MinValue,
        0x20000000000001, 0x7FFFFF4000000001, unchecked((long)0xFFFFFFFFFFFFFFFF), unchecked((long)0x8000008000000001),
    ];

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void IntegerToFloatAndBack(string board)
    {
        var cases = new OpCases();
        foreach (var v in Integers)
        {
            var i = (int)v;
            cases.Add("f32.convert_i32_s", [I32(i)], F32Text(i));
            cases.Add("f32.convert_i32_u", [I32(i)], F32Text((uint)i));
            cases.Add("f64.convert_i32_s", [I32(i)], F64Text(i));
            cases.Add("f64.convert_i32_u", [I32(i)], F64Text((uint)i));
            cases.Add("f32.convert_i64_s", [I64(v)], F32Text(v));
            cases.Add("f32.convert_i64_u", [I64(v)], F32Text((ulong)v));
            cases.Add("f64.convert_i64_s", [I64(v)], F64Text(v));
            cases.Add("f64.convert_i64_u", [I64(v)], F64Text((ulong)v));
            cases.Add("i32.wrap_i64", [I64(v)], I32Text(i));
            cases.Add("i64.extend_i32_s", [I32(i)], I64Text(i));
            cases.Add("i64.extend_i32_u", [I32(i)], I64Text((uint)i));
            cases.Add("f32.reinterpret_i32", [I32(i)], $"f32:0x{(uint)i:x8}");
            cases.Add("f64.reinterpret_i64", [I64(v)], $"f64:0x{(ulong)v:x16}");
            cases.Add("i32.reinterpret_f32", [F32Bits((uint)i)], I32Text(i));
            cases.Add("i64.reinterpret_f64", [F64Bits((ulong)v)], I64Text(v));
        }
        foreach (var d in Samples.Concat([1.0000000596046448, 3.4028235677973366e38, 1e-45, 1.401298464324817e-45]))
        {
            FloatTests.AddF32(cases, "f32.demote_f64", [F64(d)], (float)d);
            FloatTests.AddF64(cases, "f64.promote_f32", [F32((float)d)], (float)d);
        }
        cases.RunOn(board);
    }
}
