using Gust.Wasm;

namespace Gust.Codegen;

/// <summary>How one module is compiled.</summary>
public sealed record CodegenOptions(Target Target)
{
    /// <summary>
    /// Bounds checks on memory accesses. On by default; turning them off is for measuring their
    /// cost only: an out-of-bounds access then reads or writes whatever RAM lies there.
    /// </summary>
    public bool BoundsChecks { get; init; } = true;

    /// <summary>
    /// Bytes reserved for each linear memory (the RAM window). Null means the memory's minimum
    /// size; memory.grow succeeds up to the window and returns -1 past it.
    /// </summary>
    public ulong? MemoryWindow { get; init; }

    /// <summary>
    /// Where the window of each memory the module defines goes, by memory index: a linker section,
    /// and for a window larger than the bank behind it, a second bank for the rest. Null, or no
    /// answer: one piece in .bss.
    /// </summary>
    public Func<int, MemoryPlacement?>? MemoryPlacement { get; init; }

    /// <summary>Entries reserved for each table; null means its minimum. table.grow succeeds up to it.</summary>
    public ulong? TableWindow { get; init; }

    /// <summary>
    /// The room of an imported memory (bytes) or table (entries) as its provider reserved it, so this
    /// module grows the shared storage no further than it reaches. Null, or no answer, means the same
    /// rule as for the module's own memories and tables.
    /// </summary>
    public Func<Import, ulong?>? ImportCapacity { get; init; }

    /// <summary>
    /// The low bank's length of an imported two-bank memory as its provider split it (<see cref="MemorySplit"/>);
    /// null, or no answer, means the provider keeps the memory in one piece.
    /// </summary>
    public Func<Import, ulong?>? ImportSplit { get; init; }

    /// <summary>
    /// Bytes of a guard below the stack that faults on any access (an MPU region, a locked PMP
    /// entry), which the firmware reports as call stack exhausted; null when there is none. Without
    /// a guard each function checks on entry that the stack pointer is above the link-time symbol
    /// <c>gust_stack_limit</c>, so deep recursion traps instead of running the stack into other
    /// data; with one, only functions whose frame could be larger than the guard check.
    /// </summary>
    public ulong? StackGuard { get; init; }

    /// <summary>Prefix of every symbol the module defines, so several modules can share one image.</summary>
    public string SymbolPrefix { get; init; } = "wasm";
}

/// <summary>A section for memory windows (null: .bss with the rest of RAM's data), and where a window too large for it goes on.</summary>
public sealed record MemoryPlacement(string? Section, MemorySplit? Split = null);

/// <summary>
/// A two-bank memory: bytes [0, LowBytes) in the placement's section, the rest of the window in
/// HighSection (null: .bss). Only a window larger than LowBytes is split.
/// </summary>
public sealed record MemorySplit(ulong LowBytes, string? HighSection);
