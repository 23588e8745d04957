using System.Globalization;
using System.Text;
using Gust.Component.Types;

namespace Gust.Component.Abi;

/// <summary>
/// A component-level value as the host sees it (definitions.py's Python values): what lifting produces and
/// lowering consumes. Each kind mirrors a <see cref="ComponentValType"/>, including the specialized ones
/// (tuple, enum, option, result), so a lifted value has the shape of its type. Equality is structural.
/// </summary>
public abstract record ComponentValue
{
    public static BoolValue Bool(bool v) => new(v);
    public static IntValue S8(sbyte v) => new(Primitive.S8, v);
    public static IntValue U8(byte v) => new(Primitive.U8, v);
    public static IntValue S16(short v) => new(Primitive.S16, v);
    public static IntValue U16(ushort v) => new(Primitive.U16, v);
    public static IntValue S32(int v) => new(Primitive.S32, v);
    public static IntValue U32(uint v) => new(Primitive.U32, v);
    public static IntValue S64(long v) => new(Primitive.S64, unchecked((ulong)v));
    public static IntValue U64(ulong v) => new(Primitive.U64, v);
    public static F32Value F32(float v) => new(v);
    public static F64Value F64(double v) => new(v);
    public static CharValue Char(int scalar) => new(scalar);
    public static StringValue String(string text) => new(text);
    public static ListValue List(params ComponentValue[] elements) => new(elements.ToEquatableList());
    public static RecordValue Record(params (string Name, ComponentValue Value)[] fields) =>
        new(fields.Select(f => new FieldValue(f.Name, f.Value)).ToEquatableList());
    public static TupleValue Tuple(params ComponentValue[] values) => new(values.ToEquatableList());
    public static VariantValue Variant(string caseName, ComponentValue? payload = null) => new(caseName, payload);
    public static EnumValue Enum(string label) => new(label);
    public static OptionValue None => new((ComponentValue?)null);
    public static OptionValue Some(ComponentValue v) => new(v);
    public static ResultValue Ok(ComponentValue? v = null) => new(true, v);
    public static ResultValue Error(ComponentValue? v = null) => new(false, v);
    public static FlagsValue Flags(params string[] set) => new(set);
    public static HandleValue Handle(uint index) => new(index);
}

public sealed record BoolValue(bool Value) : ComponentValue;

/// <summary>
/// An integer of kind s8 … u64. <see cref="Bits"/> holds it sign-extended (signed kinds) or zero-extended
/// (unsigned) to 64 bits; the factories on <see cref="ComponentValue"/> keep it in range.
/// </summary>
public sealed record IntValue : ComponentValue
{
    public IntValue(Primitive kind, long value) : this(kind, unchecked((ulong)value)) { }

    public IntValue(Primitive kind, ulong bits)
    {
        if (kind is not (Primitive.S8 or Primitive.U8 or Primitive.S16 or Primitive.U16 or Primitive.S32 or Primitive.U32 or Primitive.S64 or Primitive.U64))
            throw new ArgumentException($"{kind} is not an integer type", nameof(kind));
        if (Normalize(kind, bits) != bits) throw new ArgumentOutOfRangeException(nameof(bits), $"{unchecked((long)bits)} is out of range for {kind}");
        Kind = kind;
        Bits = bits;
    }

    public Primitive Kind { get; }
    public ulong Bits { get; }
    public long AsInt64 => unchecked((long)Bits);

    /// <summary>The low bits of <paramref name="bits"/> read as <paramref name="kind"/>: truncated, then sign- or zero-extended.</summary>
    internal static ulong Normalize(Primitive kind, ulong bits) => kind switch
    {
        Primitive.S8 => unchecked((ulong)(sbyte)bits),
        Primitive.U8 => (byte)bits,
        Primitive.S16 => unchecked((ulong)(short)bits),
        Primitive.U16 => (ushort)bits,
        Primitive.S32 => unchecked((ulong)(int)bits),
        Primitive.U32 => (uint)bits,
        _ => bits,
    };

    public override string ToString() => Kind is Primitive.S8 or Primitive.S16 or Primitive.S32 or Primitive.S64
        ? $"{Kind.ToString().ToLowerInvariant()} {AsInt64}" : $"{Kind.ToString().ToLowerInvariant()} {Bits}";
}

/// <summary>
/// An f32. Equality is bit for bit (so 0 and -0 differ) except that all NaNs are one value, as the canonical ABI
/// has it: lifting canonicalizes every NaN to 0x7fc00000 and lowering (Gust uses the deterministic profile)
/// stores that canonical NaN.
/// </summary>
public sealed record F32Value(float Value) : ComponentValue
{
    public bool Equals(F32Value? other) => other is not null &&
        (float.IsNaN(Value) ? float.IsNaN(other.Value) : BitConverter.SingleToUInt32Bits(Value) == BitConverter.SingleToUInt32Bits(other.Value));

    public override int GetHashCode() => float.IsNaN(Value) ? 0 : BitConverter.SingleToUInt32Bits(Value).GetHashCode();
}

