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

    /// <summary>Entries reserved for each table; null means its minimum. table.grow succeeds up to it.</summary>
    public ulong? TableWindow { get; init; }

    /// <summary>
    /// The room of an imported memory (bytes) or table (entries) as its provider reserved it, so this
    /// module grows the shared storage no further than it reaches. Null, or no answer, means the same
    /// rule as for the module's own memories and tables.
    /// </summary>
    public Func<Import, ulong?>? ImportCapacity { get; init; }

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
