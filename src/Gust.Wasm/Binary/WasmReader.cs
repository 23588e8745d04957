using System.Buffers.Binary;
using System.Text;

namespace Gust.Wasm.Binary;

/// <summary>
/// A cursor over a whole binary module reading the spec's basic values (5.2): bytes, LEB128
/// integers with the spec's limits, lengths, names. Like the reference interpreter it reads one
/// stream and checks section sizes afterwards, so its errors are the spec suite's; positions are
/// offsets into the module. Every LEB128 is noted in <see cref="Layout"/> so padded ones can be replayed.
/// </summary>
internal ref struct WasmReader
{
    public const string UnexpectedEnd = "unexpected end of section or function";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly string? _file;

    public WasmReader(ReadOnlySpan<byte> bytes, string? file, LayoutRecorder layout)
    {
        _bytes = bytes;
        _file = file;
        Layout = layout;
    }

    public int Pos { get; set; }
    /// <summary>Where the section being read ends by its declared size (reading may run past it; the size is checked after).</summary>
    public int SectionEnd { get; set; }
    public int Length => _bytes.Length;
    public bool AtEnd => Pos >= _bytes.Length;
    public LayoutRecorder Layout { get; }

    public WasmException Malformed(string message, int at) => WasmException.Malformed(message, SourceLocation.AtOffset(_file, at));

    public WasmException Unsupported(string feature, string what, int at) =>
        WasmException.Unsupported(feature, what, SourceLocation.AtOffset(_file, at));

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => Pos < _bytes.Length ? _bytes[Pos] : -1;

    public byte ReadByte()
    {
        if (Pos >= _bytes.Length) throw Malformed(UnexpectedEnd, _bytes.Length);
        return _bytes[Pos++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _bytes.Length - Pos) throw Malformed(UnexpectedEnd, _bytes.Length);
        var span = _bytes.Slice(Pos, count);
        Pos += count;
        return span;
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));
    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    public uint ReadU32() => (uint)ReadUnsigned(32);
    public ulong ReadU64() => ReadUnsigned(64);
    public int ReadS32() => (int)ReadSigned(32);
    public long ReadS33() => ReadSigned(33);
    public long ReadS64() => ReadSigned(64);

    /// <summary>uN (spec 5.2.2): at most ceil(N/7) bytes, and the unused bits of the last byte must be zero.</summary>
    private ulong ReadUnsigned(int bits)
    {
        var start = Pos;
        ulong result = 0;
        var shift = 0;
        for (var n = bits; ; n -= 7, shift += 7)
        {
            if (n <= 0) throw Malformed("integer representation too long", Pos);
            var b = ReadByte();
            if (n < 7 && (b & 0x7F) >= 1 << n) throw Malformed("integer too large", Pos - 1);
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        Layout.NoteLeb(Pos - start, Leb128.UnsignedWidth(result));
        return result;
    }

    /// <summary>sN (spec 5.2.2): the unused bits of the last byte must all equal the sign bit.</summary>
    private long ReadSigned(int bits)
    {
        var start = Pos;
        long result = 0;
        var shift = 0;
        byte b;
        for (var n = bits; ; n -= 7)
        {
            if (n <= 0) throw Malformed("integer representation too long", Pos);
            b = ReadByte();
            if (n < 7)
            {
                var mask = (-1 << (n - 1)) & 0x7F;
                if ((b & mask) != 0 && (b & mask) != mask) throw Malformed("integer too large", Pos - 1);
            }
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) break;
        }
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        Layout.NoteLeb(Pos - start, Leb128.SignedWidth(result));
        return result;
    }

    /// <summary>A length (vector count, byte count): it cannot exceed the bytes left in the module.</summary>
    public int ReadLength()
    {
        var at = Pos;
        var n = ReadU32();
        if (n > (uint)(_bytes.Length - at)) throw Malformed("length out of bounds", at);
        return (int)n;
    }

    public string ReadName()
    {
        var at = Pos;
        var bytes = ReadBytes(ReadLength());
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("malformed UTF-8 encoding", at);
        }
    }
}
