namespace Gust.Wasm;

/// <summary>
/// A place in a module's source without the file name (the file is the caller's): a byte offset into a
/// binary (<see cref="Line"/> 0), or a 1-based line and column of a text file.
/// </summary>
public readonly record struct SourcePoint(int Line, int ColumnOrOffset)
{
    public static SourcePoint AtOffset(int offset) => new(0, offset);
    public static SourcePoint AtLine(int line, int column) => new(line, column);

    public SourceLocation In(string? file) =>
        Line > 0 ? SourceLocation.AtLine(file, Line, ColumnOrOffset) : SourceLocation.AtOffset(file, ColumnOrOffset);
}

/// <summary>
/// Where each instruction of one expression starts in the source, parallel to its instruction list: the
/// opcode's byte offset for binary input, the operator keyword's line:column for text. A side table rather
/// than a field of <see cref="Instr"/>, so modules built in code carry nothing, and flat ints rather than
/// objects (one per instruction for binaries, two for text), so a module of millions of instructions grows
/// by a few bytes per instruction.
/// </summary>
public sealed class InstrPositions
{
    /// <summary>Offsets, or line and column pairs when <see cref="IsText"/>.</summary>
    private readonly int[] _data;

    private InstrPositions(int[] data, bool text)
    {
        _data = data;
        IsText = text;
    }

    /// <summary>A table of byte offsets, one per instruction.</summary>
    public static InstrPositions FromOffsets(ReadOnlySpan<int> offsets) => new(offsets.ToArray(), false);

    /// <summary>A table of line:column places given as pairs (line, column, line, column, …), one pair per instruction.</summary>
    public static InstrPositions FromLinesAndColumns(ReadOnlySpan<int> pairs)
    {
        if (pairs.Length % 2 != 0) throw new ArgumentException("lines and columns come in pairs", nameof(pairs));
        return new(pairs.ToArray(), true);
    }

    public bool IsText { get; }
    public int Count => IsText ? _data.Length / 2 : _data.Length;

    public SourcePoint this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return IsText ? SourcePoint.AtLine(_data[2 * index], _data[2 * index + 1]) : SourcePoint.AtOffset(_data[index]);
        }
    }
}

/// <summary>
/// Where the module items that have no class of their own to hold a place were defined in the source, each
/// list parallel to the module's list of that name; the others keep theirs (<see cref="Code.At"/>,
/// <see cref="Global.At"/>, <see cref="ElemSegment.At"/>, <see cref="DataSegment.At"/>).
/// </summary>
public sealed class ItemPositions
{
    public List<SourcePoint> Imports { get; } = new();
    public List<SourcePoint> Tables { get; } = new();
    public List<SourcePoint> Memories { get; } = new();
    public List<SourcePoint> Exports { get; } = new();
    public SourcePoint? Start { get; set; }
}
