using System.Globalization;
using System.Numerics;

namespace Gust.Wasm.Text;

/// <summary>Outcome of reading a numeric literal: well-formed and in range, not a number at all, or out of range.</summary>
public enum NumberStatus : byte { Ok, Syntax, OutOfRange }

/// <summary>
/// Numeric literals of the text format (spec 6.3.2): integers with '_' separators in decimal or hex,
/// and floats in decimal, hex, inf, nan and nan:0x… forms, rounded to nearest-even.
/// </summary>
public static class TextNumbers
{
    /// <summary>Reads an unsigned integer (no sign) of at most 64 bits.</summary>
    public static NumberStatus ParseNat(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0 || s[0] is '+' or '-') return NumberStatus.Syntax;
        return ParseDigits(s, 0, out value);
    }

    /// <summary>
    /// Reads an iN literal (spec 6.3.2): unsigned up to 2^N-1, or signed down to -2^(N-1).
    /// The result is the two's complement bits, zero-extended.
    /// </summary>
    public static NumberStatus ParseInt(string s, int bits, out ulong value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-') { negative = s[0] == '-'; i = 1; }
        var st = ParseDigits(s, i, out var mag);
        if (st != NumberStatus.Ok) return st;
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        if (negative)
        {
            if (mag > (1UL << (bits - 1))) return NumberStatus.OutOfRange;
            value = (0 - mag) & mask;
        }
        else
        {
            if (mag > mask) return NumberStatus.OutOfRange;
            value = mag;
        }
        return NumberStatus.Ok;
    }

    /// <summary>Digits from <paramref name="i"/>: decimal, or hex after 0x; '_' only between digits.</summary>
    private static NumberStatus ParseDigits(string s, int i, out ulong value)
    {
        value = 0;
        var hex = s.Length - i > 2 && s[i] == '0' && s[i + 1] == 'x';
        if (hex) i += 2;
        var radix = hex ? 16u : 10u;
        if (i >= s.Length) return NumberStatus.Syntax;
        var overflow = false;
        var lastWasDigit = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                if (!lastWasDigit) return NumberStatus.Syntax;
                lastWasDigit = false;
                continue;
            }
            var d = DigitValue(c, hex);
            if (d < 0) return NumberStatus.Syntax;
            lastWasDigit = true;
            if (value > (ulong.MaxValue - (ulong)d) / radix) overflow = true;
            else value = value * radix + (ulong)d;
        }
        if (!lastWasDigit) return NumberStatus.Syntax;
        return overflow ? NumberStatus.OutOfRange : NumberStatus.Ok;
    }

    private static int DigitValue(char c, bool hex) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' when hex => c - 'a' + 10,
        >= 'A' and <= 'F' when hex => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>True when <paramref name="s"/> has the shape of a number (starts with a digit, or a sign then a digit).</summary>
    public static bool LooksNumeric(string s) =>
        s.Length > 0 && (char.IsAsciiDigit(s[0]) || (s.Length > 1 && s[0] is '+' or '-' && char.IsAsciiDigit(s[1])));

    public static NumberStatus ParseF32(string s, out uint bits)
    {
        var st = ParseFloat(s, Binary32, out var b);
        bits = (uint)b;
        return st;
    }

    public static NumberStatus ParseF64(string s, out ulong bits) => ParseFloat(s, Binary64, out bits);

    /// <summary>The IEEE 754 binary format parameters: fraction bits and exponent bias.</summary>
    private readonly record struct FloatFormat(int MantBits, int ExpBits)
    {
        public int Bias => (1 << (ExpBits - 1)) - 1;
        public ulong ExpMask => ((1UL << ExpBits) - 1) << MantBits;
        public ulong SignBit => 1UL << (MantBits + ExpBits);
    }

    private static readonly FloatFormat Binary32 = new(23, 8);
    private static readonly FloatFormat Binary64 = new(52, 11);

    private static NumberStatus ParseFloat(string s, FloatFormat fmt, out ulong bits)
    {
        bits = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-') { negative = s[0] == '-'; i = 1; }
        var sign = negative ? fmt.SignBit : 0;
        var body = s.AsSpan(i);
        NumberStatus st;
        ulong magnitude;
        if (body.SequenceEqual("inf"))
        {
            bits = sign | fmt.ExpMask;
            return NumberStatus.Ok;
        }
        if (body.SequenceEqual("nan"))
        {
            bits = sign | fmt.ExpMask | (1UL << (fmt.MantBits - 1));
            return NumberStatus.Ok;
        }
        if (body.StartsWith("nan:0x"))
        {
            st = ParseDigits(s, i + 4, out var payload);
            if (st != NumberStatus.Ok) return st;
            if (payload == 0 || payload >= 1UL << fmt.MantBits) return NumberStatus.OutOfRange;
            bits = sign | fmt.ExpMask | payload;
            return NumberStatus.Ok;
        }
        st = body.StartsWith("0x") ? HexFloat(body[2..], fmt, out magnitude) : DecimalFloat(body, fmt, out magnitude);
        bits = sign | magnitude;
        return st;
    }

    /// <summary>
    /// Splits a float body into mantissa digits (int and fraction, '_' removed) and the exponent
    /// digits, checking the grammar: p ('.' q?)? (e sign? d)?, each digit run with '_' only between digits.
    /// </summary>
    private static bool SplitFloat(ReadOnlySpan<char> s, bool hex, out string intDigits, out string fracDigits, out long exponent)
    {
        intDigits = fracDigits = "";
        exponent = 0;
        var i = 0;
        if (!DigitRun(s, ref i, hex, out intDigits) || intDigits.Length == 0) return false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!DigitRun(s, ref i, hex, out fracDigits)) return false;
        }
        if (i < s.Length && (hex ? s[i] is 'p' or 'P' : s[i] is 'e' or 'E'))
        {
            i++;
            var negExp = false;
            if (i < s.Length && s[i] is '+' or '-') { negExp = s[i] == '-'; i++; }
            if (!DigitRun(s, ref i, false, out var expDigits) || expDigits.Length == 0) return false;
            foreach (var c in expDigits) exponent = Math.Min(exponent * 10 + (c - '0'), 1_000_000_000L);
            if (negExp) exponent = -exponent;
        }
        return i == s.Length;
    }

    private static bool DigitRun(ReadOnlySpan<char> s, ref int i, bool hex, out string digits)
    {
        var sb = new System.Text.StringBuilder();
        var lastWasDigit = false;
        for (; i < s.Length; i++)
        {
            if (s[i] == '_')
            {
                if (!lastWasDigit) { digits = ""; return false; }
                lastWasDigit = false;
                continue;
            }
            if (DigitValue(s[i], hex) < 0) break;
            sb.Append(s[i]);
            lastWasDigit = true;
        }
        digits = sb.ToString();
        return digits.Length == 0 || lastWasDigit;
    }

    private static NumberStatus DecimalFloat(ReadOnlySpan<char> s, FloatFormat fmt, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(s, false, out var intDigits, out var fracDigits, out var exponent)) return NumberStatus.Syntax;
        // .NET's parsers round correctly to nearest-even (IEEE 754-2008) for any digit count.
        var text = $"{intDigits}.{(fracDigits.Length == 0 ? "0" : fracDigits)}e{exponent}";
        if (fmt.MantBits == 23)
        {
            var f = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(f)) return NumberStatus.OutOfRange;
            bits = BitConverter.SingleToUInt32Bits(f);
        }
        else
        {
            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) return NumberStatus.OutOfRange;
            bits = BitConverter.DoubleToUInt64Bits(d);
        }
        return NumberStatus.Ok;
    }

    /// <summary>Hex float: the exact value m·2^e rounded to nearest-even in the target format.</summary>
    private static NumberStatus HexFloat(ReadOnlySpan<char> s, FloatFormat fmt, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(s, true, out var intDigits, out var fracDigits, out var exponent)) return NumberStatus.Syntax;
        var mant = BigInteger.Parse("0" + intDigits + fracDigits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (mant.IsZero) return NumberStatus.Ok;
        var e = exponent - 4L * fracDigits.Length;
        return Round(mant, e, fmt, out bits);
    }

    /// <summary>Rounds mant·2^exp (mant &gt; 0) to nearest-even; out of range when it rounds to infinity.</summary>
    private static NumberStatus Round(BigInteger mant, long exp, FloatFormat fmt, out ulong bits)
    {
        bits = 0;
        var bitLength = (long)mant.GetBitLength();
        var topExp = exp + bitLength - 1; // exponent of the leading bit
        var minExp = 1 - fmt.Bias;
        if (topExp > fmt.Bias) return NumberStatus.OutOfRange;
        var scaleExp = Math.Max(topExp, minExp);
        var keep = fmt.MantBits + 1 - (scaleExp - topExp); // significant bits that fit
        if (keep < 0) return NumberStatus.Ok; // below half the smallest subnormal: rounds to zero
        var shift = bitLength - keep;
        BigInteger q;
        if (shift <= 0) q = mant << (int)-shift;
        else
        {
            q = mant >> (int)shift;
            var rem = mant - (q << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            if (rem > half || (rem == half && !q.IsEven)) q += 1;
        }
        // q holds the hidden bit, so adding it to exponent-1 gives the encoding; for subnormals
        // (scaleExp = minExp) the exponent field is 0. A carry out of the significand lands in the
        // exponent field, which is what rounding up means.
        bits = ((ulong)(scaleExp + fmt.Bias - 1) << fmt.MantBits) + (ulong)q;
        return (bits & fmt.ExpMask) == fmt.ExpMask ? NumberStatus.OutOfRange : NumberStatus.Ok;
    }
}
