namespace Gust.Component.Abi;

/// <summary>The canonopt string-encoding= choices (Explainer "Canonical ABI options").</summary>
public enum StringEncoding
{
    Utf8,
    Utf16,
    /// <summary>latin1+utf16: latin1 unless the length's top bit (the UTF-16 tag) is set.</summary>
    Latin1Utf16,
}

/// <summary>A component instance's linear memory as the canonical ABI reads and writes it. A realloc may grow it.</summary>
public interface ILinearMemory
{
    Span<byte> Bytes { get; }
}

/// <summary>A linear memory over a byte array; <see cref="Grow"/> lets a test's realloc imitate memory.grow.</summary>
public sealed class ArrayMemory(int size) : ILinearMemory
{
    private byte[] bytes = new byte[size];

    public Span<byte> Bytes => bytes;

    public void Grow(int extra) => Array.Resize(ref bytes, bytes.Length + extra);
}

/// <summary>
/// The guest's cabi_realloc(original_ptr, original_size, alignment, new_size) → ptr. Called with 0, 0 to allocate.
/// The canonical ABI checks the returned pointer's alignment and bounds and traps otherwise.
/// </summary>
public delegate uint Realloc(uint originalPtr, uint originalSize, uint alignment, uint newSize);

/// <summary>A core function as the canonical ABI calls it: flat values in, flat values out.</summary>
public delegate IReadOnlyList<FlatValue> CoreFunction(IReadOnlyList<FlatValue> args);

/// <summary>
/// The canonopts of one canon lift or canon lower (definitions.py CanonicalOptions, synchronous only).
/// <see cref="PostReturn"/> is called with the lifted function's flat results after they have been lifted,
/// so the guest can free what they point to.
/// </summary>
public sealed record CanonicalOptions(
    ILinearMemory? Memory = null,
    StringEncoding StringEncoding = StringEncoding.Utf8,
    Realloc? Realloc = null,
    CoreFunction? PostReturn = null);
