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
/// than a field of <see cref="Instr"/>, so modules built in code carry nothing, and packed, so a module of
/// millions of instructions grows by little: offsets and lines are kept relative to the expression's
/// smallest, in 16 bits each when they fit (a function body under 64 KiB, columns under 65536), else in 32.
/// </summary>
public sealed class InstrPositions
{
    /// <summary>Added to each offset or line; columns are kept as they are.</summary>
    private readonly int _base;
    private readonly ushort[]? _narrow;
    private readonly int[]? _wide;

    private InstrPositions(ReadOnlySpan<int> values, bool text)
    {
        IsText = text;
        var stride = text ? 2 : 1;
        Count = values.Length / stride;
        int min = int.MaxValue, max = 0, columnMax = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i % stride == 0)
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
            else columnMax = Math.Max(columnMax, values[i]);
        }
        if (Count == 0 || max - min > ushort.MaxValue || columnMax > ushort.MaxValue || min < 0)
        {
            _wide = values.ToArray();
            return;
        }
        _base = min;
        _narrow = new ushort[values.Length];
        for (var i = 0; i < values.Length; i++) _narrow[i] = (ushort)(i % stride == 0 ? values[i] - min : values[i]);
    }

    /// <summary>A table of byte offsets, one per instruction.</summary>
    public static InstrPositions FromOffsets(ReadOnlySpan<int> offsets) => new(offsets, false);

    /// <summary>A table of line:column places given as pairs (line, column, line, column, …), one pair per instruction.</summary>
    public static InstrPositions FromLinesAndColumns(ReadOnlySpan<int> pairs)
    {
        if (pairs.Length % 2 != 0) throw new ArgumentException("lines and columns come in pairs", nameof(pairs));
        return new(pairs, true);
    }

    public bool IsText { get; }
    public int Count { get; }

    public SourcePoint this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return IsText
                ? SourcePoint.AtLine(_base + Stored(2 * index), Stored(2 * index + 1))
                : SourcePoint.AtOffset(_base + Stored(index));
        }
    }

    private int Stored(int slot) => _narrow is not null ? _narrow[slot] : _wide![slot];
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
