using System.Text;

namespace Gust.Component.Binary;

/// <summary>Appends the component format's basic values: bytes, unsigned LEB128, names, vectors.</summary>
internal sealed class ByteWriter
{
    private readonly List<byte> _bytes = new();

    public byte[] ToArray() => _bytes.ToArray();

    public void Byte(byte b) => _bytes.Add(b);
    public void Bytes(ReadOnlySpan<byte> bytes) { foreach (var b in bytes) _bytes.Add(b); }

    public void U32(uint value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            _bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        } while (value != 0);
    }

    /// <summary>A non-negative value as signed LEB128 (s33), as type indices in value types are written.</summary>
    public void S33(long value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            var done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
            _bytes.Add(done ? b : (byte)(b | 0x80));
            if (done) return;
        }
    }

    public void Name(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        U32((uint)bytes.Length);
        Bytes(bytes);
    }

    public void Vec<T>(IReadOnlyCollection<T> items, Action<T> item)
    {
        U32((uint)items.Count);
        foreach (var x in items) item(x);
    }

    /// <summary>Writes a section: id, size, then what <paramref name="body"/> writes.</summary>
    public void Section(byte id, Action<ByteWriter> body)
    {
        var inner = new ByteWriter();
        body(inner);
        Byte(id);
        U32((uint)inner._bytes.Count);
        _bytes.AddRange(inner._bytes);
    }
}
