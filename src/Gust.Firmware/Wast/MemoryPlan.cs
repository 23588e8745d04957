using Gust.Codegen;
using Gust.Firmware.Boards;
using Gust.Firmware.Linking;
using Gust.Wasm;

namespace Gust.Firmware.Wast;

/// <summary>
/// Plans the windows of a script's memories over the board's RAM and its extra RAM banks. Memories
/// that can grow — of modules that grow memory, and exported ones when some module grows an imported
/// memory — share the RAM and banks left after the other memories (which keep their minimum) and a
/// reserve: those whose maximum is below an equal share get their maximum, the rest split what is
/// left equally, in whole 64 KiB pages (an instance's memories all get the largest of their windows,
/// as <see cref="CodegenOptions.MemoryWindow"/> is per module). Then each window, largest first, goes
/// into the bank with the least room that holds it (the board's RAM on a tie, so a board without
/// banks is laid out as if there were none); a window no bank holds is split, its low part filling
/// the bank with the most room and the rest going to the next (a two-bank memory, <see cref="MemorySplit"/>).
/// </summary>
internal static class MemoryPlan
{
    /// <summary>RAM kept for the stack, tables, globals and data besides the memory windows.</summary>
    private const ulong RamReserve = 512 << 10;

    /// <summary>At most this much RAM goes to the windows of memories that can grow: reset zeroes it on every run.</summary>
    private const ulong GrowthRam = 32 << 20;

    private const ulong Page = 65536;

    private sealed class Bank(string? section, ulong room)
    {
        public string? Section { get; } = section;
        public ulong Room { get; set; } = room;
    }

    public static void Apply(List<TargetInstance> instances, BoardManifest board)
    {
        var growers = instances.Any(i => i.GrowsMemory && i.Module.ImportedMemoryCount > 0);
        var growing = instances.Where(i => i.GrowsMemory || (growers && i.ExportsMemory)).ToList();
        var fixedMemories = Defined(instances.Except(growing)).Select(m => (m.Instance, m.Index, Window: MinBytes(m.Type))).ToList();
        var fixedBytes = fixedMemories.Aggregate(0UL, (sum, m) => sum + m.Window);
        var banks = new List<Bank> { new(null, board.Ram.Length > RamReserve ? board.Ram.Length - RamReserve : 0) };
        banks.AddRange(board.RamBanks.Select((b, k) => new Bank(LinkerScript.BankSection(k + 1), b.Length)));
        var room = banks.Aggregate(0UL, (sum, b) => sum + b.Room);
        var left = Math.Min(room > fixedBytes ? room - fixedBytes : 0, GrowthRam);
        var memories = Defined(growing).OrderBy(m => Cap(m.Type)).ToList();
        for (var k = 0; k < memories.Count; k++)
        {
            var window = Math.Min(Cap(memories[k].Type), left / (ulong)(memories.Count - k) / Page * Page);
            left -= Math.Min(window, left);
            memories[k].Instance.MemoryWindow = Math.Max(memories[k].Instance.MemoryWindow ?? 0, window);
        }
        // As MemoryLayout sizes them: the instance's window within the memory's minimum and maximum.
        var windows = memories.Select(m => (m.Instance, m.Index, Window: Math.Min(Math.Max(m.Instance.MemoryWindow ?? 0, MinBytes(m.Type)), Cap(m.Type))));
        foreach (var (instance, index, window) in windows.Concat(fixedMemories).OrderByDescending(m => m.Window))
            instance.MemoryPlacements[index] = Place(banks, window);
    }

    private static IEnumerable<(TargetInstance Instance, uint Index, MemoryType Type)> Defined(IEnumerable<TargetInstance> instances) =>
        instances.SelectMany(i => i.Module.Memories.Select((m, k) => (i, (uint)(i.Module.ImportedMemoryCount + k), m)));

    private static ulong MinBytes(MemoryType m) => m.Limits.Min * m.PageSize;

    private static ulong Cap(MemoryType m) => m.Limits.Max is { } max ? Math.Max(max, m.Limits.Min) * m.PageSize : ulong.MaxValue;

    private static MemoryPlacement Place(List<Bank> banks, ulong window)
    {
        if (banks.Where(b => b.Room >= window).MinBy(b => b.Room) is { } fits)
        {
            fits.Room -= window;
            return new MemoryPlacement(fits.Section);
        }
        // What does not fit overflows a bank at link time, which every step of the script then reports.
        var ranked = banks.OrderByDescending(b => b.Room).ToList();
        var (low, high) = (ranked[0], ranked.Count > 1 ? ranked[1] : ranked[0]);
        var lowBytes = low.Room / Page * Page;
        if (lowBytes == 0 || low == high) return new MemoryPlacement(low.Section);
        low.Room -= lowBytes;
        high.Room -= Math.Min(high.Room, window - lowBytes);
        return new MemoryPlacement(low.Section, new MemorySplit(lowBytes, high.Section));
    }
}
