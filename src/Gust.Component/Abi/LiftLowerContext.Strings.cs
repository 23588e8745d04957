using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Gust.Component.Abi;

/// <summary>
/// Strings (CanonicalABI.md "Loading" and "Storing" of strings): decoding with validation on lift, and on lower
/// the transcoding between the source and destination encodings with the spec's exact realloc sequence — first an
/// optimistic allocation, a grow to the worst case when the guess fails, and a shrink to the final size.
/// </summary>
public sealed partial class LiftLowerContext
{
    /// <summary>The top bit of a latin1+utf16 length: set when the string is UTF-16.</summary>
    public const uint Utf16Tag = 1u << 31;

    private StringValue LoadStringFromRange(uint ptr, uint taggedCodeUnits)
    {
        var encoding = Options.StringEncoding;
        var tagged = encoding == StringEncoding.Latin1Utf16 && (taggedCodeUnits & Utf16Tag) != 0;
        var (alignment, byteLength) = encoding switch
        {
            StringEncoding.Utf8 => (1, (long)taggedCodeUnits),
            StringEncoding.Utf16 => (2, 2L * taggedCodeUnits),
            _ => (2, tagged ? 2L * (taggedCodeUnits ^ Utf16Tag) : taggedCodeUnits),
        };
        if (byteLength > MaxStringByteLength) throw new CanonicalAbiTrap(TrapReason.StringTooLong);
        CheckRange(ptr, alignment, byteLength, TrapReason.UnalignedPointer, TrapReason.StringOutOfBounds);
        var bytes = Bytes.Slice((int)ptr, (int)byteLength);
        var text = encoding == StringEncoding.Utf8 ? DecodeUtf8(bytes)
            : encoding == StringEncoding.Utf16 || tagged ? DecodeUtf16(bytes)
            : Encoding.Latin1.GetString(bytes);
        return new StringValue(text, encoding, tagged);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        // Not the final block, so a sequence cut off at the end reports NeedMoreData rather than InvalidData.
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: false);
        return status switch
        {
            OperationStatus.Done => new string(chars, 0, written),
            OperationStatus.NeedMoreData when read < bytes.Length => throw new CanonicalAbiTrap(TrapReason.IncompleteUtf8),
            _ => throw new CanonicalAbiTrap(TrapReason.InvalidUtf8),
        };
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes)
    {
        // Decoded by hand: Encoding.Unicode would replace a lone surrogate with U+FFFD rather than fail.
        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
        return StringValue.IsScalarText(chars) ? new string(chars) : throw new CanonicalAbiTrap(TrapReason.InvalidUtf16);
    }

    /// <summary>Stores the string's code units in memory allocated with realloc; returns the pointer and (tagged) length.</summary>
    private (uint Ptr, uint TaggedCodeUnits) StoreStringIntoRange(StringValue v)
    {
        var src = v.Text;
        var srcCodeUnits = v.SourceCodeUnits;
        var srcIsLatin1 = v.SourceEncoding == StringEncoding.Latin1Utf16 && !v.Utf16Tagged;
        // A lifted string is within the bound already; a host-made one is checked here, so sizes stay in 32 bits.
        if ((v.SourceEncoding == StringEncoding.Utf8 || srcIsLatin1 ? srcCodeUnits : 2L * srcCodeUnits) > MaxStringByteLength)
            throw new CanonicalAbiTrap(TrapReason.StringTooLong);
        return (Options.StringEncoding, v.SourceEncoding) switch
        {
            (StringEncoding.Utf8, StringEncoding.Utf8) => StoreStringCopy(src, srcCodeUnits, 1, 1, Encoding.UTF8),
            (StringEncoding.Utf8, _) => StoreStringToUtf8(src, srcCodeUnits, srcIsLatin1 ? 2L * srcCodeUnits : 3L * srcCodeUnits),
            (StringEncoding.Utf16, StringEncoding.Utf8) => StoreUtf8ToUtf16(src, srcCodeUnits),
            (StringEncoding.Utf16, _) => StoreStringCopy(src, srcCodeUnits, 2, 2, Encoding.Unicode),
            (_, StringEncoding.Latin1Utf16) when srcIsLatin1 => StoreStringCopy(src, srcCodeUnits, 1, 2, Encoding.Latin1),
            (_, StringEncoding.Latin1Utf16) => StoreProbablyUtf16ToLatin1OrUtf16(src, srcCodeUnits),
            _ => StoreStringToLatin1OrUtf16(src, srcCodeUnits),
        };
    }

    private void Write(uint ptr, ReadOnlySpan<byte> bytes) => bytes.CopyTo(Bytes[(int)ptr..]);

    private (uint, uint) StoreStringCopy(string src, int srcCodeUnits, int dstCodeUnitSize, int dstAlignment, Encoding dstEncoding)
    {
        var ptr = Allocate(dstAlignment, (long)dstCodeUnitSize * srcCodeUnits);
        Write(ptr, dstEncoding.GetBytes(src));
        return (ptr, (uint)srcCodeUnits);
    }

    /// <summary>Guesses ASCII (one byte per code unit), growing to <paramref name="worstCaseSize"/> at the first non-ASCII code point.</summary>
    private (uint, uint) StoreStringToUtf8(string src, int srcCodeUnits, long worstCaseSize)
    {
        var ptr = Allocate(1, srcCodeUnits);
        for (var i = 0; i < src.Length; i++)
        {
            if (src[i] < 0x80)
            {
                Bytes[(int)ptr + i] = (byte)src[i];
                continue;
            }
            ptr = Reallocate(ptr, srcCodeUnits, 1, worstCaseSize);
            var encoded = Encoding.UTF8.GetBytes(src);
            Write(ptr + (uint)i, encoded.AsSpan(i));
            if (worstCaseSize > encoded.Length) ptr = Reallocate(ptr, worstCaseSize, 1, encoded.Length);
            return (ptr, (uint)encoded.Length);
        }
        return (ptr, (uint)srcCodeUnits);
    }

    private (uint, uint) StoreUtf8ToUtf16(string src, int srcCodeUnits)
    {
        var worstCaseSize = 2L * srcCodeUnits;
        var ptr = Allocate(2, worstCaseSize);
        var encoded = Encoding.Unicode.GetBytes(src);
        Write(ptr, encoded);
        if (encoded.Length < worstCaseSize) ptr = Reallocate(ptr, worstCaseSize, 2, encoded.Length);
        return (ptr, (uint)(encoded.Length / 2));
    }

    /// <summary>Guesses latin1 (one byte per code unit); at the first code point past U+00FF, widens what was written in place to UTF-16.</summary>
    private (uint, uint) StoreStringToLatin1OrUtf16(string src, int srcCodeUnits)
    {
        var ptr = Allocate(2, srcCodeUnits);
        var dstByteLength = 0;
        foreach (var rune in src.EnumerateRunes())
        {
            if (rune.Value < 0x100)
            {
                Bytes[(int)ptr + dstByteLength++] = (byte)rune.Value;
                continue;
            }
            var worstCaseSize = 2L * srcCodeUnits;
            ptr = Reallocate(ptr, srcCodeUnits, 2, worstCaseSize);
            var mem = Bytes;
            for (var j = dstByteLength - 1; j >= 0; j--)
            {
                mem[(int)ptr + 2 * j] = mem[(int)ptr + j];
                mem[(int)ptr + 2 * j + 1] = 0;
            }
            var encoded = Encoding.Unicode.GetBytes(src);
            Write(ptr + 2 * (uint)dstByteLength, encoded.AsSpan(2 * dstByteLength));
            if (worstCaseSize > encoded.Length) ptr = Reallocate(ptr, worstCaseSize, 2, encoded.Length);
            return (ptr, (uint)(encoded.Length / 2) | Utf16Tag);
        }
        if (dstByteLength < srcCodeUnits) ptr = Reallocate(ptr, srcCodeUnits, 2, dstByteLength);
        return (ptr, (uint)dstByteLength);
    }

    /// <summary>A UTF-16-tagged source: copied as UTF-16, then narrowed to latin1 in place if every code point fits.</summary>
    private (uint, uint) StoreProbablyUtf16ToLatin1OrUtf16(string src, int srcCodeUnits)
    {
        var srcByteLength = 2L * srcCodeUnits;
        var ptr = Allocate(2, srcByteLength);
        var encoded = Encoding.Unicode.GetBytes(src);
        Write(ptr, encoded);
        if (src.Any(c => c >= 0x100)) return (ptr, (uint)(encoded.Length / 2) | Utf16Tag);
        var latin1Size = encoded.Length / 2;
        var mem = Bytes;
        for (var i = 0; i < latin1Size; i++) mem[(int)ptr + i] = mem[(int)ptr + 2 * i];
        ptr = Reallocate(ptr, srcByteLength, 1, latin1Size);
        return (ptr, (uint)latin1Size);
    }
}
