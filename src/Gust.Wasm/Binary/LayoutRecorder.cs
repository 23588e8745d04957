namespace Gust.Wasm.Binary;

/// <summary>Collects a <see cref="BinaryLayout"/> while reading: only the departures from the canonical encoding are stored.</summary>
internal sealed class LayoutRecorder
{
    private readonly List<WideLeb> _wide = new();
    private readonly List<int> _explicitMemoryZero = new();
    private int _lebs;
    private int _memargs;
    private ushort _sections;

    public void NoteLeb(int width, int minimalWidth)
    {
        if (width != minimalWidth) _wide.Add(new WideLeb(_lebs, (byte)width));
        _lebs++;
    }

    public void NoteMemArg(bool explicitMemoryZero)
    {
        if (explicitMemoryZero) _explicitMemoryZero.Add(_memargs);
        _memargs++;
    }

    public void NoteSection(byte id) => _sections |= (ushort)(1 << id);

    public BinaryLayout Build() => new(_sections, _wide.ToArray(), _explicitMemoryZero.ToArray());
}

/// <summary>Replays a <see cref="BinaryLayout"/> while writing, in the reader's order; with no layout every answer is canonical.</summary>
internal sealed class LayoutReplay
{
    private readonly BinaryLayout? _layout;
    private int _lebs;
    private int _wideAt;
    private int _memargs;
    private int _memAt;

    public LayoutReplay(BinaryLayout? layout) => _layout = layout;

    /// <summary>The recorded width of the next LEB128 field, or 0 for minimal.</summary>
    public int NextLebWidth()
    {
        var ordinal = _lebs++;
        if (_layout is null) return 0;
        var wide = _layout.WideLebs;
        while (_wideAt < wide.Count && wide[_wideAt].Ordinal < ordinal) _wideAt++;
        return _wideAt < wide.Count && wide[_wideAt].Ordinal == ordinal ? wide[_wideAt].Width : 0;
    }

    /// <summary>Whether the next memarg spelled out memory index 0.</summary>
    public bool NextMemArgExplicitZero()
    {
        var ordinal = _memargs++;
        if (_layout is null) return false;
        var list = _layout.ExplicitMemoryZero;
        while (_memAt < list.Count && list[_memAt] < ordinal) _memAt++;
        return _memAt < list.Count && list[_memAt] == ordinal;
    }

    public bool HadSection(byte id) => _layout?.HasSection(id) ?? false;
}
