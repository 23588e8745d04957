using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// One linear memory as a RAM window: a zero-initialized byte array of <see cref="WindowBytes"/>
/// whose current size (bytes) lives in a global. memory.grow succeeds while the new size fits in
/// both the window and the declared maximum.
/// </summary>
internal sealed class MemoryLayout
{
    public MemoryLayout(ModuleContext m, int index, MemoryType type)
    {
        Index = index;
        Type = type;
        Imported = index < m.Module.ImportedMemoryCount;
        var imp = Imported ? m.ImportOf(ExternKind.Memory, (uint)index) : null;
        var name = imp is null ? $"{m.Prefix}.mem{index}" : ModuleSymbols.Import(m.Prefix, imp.Module, imp.Name);
        Symbol = LlvmNames.Global(name);
        SizeSymbol = LlvmNames.Global(imp is null ? $"{name}.bytes" : ModuleSymbols.Size(name));
        // Another module may grow a memory it shares with this one.
        SizeVaries = m.GrowsMemory || Imported || m.Module.Exports.Any(e => e.Kind == ExternKind.Memory && e.Index == index);
        MinBytes = type.Limits.Min * type.PageSize;
        var maxBytes = type.Limits.Max is { } max ? max * type.PageSize : ulong.MaxValue;
        var window = Math.Max((imp is null ? null : m.Options.ImportCapacity?.Invoke(imp)) ?? m.Options.MemoryWindow ?? MinBytes, MinBytes);
        WindowBytes = Math.Min(window, maxBytes);
        if (WindowBytes > uint.MaxValue)
            throw Unsupported.Error($"memory {index} needs {WindowBytes} bytes, more than a 32-bit RAM window can hold");
        // Whole pages only: the window ends where the last page that fits ends.
        WindowBytes = WindowBytes / type.PageSize * type.PageSize;
        MaxPages = WindowBytes / type.PageSize;
        var placement = imp is null ? m.Options.MemoryPlacement?.Invoke(index) : null;
        Section = placement?.Section;
        var split = imp is null ? placement?.Split?.LowBytes : m.Options.ImportSplit?.Invoke(imp);
        if (split is { } low && low < WindowBytes)
        {
            if (low == 0) throw Unsupported.Error($"memory {index}: a two-bank split needs a non-empty low bank");
            LowBytes = low;
            HighSection = placement?.Split?.HighSection;
        }
        HighSymbol = LlvmNames.Global(ModuleSymbols.High(name));
    }

    public int Index { get; }

    /// <summary>Imported: the provider defines the window and its size under the import's symbols.</summary>
    public bool Imported { get; }

    /// <summary>Whether the size can change at run time (a load of <see cref="SizeSymbol"/>) or is the minimum.</summary>
    public bool SizeVaries { get; }
    public MemoryType Type { get; }
    public string Symbol { get; }
    public string SizeSymbol { get; }
    public ulong MinBytes { get; }
    public ulong WindowBytes { get; }
    public ulong MaxPages { get; }
    public int PageSizeLog2 => Type.PageSizeLog2;

    /// <summary>The linker section of a defined memory's window; null: .bss.</summary>
    public string? Section { get; }

    /// <summary>
    /// A two-bank memory keeps bytes [0, LowBytes) at <see cref="Symbol"/> and the rest of the window
    /// at <see cref="HighSymbol"/> (in <see cref="HighSection"/>); null: one bank, the whole window at Symbol.
    /// </summary>
    public ulong? LowBytes { get; }
    public bool TwoBank => LowBytes is not null;
    public string HighSymbol { get; }
    public string? HighSection { get; }

    /// <summary>Bytes at <see cref="Symbol"/>.</summary>
    public ulong LowWindowBytes => LowBytes ?? WindowBytes;
}
