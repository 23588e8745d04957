using System.Buffers.Binary;
using System.Text;

namespace Gust.Wasm.Binary;

/// <summary>
/// Appends the spec's basic values (5.2) to a growing buffer. LEB128 widths come from the shared
/// <see cref="LayoutReplay"/>, so the writer must ask for LEB128 fields in the order the reader read them.
/// </summary>
internal sealed class WasmWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public WasmWriter(LayoutReplay replay) => Replay = replay;

    public LayoutReplay Replay { get; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => Written.ToArray();

    public void Byte(byte b) => Reserve(1)[0] = b;

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void Fixed32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    public void Fixed64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void U32(uint value) => Unsigned(value, Replay.NextLebWidth());
    public void U64(ulong value) => Unsigned(value, Replay.NextLebWidth());
    public void S32(int value) => Signed(value, Replay.NextLebWidth());
    public void S33(long value) => Signed(value, Replay.NextLebWidth());
    public void S64(long value) => Signed(value, Replay.NextLebWidth());
    public void Length(int count) => U32((uint)count);

    public void Name(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        Length(bytes.Length);
        Bytes(bytes);
    }

    /// <summary>Writes what <paramref name="body"/> writes, preceded by its size as a u32 (sections, function bodies).</summary>
    public void Sized(Action<WasmWriter> body)
    {
        // The size is read before the content, so its LEB128 slot comes first.
        var width = Replay.NextLebWidth();
        var inner = new WasmWriter(Replay);
        body(inner);
        Unsigned((uint)inner._length, width);
        Bytes(inner.Written);
    }

    private void Unsigned(ulong value, int recordedWidth)
    {
        var width = Math.Max(Leb128.UnsignedWidth(value), recordedWidth);
        Leb128.WriteUnsigned(Reserve(width), value, width);
    }

    private void Signed(long value, int recordedWidth)
    {
        var width = Math.Max(Leb128.SignedWidth(value), recordedWidth);
        Leb128.WriteSigned(Reserve(width), value, width);
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
