using System.Numerics;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Integer instructions against C# arithmetic, with the edges wasm defines (wrapping, shift counts, zero counts).</summary>
public class IntegerTests
{
    private static readonly int[] I32Edges = [0, 1, -1, 2, 7, -7, 31, 32, 33, 0x7FFFFFFF, int.MinValue, 0x12345678, unchecked((int)0x80000001)];
    private static readonly long[] I64Edges = [0, 1, -1, 3, -3, 63, 64, 65, long.MaxValue, long.MinValue, 0x123456789ABCDEF0, unchecked((long)0x8000000000000001), 0xFFFFFFFF, 0x100000000];

    private static readonly (string Op, Func<int, int, int> F)[] I32Binary =
    [
        ("i32.add", (a, b) => a + b), ("i32.sub", (a, b) => a - b), ("i32.mul", (a, b) => a * b),
        ("i32.and", (a, b) => a & b), ("i32.or", (a, b) => a | b), ("i32.xor", (a, b) => a ^ b),
        ("i32.shl", (a, b) => a << b), ("i32.shr_s", (a, b) => a >> b), ("i32.shr_u", (a, b) => (int)((uint)a >> b)),
        ("i32.rotl", (a, b) => (int)BitOperations.RotateLeft((uint)a, b)), ("i32.rotr", (a, b) => (int)BitOperations.RotateRight((uint)a, b)),
        ("i32.eq", (a, b) => a == b ? 1 : 0), ("i32.ne", (a, b) => a != b ? 1 : 0),
        ("i32.lt_s", (a, b) => a < b ? 1 : 0), ("i32.lt_u", (a, b) => (uint)a < (uint)b ? 1 : 0),
        ("i32.gt_s", (a, b) => a > b ? 1 : 0), ("i32.gt_u", (a, b) => (uint)a > (uint)b ? 1 : 0),
        ("i32.le_s", (a, b) => a <= b ? 1 : 0), ("i32.le_u", (a, b) => (uint)a <= (uint)b ? 1 : 0),
        ("i32.ge_s", (a, b) => a >= b ? 1 : 0), ("i32.ge_u", (a, b) => (uint)a >= (uint)b ? 1 : 0),
    ];

    private static readonly (string Op, Func<long, long, long> F)[] I64Binary =
    [
        ("i64.add", (a, b) => a + b), ("i64.sub", (a, b) => a - b), ("i64.mul", (a, b) => a * b),
        ("i64.and", (a, b) => a & b), ("i64.or", (a, b) => a | b), ("i64.xor", (a, b) => a ^ b),
        ("i64.shl", (a, b) => a << (int)b), ("i64.shr_s", (a, b) => a >> (int)b), ("i64.shr_u", (a, b) => (long)((ulong)a >> (int)b)),
        ("i64.rotl", (a, b) => (long)BitOperations.RotateLeft((ulong)a, (int)b)), ("i64.rotr", (a, b) => (long)BitOperations.RotateRight((ulong)a, (int)b)),
    ];

    private static readonly (string Op, Func<long, long, int> F)[] I64Compare =
    [
        ("i64.eq", (a, b) => a == b ? 1 : 0), ("i64.ne", (a, b) => a != b ? 1 : 0),
        ("i64.lt_s", (a, b) => a < b ? 1 : 0), ("i64.lt_u", (a, b) => (ulong)a < (ulong)b ? 1 : 0),
        ("i64.gt_s", (a, b) => a > b ? 1 : 0), ("i64.gt_u", (a, b) => (ulong)a > (ulong)b ? 1 : 0),
        ("i64.le_s", (a, b) => a <= b ? 1 : 0), ("i64.le_u", (a, b) => (ulong)a <= (ulong)b ? 1 : 0),
        ("i64.ge_s", (a, b) => a >= b ? 1 : 0), ("i64.ge_u", (a, b) => (ulong)a >= (ulong)b ? 1 : 0),
    ];

    private static readonly (string Op, Func<int, int> F)[] I32Unary =
    [
        ("i32.clz", a => BitOperations.LeadingZeroCount((uint)a)), ("i32.ctz", a => a == 0 ? 32 : BitOperations.TrailingZeroCount(a)),
        ("i32.popcnt", a => BitOperations.PopCount((uint)a)), ("i32.eqz", a => a == 0 ? 1 : 0),
        ("i32.extend8_s", a => (sbyte)a), ("i32.extend16_s", a => (short)a),
    ];

    private static readonly (string Op, Func<long, long> F)[] I64Unary =
    [
        ("i64.clz", a => BitOperations.LeadingZeroCount((ulong)a)), ("i64.ctz", a => a == 0 ? 64 : BitOperations.TrailingZeroCount(a)),
        ("i64.popcnt", a => BitOperations.PopCount((ulong)a)),
        ("i64.extend8_s", a => (sbyte)a), ("i64.extend16_s", a => (short)a), ("i64.extend32_s", a => (int)a),
    ];

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void ThirtyTwoBit(string board)
    {
        var cases = new OpCases();
        foreach (var (op, f) in I32Binary)
            foreach (var a in I32Edges)
                foreach (var b in I32Edges)
                    cases.Add(op, [I32(a), I32(b)], I32Text(f(a, b)));
        foreach (var (op, f) in I32Unary)
            foreach (var a in I32Edges)
                cases.Add(op, [I32(a)], I32Text(f(a)));
        cases.RunOn(board);
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void SixtyFourBit(string board)
    {
        var cases = new OpCases();
        foreach (var (op, f) in I64Binary)
            foreach (var a in I64Edges)
                foreach (var b in I64Edges)
                    cases.Add(op, [I64(a), I64(b)], I64Text(f(a, b)));
        foreach (var (op, f) in I64Compare)
            foreach (var a in I64Edges)
                foreach (var b in I64Edges)
                    cases.Add(op, [I64(a), I64(b)], I32Text(f(a, b)));
        foreach (var (op, f) in I64Unary)
            foreach (var a in I64Edges)
                cases.Add(op, [I64(a)], I64Text(f(a)));
        foreach (var a in I64Edges) cases.Add("i64.eqz", [I64(a)], I32Text(a == 0 ? 1 : 0));
        cases.RunOn(board);
    }

    /// <summary>Division and remainder where they do not trap (the traps are in <see cref="TrapTests"/>).</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void DivisionAndRemainder(string board)
    {
        var cases = new OpCases();
        foreach (var a in I32Edges)
            foreach (var b in I32Edges.Where(b => b != 0))
            {
                if (!(a == int.MinValue && b == -1)) cases.Add("i32.div_s", [I32(a), I32(b)], I32Text(a / b));
                cases.Add("i32.rem_s", [I32(a), I32(b)], I32Text(b == -1 ? 0 : a % b));
                cases.Add("i32.div_u", [I32(a), I32(b)], I32Text((int)((uint)a / (uint)b)));
                cases.Add("i32.rem_u", [I32(a), I32(b)], I32Text((int)((uint)a % (uint)b)));
            }
        foreach (var a in I64Edges)
            foreach (var b in I64Edges.Where(b => b != 0))
            {
                if (!(a == long.MinValue && b == -1)) cases.Add("i64.div_s", [I64(a), I64(b)], I64Text(a / b));
                cases.Add("i64.rem_s", [I64(a), I64(b)], I64Text(b == -1 ? 0 : a % b));
                cases.Add("i64.div_u", [I64(a), I64(b)], I64Text((long)((ulong)a / (ulong)b)));
                cases.Add("i64.rem_u", [I64(a), I64(b)], I64Text((long)((ulong)a % (ulong)b)));
            }
        cases.RunOn(board);
    }
}
