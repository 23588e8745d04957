using System.Globalization;
using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// Literals of the text format (spec 6.3): floats written so they read back to the same bits, and
/// strings with every byte that is not printable ASCII escaped.
/// </summary>
public static class WatLiteralPrinter
{
    public static string F32(uint bits) => Float(bits >> 31 != 0, (bits >> 23) & 0xFF, bits & 0x7F_FFFF, 8, 23);

    public static string F64(ulong bits) => Float(bits >> 63 != 0, (bits >> 52) & 0x7FF, bits & 0xF_FFFF_FFFF_FFFF, 11, 52);

    /// <summary>
    /// Hexadecimal floats (spec 6.3.2) are exact, so no rounding question arises; NaNs keep their
    /// payload, written plain <c>nan</c> only for the canonical one (just the quiet bit).
    /// </summary>
    private static string Float(bool negative, ulong exponent, ulong fraction, int exponentBits, int fractionBits)
    {
        var sign = negative ? "-" : "";
        if (exponent == (1UL << exponentBits) - 1)
        {
            if (fraction == 0) return sign + "inf";
            if (fraction == 1UL << (fractionBits - 1)) return sign + "nan";
            return $"{sign}nan:0x{fraction:x}";
        }
        if (exponent == 0 && fraction == 0) return sign + "0x0p+0";

        var digits = (fractionBits + 3) / 4;
        var hex = (fraction << (digits * 4 - fractionBits)).ToString("x" + digits, CultureInfo.InvariantCulture).TrimEnd('0');
        var bias = (1 << (exponentBits - 1)) - 1;
        // Subnormals have no implicit leading one and the exponent of the smallest normal.
        var lead = exponent == 0 ? '0' : '1';
        var e = exponent == 0 ? 1 - bias : (int)exponent - bias;
        var dot = hex.Length > 0 ? "." + hex : "";
        return $"{sign}0x{lead}{dot}p{(e >= 0 ? "+" : "")}{e}";
    }

    /// <summary>A string literal of raw bytes (data segments).</summary>
    public static void AppendString(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        sb.Append('"');
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F && b != '"' && b != '\\') sb.Append((char)b);
            else sb.Append('\\').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        sb.Append('"');
    }

    /// <summary>A name (imports, exports, comments), as its UTF-8 bytes (spec 6.3.4).</summary>
    public static void AppendName(StringBuilder sb, string name) => AppendString(sb, Encoding.UTF8.GetBytes(name));
}
