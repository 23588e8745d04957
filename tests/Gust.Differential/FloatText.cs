namespace Gust.Differential;

/// <summary>Float constants as exact text-format literals (hex floats, nan:0x payloads), so every bit pattern survives the parser.</summary>
public static class FloatText
{
    public static string F32(uint bits) => Format(bits >> 31 != 0, (int)((bits >> 23) & 0xFF), bits & 0x7FFFFF, 0xFF, 127, 23);

    public static string F64(ulong bits) => Format(bits >> 63 != 0, (int)((bits >> 52) & 0x7FF), bits & 0xFFFFFFFFFFFFFUL, 0x7FF, 1023, 52);

    private static string Format(bool negative, int exponent, ulong mantissa, int maxExponent, int bias, int mantissaBits)
    {
        var sign = negative ? "-" : "";
        if (exponent == maxExponent) return mantissa == 0 ? $"{sign}inf" : $"{sign}nan:0x{mantissa:x}";
        // Left-align the fraction on a hex digit boundary: 23 bits -> 24 (6 digits), 52 bits -> 52 (13 digits).
        var digits = (mantissaBits + 3) / 4;
        var fraction = (mantissa << (digits * 4 - mantissaBits)).ToString($"x{digits}");
        return exponent == 0 ? $"{sign}0x0.{fraction}p-{bias - 1}" : $"{sign}0x1.{fraction}p{exponent - bias}";
    }
}
