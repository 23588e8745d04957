using System.Text;
using Gust.Wasm;

namespace Gust.Component.Binary;

/// <summary>
/// A cursor over component bytes reading LEB128 integers, names and vectors, bounded by
/// <see cref="End"/> (the current section). Messages are those the component-model tests expect.
/// </summary>
internal sealed class ByteReader(byte[] bytes, string? file)
{
    public const string UnexpectedEof = "unexpected end-of-file";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public byte[] Bytes { get; } = bytes;
    public string? File { get; } = file;
    public int Pos { get; set; }
    public int End { get; set; } = bytes.Length;
    public bool AtEnd => Pos >= End;

    public WasmException Malformed(string message, int at) => WasmException.Malformed(message, SourceLocation.AtOffset(File, at));
    public WasmException Malformed(string message) => Malformed(message, Pos);
    public WasmException Unsupported(string feature, string what, int at) => WasmException.Unsupported(feature, what, SourceLocation.AtOffset(File, at));
    public WasmException Invalid(string message, int at) => WasmException.Invalid(message, SourceLocation.AtOffset(File, at));

    /// <summary>"invalid leading byte (0x5) for instance": a discriminant byte no rule accepts.</summary>
    public WasmException BadLeading(byte b, string what, int at) => Malformed($"invalid leading byte (0x{b:x}) for {what}", at);

    public byte Byte()
    {
        if (Pos >= End) throw Malformed(UnexpectedEof);
        return Bytes[Pos++];
    }

    public byte PeekByte()
    {
        if (Pos >= End) throw Malformed(UnexpectedEof);
        return Bytes[Pos];
    }

    public ReadOnlySpan<byte> Take(uint count)
    {
        if (count > End - Pos) throw Malformed(UnexpectedEof, End);
        var span = Bytes.AsSpan(Pos, (int)count);
        Pos += (int)count;
        return span;
    }

    public uint U32()
    {
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            var at = Pos;
            var b = Byte();
            if (shift == 28 && (b & 0x70) != 0) throw Malformed("integer too large", at);
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            if (shift == 28) throw Malformed("integer representation too long", at);
        }
    }

    /// <summary>A signed LEB128 of at most 33 bits (s33).</summary>
    public long S33()
    {
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            var at = Pos;
            var b = Byte();
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift < 57 && (b & 0x40) != 0) result |= -1L << (shift + 7);
                if (result < -(1L << 32) || result >= 1L << 32) throw Malformed("integer too large", at);
                return result;
            }
            if (shift >= 28) throw Malformed("integer representation too long", at);
        }
    }

    /// <summary>A vector count; each element takes at least one byte, so a count past the end fails early.</summary>
    public uint Count()
    {
        var n = U32();
        if (n > End - Pos) throw Malformed(UnexpectedEof, End);
        return n;
    }

    public List<T> Vec<T>(Func<T> item)
    {
        var n = Count();
        var list = new List<T>((int)n);
        for (uint i = 0; i < n; i++) list.Add(item());
        return list;
    }

    public string Name()
    {
        var len = U32();
        var at = Pos;
        var bytes = Take(len);
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { throw Malformed("malformed UTF-8 encoding", at); }
    }

    /// <summary>0x00 → absent, 0x01 → present (Binary.md "T?").</summary>
    public bool Optional(string what)
    {
        var at = Pos;
        var b = Byte();
        return b switch { 0 => false, 1 => true, _ => throw Malformed(what == "" ? "invalid boolean value" : $"invalid leading byte (0x{b:x}) for {what}", at) };
    }
}
