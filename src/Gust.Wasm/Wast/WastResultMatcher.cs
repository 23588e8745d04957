using System.Globalization;

namespace Gust.Wasm.Wast;

/// <summary>
/// Compares an action's values with assert_return's expected results (spec interpreter
/// semantics): numbers by their exact bits, so -0 ≠ +0 and a NaN's payload counts; NaN patterns
/// by the bits they fix (spec 4.3.3: canonical NaN has payload 2^(N-1); an arithmetic NaN has
/// at least that bit set); references by nullness, host number or kind.
/// </summary>
public static class WastResultMatcher
{
    public static bool Matches(WastResult expected, WastValue got) => expected switch
    {
        ExactResult e => Same(e.Value, got),
        NanResult n => got.Type == n.Type && IsNan(n, got.Bits),
        AnyRefResult r => got.Type == r.Type && !got.IsNull,
        EitherResult either => either.Choices.Any(c => Matches(c, got)),
        _ => false,
    };

    private static bool Same(WastValue expected, WastValue got)
    {
        if (expected.Type != got.Type || expected.IsNull != got.IsNull) return false;
        return expected.Type switch
        {
            ValType.I32 or ValType.F32 => (uint)expected.Bits == (uint)got.Bits,
            ValType.FuncRef => true, // a non-null funcref can only be expected as "any" (AnyRefResult)
            _ => expected.Bits == got.Bits,
        };
    }

    private static bool IsNan(NanResult n, ulong bits)
    {
        var (quietBit, nanMask) = n.Type == ValType.F32 ? (0x0040_0000UL, 0x7FFF_FFFFUL) : (0x0008_0000_0000_0000UL, 0x7FFF_FFFF_FFFF_FFFFUL);
        var exponent = n.Type == ValType.F32 ? 0x7F80_0000UL : 0x7FF0_0000_0000_0000UL;
        if (n.Type == ValType.F32) bits &= 0xFFFF_FFFF;
        return n.Pattern == NanPattern.Canonical
            ? (bits & nanMask) == (exponent | quietBit)
            : (bits & (exponent | quietBit)) == (exponent | quietBit);
    }

    /// <summary>A value in the script's own notation, with a float's bits when its decimal form would hide them.</summary>
    public static string Format(WastValue v) => v.Type switch
    {
        _ when v.IsNull => $"(ref.null {v.Type.HeapName()})",
        ValType.I32 => $"(i32.const {(int)(uint)v.Bits})",
        ValType.I64 => $"(i64.const {(long)v.Bits})",
        ValType.F32 => $"(f32.const {FormatFloat(BitConverter.UInt32BitsToSingle((uint)v.Bits).ToString("R", CultureInfo.InvariantCulture), (uint)v.Bits, 32)})",
        ValType.F64 => $"(f64.const {FormatFloat(BitConverter.UInt64BitsToDouble(v.Bits).ToString("R", CultureInfo.InvariantCulture), v.Bits, 64)})",
        ValType.ExternRef => $"(ref.extern {v.Bits})",
        _ => "(ref.func)",
    };

    public static string Format(WastResult r) => r switch
    {
        ExactResult e => Format(e.Value),
        NanResult n => $"({n.Type.Name()}.const nan:{(n.Pattern == NanPattern.Canonical ? "canonical" : "arithmetic")})",
        AnyRefResult a => $"(ref.{a.Type.HeapName()})",
        EitherResult e => $"(either {string.Join(" ", e.Choices.Select(Format))})",
        _ => r.ToString() ?? "",
    };

    public static string Format(IEnumerable<WastValue> values) => Join(values.Select(Format));
    public static string Format(IEnumerable<WastResult> results) => Join(results.Select(Format));

    private static string Join(IEnumerable<string> parts)
    {
        var s = string.Join(" ", parts);
        return s.Length == 0 ? "(nothing)" : s;
    }

    /// <summary>NaNs as the text format writes them (nan:0xPAYLOAD); other values in decimal followed by their bits.</summary>
    private static string FormatFloat(string text, ulong bits, int width)
    {
        var mantissaBits = width == 32 ? 23 : 52;
        var payload = bits & ((1UL << mantissaBits) - 1);
        var exponentAllOnes = ((bits >> mantissaBits) & (width == 32 ? 0xFFUL : 0x7FFUL)) == (width == 32 ? 0xFFUL : 0x7FFUL);
        if (exponentAllOnes && payload != 0)
            return $"{((bits >> (width - 1)) != 0 ? "-" : "")}nan:0x{payload:x}";
        return $"{text} [0x{bits:x}]";
    }
}
