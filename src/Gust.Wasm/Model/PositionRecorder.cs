namespace Gust.Wasm;

/// <summary>
/// Collects the places of one expression's instructions while a reader or parser emits them, in a buffer
/// reused from one expression to the next, so each finished <see cref="InstrPositions"/> is allocated once
/// at its exact size however large the module.
/// </summary>
internal sealed class PositionRecorder
{
    private int[] _buffer = new int[64];
    private int _length;

    /// <summary>Starts a new expression, dropping what was recorded for the last one.</summary>
    public void Clear() => _length = 0;

    public void AddOffset(int offset)
    {
        Reserve(1);
        _buffer[_length++] = offset;
    }

    public void AddLine(int line, int column)
    {
        Reserve(2);
        _buffer[_length++] = line;
        _buffer[_length++] = column;
    }

    public InstrPositions ToOffsets() => InstrPositions.FromOffsets(_buffer.AsSpan(0, _length));
    public InstrPositions ToLinesAndColumns() => InstrPositions.FromLinesAndColumns(_buffer.AsSpan(0, _length));

    private void Reserve(int n)
    {
        if (_length + n > _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
    }
}
