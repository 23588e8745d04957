using System.Buffers.Binary;

namespace Gust.Component.Abi;

/// <summary>
/// Lifting and lowering of <see cref="ComponentValue"/>s under one set of <see cref="CanonicalOptions"/>
/// (definitions.py LiftLowerContext with load/store, lift_flat/lower_flat). Traps are <see cref="CanonicalAbiTrap"/>;
/// a value that does not have the given type is the caller's error (<see cref="ArgumentException"/>).
/// The layout comes from <see cref="CanonicalAbi"/>; this class only moves values.
/// </summary>
public sealed partial class LiftLowerContext(CanonicalOptions options)
{
    /// <summary>Bound on a lifted string's bytes and a lifted list's bytes, so transcoding never overflows a 32-bit realloc size.</summary>
    public const long MaxStringByteLength = (1 << 28) - 1, MaxListByteLength = (1 << 28) - 1;

    public CanonicalOptions Options { get; } = options;

    private ILinearMemory Memory => Options.Memory ?? throw new CanonicalAbiTrap(TrapReason.NoMemory);

    private Span<byte> Bytes => Memory.Bytes;

    /// <summary>Traps unless [ptr, ptr+length) is in memory and ptr is aligned.</summary>
    private void CheckRange(long ptr, int alignment, long length, string unaligned, string outOfBounds)
    {
        if (ptr % alignment != 0) throw new CanonicalAbiTrap(unaligned);
        if (ptr + length > Bytes.Length) throw new CanonicalAbiTrap(outOfBounds);
    }

    private ulong LoadInt(uint ptr, int nbytes)
    {
        var b = Bytes.Slice((int)ptr, nbytes);
        return nbytes switch
        {
            1 => b[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(b),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(b),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(b),
        };
    }

    private void StoreInt(ulong v, uint ptr, int nbytes)
    {
        var b = Bytes.Slice((int)ptr, nbytes);
        switch (nbytes)
        {
            case 1: b[0] = (byte)v; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(b, v); break;
        }
    }

    /// <summary>
    /// Calls the guest's realloc and checks what it returns (CanonicalABI.md: the result must be aligned and the
    /// new block in bounds, else trap). The memory is read again afterwards: realloc may have grown it.
    /// </summary>
    private uint Reallocate(uint original, long originalSize, int alignment, long newSize)
    {
        var realloc = Options.Realloc ?? throw new CanonicalAbiTrap(TrapReason.NoRealloc);
        var ptr = realloc(original, checked((uint)originalSize), (uint)alignment, checked((uint)newSize));
        CheckRange(ptr, alignment, newSize, TrapReason.ReallocUnaligned, TrapReason.ReallocOutOfBounds);
        return ptr;
    }

    private uint Allocate(int alignment, long size) => Reallocate(0, 0, alignment, size);
}
