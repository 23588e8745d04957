using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>
/// Float instructions against .NET's IEEE arithmetic. A NaN result must be an arithmetic NaN (quiet bit
/// set, spec 4.3.3); neg, abs and copysign must keep every other bit, NaN payloads included.
/// </summary>
public class FloatTests
{
    private static readonly uint[] F32Edges =
    [
        0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000, 0x3FC00000, 0x40200000, 0xC0200000,
        0x7149F2CA, 0xF149F2CA, 0x7F7FFFFF, 0x00000001, 0x80000001, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7FA00001,
        0x4B000001, 0xCAFFFFFF,
    ];

    private static readonly ulong[] F64Edges =
    [
        0x0000000000000000, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x3FE0000000000000, 0xBFE0000000000000,
        0x3FF8000000000000, 0x4004000000000000, 0xC004000000000000, 0x7FEFFFFFFFFFFFFF, 0x0000000000000001, 0x8000000000000001,
        0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000, 0x7FF4000000000001,
        0x4330000000000001, 0x432FFFFFFFFFFFFF,
    ];

    private static readonly (string Op, Func<float, float, float> F)[] F32Binary =
    [
        ("f32.add", (a, b) => a + b), ("f32.sub", (a, b) => a - b), ("f32.mul", (a, b) => a * b), ("f32.div", (a, b) => a / b),
        ("f32.min", MathF.Min), ("f32.max", MathF.Max),
    ];

    private static readonly (string Op, Func<double, double, double> F)[] F64Binary =
    [
        ("f64.add", (a, b) => a + b), ("f64.sub", (a, b) => a - b), ("f64.mul", (a, b) => a * b), ("f64.div", (a, b) => a / b),
        ("f64.min", Math.Min), ("f64.max", Math.Max),
    ];

    private static readonly (string Op, Func<float, float> F)[] F32Unary =
    [
        ("f32.sqrt", MathF.Sqrt), ("f32.ceil", MathF.Ceiling), ("f32.floor", MathF.Floor), ("f32.trunc", MathF.Truncate),
        ("f32.nearest", a => MathF.Round(a, MidpointRounding.ToEven)),
    ];

    private static readonly (string Op, Func<double, double> F)[] F64Unary =
    [
        ("f64.sqrt", Math.Sqrt), ("f64.ceil", Math.Ceiling), ("f64.floor", Math.Floor), ("f64.trunc", Math.Truncate),
        ("f64.nearest", a => Math.Round(a, MidpointRounding.ToEven)),
    ];

    private static readonly (string Op, Func<float, float, bool> F)[] F32Compare =
    [
        ("f32.eq", (a, b) => a == b), ("f32.ne", (a, b) => a != b), ("f32.lt", (a, b) => a < b),
        ("f32.gt", (a, b) => a > b), ("f32.le", (a, b) => a <= b), ("f32.ge", (a, b) => a >= b),
    ];

    private static readonly (string Op, Func<double, double, bool> F)[] F64Compare =
    [
        ("f64.eq", (a, b) => a == b), ("f64.ne", (a, b) => a != b), ("f64.lt", (a, b) => a < b),
        ("f64.gt", (a, b) => a > b), ("f64.le", (a, b) => a <= b), ("f64.ge", (a, b) => a >= b),
    ];

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void ThirtyTwoBit(string board)
    {
        var cases = new OpCases();
        foreach (var a in F32Edges)
        {
            var x = BitConverter.UInt32BitsToSingle(a);
            foreach (var (op, f) in F32Unary) AddF32(cases, op, [F32Bits(a)], f(x));
            cases.Add("f32.neg", [F32Bits(a)], $"f32:0x{a ^ 0x80000000:x8}");
            cases.Add("f32.abs", [F32Bits(a)], $"f32:0x{a & 0x7FFFFFFF:x8}");
            foreach (var b in F32Edges)
            {
                var y = BitConverter.UInt32BitsToSingle(b);
                foreach (var (op, f) in F32Binary) AddF32(cases, op, [F32Bits(a), F32Bits(b)], f(x, y));
                foreach (var (op, f) in F32Compare) cases.Add(op, [F32Bits(a), F32Bits(b)], I32Text(f(x, y) ? 1 : 0));
                cases.Add("f32.copysign", [F32Bits(a), F32Bits(b)], $"f32:0x{(a & 0x7FFFFFFF) | (b & 0x80000000):x8}");
            }
        }
        cases.RunOn(board);
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void SixtyFourBit(string board)
    {
        var cases = new OpCases();
        foreach (var a in F64Edges)
        {
            var x = BitConverter.UInt64BitsToDouble(a);
            foreach (var (op, f) in F64Unary) AddF64(cases, op, [F64Bits(a)], f(x));
            cases.Add("f64.neg", [F64Bits(a)], $"f64:0x{a ^ 0x8000000000000000:x16}");
            cases.Add("f64.abs", [F64Bits(a)], $"f64:0x{a & 0x7FFFFFFFFFFFFFFF:x16}");
            foreach (var b in F64Edges)
            {
                var y = BitConverter.UInt64BitsToDouble(b);
                foreach (var (op, f) in F64Binary) AddF64(cases, op, [F64Bits(a), F64Bits(b)], f(x, y));
                foreach (var (op, f) in F64Compare) cases.Add(op, [F64Bits(a), F64Bits(b)], I32Text(f(x, y) ? 1 : 0));
                cases.Add("f64.copysign", [F64Bits(a), F64Bits(b)], $"f64:0x{(a & 0x7FFFFFFFFFFFFFFF) | (b & 0x8000000000000000):x16}");
            }
        }
        cases.RunOn(board);
    }

    /// <summary>Exact bits, or for a NaN any arithmetic NaN (quiet bit set).</summary>
    public static void AddF32(OpCases cases, string op, Gust.Wasm.Wast.WastValue[] args, float expected)
    {
        if (float.IsNaN(expected)) cases.Add(op, args, r => IsArithmeticNaN(r, 32), "arithmetic NaN");
        else cases.Add(op, args, F32Text(expected));
    }

    public static void AddF64(OpCases cases, string op, Gust.Wasm.Wast.WastValue[] args, double expected)
    {
        if (double.IsNaN(expected)) cases.Add(op, args, r => IsArithmeticNaN(r, 64), "arithmetic NaN");
        else cases.Add(op, args, F64Text(expected));
    }

    private static bool IsArithmeticNaN(string result, int width)
    {
        var prefix = width == 32 ? "f32:0x" : "f64:0x";
        if (!result.StartsWith(prefix)) return false;
        var bits = Convert.ToUInt64(result[prefix.Length..], 16);
        var quiet = width == 32 ? 0x7FC00000UL : 0x7FF8000000000000UL;
        return (bits & quiet) == quiet;
    }
}
