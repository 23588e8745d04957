namespace Gust.Firmware.Wast;

/// <summary>
/// The sizes (bytes of a memory, entries of a table) an image reported after each step, by the
/// symbol of the size's global: lines "N# i32:0x… …", one value per probed symbol in order.
/// </summary>
internal sealed class SizeProbes
{
    private readonly Dictionary<string, List<(int Step, ulong Size)>> _bySymbol = new(StringComparer.Ordinal);

    public void Add(int step, string symbol, ulong size)
    {
        if (!_bySymbol.TryGetValue(symbol, out var list)) _bySymbol[symbol] = list = new();
        list.Add((step, size));
    }

    /// <summary>The size after the last step before <paramref name="position"/> (the number of steps done), if reported.</summary>
    public ulong? Before(int position, string symbol)
    {
        if (!_bySymbol.TryGetValue(symbol, out var list)) return null;
        for (var i = list.Count - 1; i >= 0; i--)
            if (list[i].Step < position) return list[i].Size;
        return null;
    }
}
