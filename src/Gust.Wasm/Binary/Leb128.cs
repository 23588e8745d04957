namespace Gust.Wasm.Binary;

/// <summary>LEB128 sizes and encoding (spec 5.2.2), shared by the reader (to spot padded fields) and the writer.</summary>
internal static class Leb128
{
    public static int UnsignedWidth(ulong value)
    {
        var width = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            width++;
        }
        return width;
    }

    public static int SignedWidth(long value)
    {
        var width = 1;
        while (value is < -64 or >= 64)
        {
            value >>= 7;
            width++;
        }
        return width;
    }

    /// <summary>Writes <paramref name="value"/> in exactly <paramref name="width"/> bytes (at least its minimal width).</summary>
    public static int WriteUnsigned(Span<byte> into, ulong value, int width)
    {
        for (var i = 0; i < width - 1; i++)
        {
            into[i] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }
        into[width - 1] = (byte)(value & 0x7F);
        return width;
    }

    /// <summary>Writes <paramref name="value"/> in exactly <paramref name="width"/> bytes, padding with sign bits.</summary>
    public static int WriteSigned(Span<byte> into, long value, int width)
    {
        for (var i = 0; i < width - 1; i++)
        {
            into[i] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }
        into[width - 1] = (byte)(value & 0x7F);
        return width;
    }
}
