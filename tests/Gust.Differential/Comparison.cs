using Gust.Wasm;

namespace Gust.Differential;

/// <summary>
/// Whether a target's outcome is one the spec allows given the host's: the same trap kind, or the
/// same bits — except a float result whose NaN bits the spec leaves open, where any arithmetic NaN
/// (quiet bit set) matches a NaN.
/// </summary>
public static class Comparison
{
    public static bool Agrees(DiffProgram program, Outcome host, Outcome target)
    {
        if (host.Trap is { } kinds) return target.Trap is [var kind] && kinds.Contains(kind);
        if (host.Value is not { } expected || target.Value is not { } actual) return false;
        if (expected.Type != actual.Type) return false;
        if (expected.Bits == actual.Bits) return true;
        return !program.ExactResult && IsNan(expected) && IsArithmeticNan(actual);
    }

    private static bool IsNan(Gust.Wasm.Wast.WastValue v) => v.Type switch
    {
        ValType.F32 => float.IsNaN(BitConverter.UInt32BitsToSingle((uint)v.Bits)),
        ValType.F64 => double.IsNaN(BitConverter.UInt64BitsToDouble(v.Bits)),
        _ => false,
    };

    private static bool IsArithmeticNan(Gust.Wasm.Wast.WastValue v) => IsNan(v) && v.Type switch
    {
        ValType.F32 => (v.Bits & 0x00400000) != 0,
        _ => (v.Bits & 0x0008000000000000) != 0,
    };
}
