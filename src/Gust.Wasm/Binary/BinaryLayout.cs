namespace Gust.Wasm.Binary;

/// <summary>
/// Encoding choices a binary made that the module model does not capture, recorded by the reader so
/// the writer can reproduce the input byte for byte:
/// <list type="bullet">
/// <item>which non-custom sections were present, empty ones included;</item>
/// <item>LEB128 fields written wider than needed (spec 5.2.2 allows padding), identified by their
///   ordinal among all LEB128 fields of the binary in reading order;</item>
/// <item>memory arguments that spelled out memory index 0 (flag bit 6), by their ordinal among all memargs.</item>
/// </list>
/// The writer walks the module in the same order as the reader, so the ordinals line up. If the module
/// was edited after reading, the ordinals may no longer match; the writer then still emits a valid
/// binary (a recorded width is never used below the minimum), just not the original bytes.
/// </summary>
public sealed class BinaryLayout
{
    public BinaryLayout(ushort sections, IReadOnlyList<WideLeb> wideLebs, IReadOnlyList<int> explicitMemoryZero)
    {
        Sections = sections;
        WideLebs = wideLebs;
        ExplicitMemoryZero = explicitMemoryZero;
    }

    /// <summary>Bit i is set when the binary held a section with id i (custom sections aside).</summary>
    public ushort Sections { get; }

    /// <summary>LEB128 fields encoded in more bytes than needed, in increasing ordinal order.</summary>
    public IReadOnlyList<WideLeb> WideLebs { get; }

    /// <summary>Ordinals of the memargs that encoded memory index 0 explicitly, increasing.</summary>
    public IReadOnlyList<int> ExplicitMemoryZero { get; }

    public bool HasSection(byte id) => id < 16 && (Sections & (1 << id)) != 0;
}

/// <summary>The <paramref name="Ordinal"/>-th LEB128 field of a binary (0-based, reading order) took <paramref name="Width"/> bytes.</summary>
public readonly record struct WideLeb(int Ordinal, byte Width);