/// <summary>An f64; equality as for <see cref="F32Value"/> (canonical NaN 0x7ff8000000000000).</summary>
public sealed record F64Value(double Value) : ComponentValue
{
    public bool Equals(F64Value? other) => other is not null &&
        (double.IsNaN(Value) ? double.IsNaN(other.Value) : BitConverter.DoubleToUInt64Bits(Value) == BitConverter.DoubleToUInt64Bits(other.Value));

    public override int GetHashCode() => double.IsNaN(Value) ? 0 : BitConverter.DoubleToUInt64Bits(Value).GetHashCode();
}

/// <summary>A char: a Unicode scalar value (0..0x10FFFF without the surrogates 0xD800..0xDFFF).</summary>
public sealed record CharValue : ComponentValue
{
    public CharValue(int scalar)
    {
        if (!IsScalarValue(scalar)) throw new ArgumentOutOfRangeException(nameof(scalar), $"0x{scalar:x} is not a Unicode scalar value");
        Scalar = scalar;
    }

    public int Scalar { get; }

    public static bool IsScalarValue(long i) => i is >= 0 and < 0xD800 or >= 0xE000 and < 0x110000;

    public override string ToString() => $"char U+{Scalar:X4}";
}

/// <summary>
/// A string of Unicode scalar values, held as .NET (UTF-16) text. <see cref="SourceEncoding"/> and
/// <see cref="Utf16Tagged"/> remember how it was encoded where it came from, because the canonical ABI's
/// transcoding (and so its realloc calls) depends on the source encoding; a host-made string is UTF-16.
/// Equality compares the text only.
/// </summary>
public sealed record StringValue : ComponentValue
{
    public StringValue(string text, StringEncoding sourceEncoding = StringEncoding.Utf16, bool utf16Tagged = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsScalarText(text)) throw new ArgumentException("a string holds Unicode scalar values; this one has a lone surrogate", nameof(text));
        if (sourceEncoding == StringEncoding.Latin1Utf16 && !utf16Tagged && text.Any(c => c > 0xFF))
            throw new ArgumentException("a latin1 string holds only U+0000..U+00FF", nameof(text));
        Text = text;
        SourceEncoding = sourceEncoding;
        Utf16Tagged = sourceEncoding == StringEncoding.Latin1Utf16 && utf16Tagged;
    }

    public string Text { get; }
    public StringEncoding SourceEncoding { get; }

    /// <summary>For <see cref="StringEncoding.Latin1Utf16"/>: the source held UTF-16 rather than latin1.</summary>
    public bool Utf16Tagged { get; }

    /// <summary>Code units in the source encoding (definitions.py's src_code_units).</summary>
    internal int SourceCodeUnits => SourceEncoding == StringEncoding.Utf8 ? Encoding.UTF8.GetByteCount(Text) : Text.Length;

    internal static bool IsScalarText(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    public bool Equals(StringValue? other) => other is not null && Text == other.Text;
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => $"\"{Text}\"";
}

public sealed record ListValue(EquatableList<ComponentValue> Elements) : ComponentValue
{
    public override string ToString() => $"[{string.Join(", ", Elements)}]";
}

public sealed record FieldValue(string Name, ComponentValue Value);

public sealed record RecordValue(EquatableList<FieldValue> Fields) : ComponentValue
{
    public override string ToString() => $"{{{string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Value}"))}}}";
}

public sealed record TupleValue(EquatableList<ComponentValue> Values) : ComponentValue
{
    public override string ToString() => $"({string.Join(", ", Values)})";
}

/// <summary>A variant case by name; <see cref="Payload"/> is null for a case without payload type.</summary>
public sealed record VariantValue(string Case, ComponentValue? Payload) : ComponentValue;

public sealed record EnumValue(string Label) : ComponentValue;

/// <summary>option: <see cref="Value"/> is null for none.</summary>
public sealed record OptionValue(ComponentValue? Value) : ComponentValue;

/// <summary>result: ok or error, with a payload when that side has a type.</summary>
public sealed record ResultValue(bool IsOk, ComponentValue? Payload) : ComponentValue;

/// <summary>flags: the set of labels that are set. Equality ignores order.</summary>
public sealed record FlagsValue : ComponentValue
{
    public FlagsValue(IEnumerable<string> set) => Set = new SortedSet<string>(set, StringComparer.Ordinal);

    public IReadOnlySet<string> Set { get; }

    public bool Equals(FlagsValue? other) => other is not null && Set.SetEquals(other.Set);
    public override int GetHashCode() => Set.Aggregate(0, (h, l) => h ^ l.GetHashCode(StringComparison.Ordinal));
    public override string ToString() => $"flags {{{string.Join(", ", Set)}}}";
}

/// <summary>
/// An own or borrow handle as its index in the instance's handle table; the table itself (and
/// definitions.py's lift_own/lift_borrow bookkeeping) belongs to the runtime, not to the value layout.
/// </summary>
public sealed record HandleValue(uint Index) : ComponentValue
{
    public override string ToString() => $"handle {Index.ToString(CultureInfo.InvariantCulture)}";
}
