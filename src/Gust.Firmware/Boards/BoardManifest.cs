using Gust.Codegen;

namespace Gust.Firmware.Boards;

/// <summary>
/// A board as its manifest (boards/NAME.toml) describes it. <see cref="RamBanks"/> are RAM apart from
/// <see cref="Ram"/> (none on most boards): only wasm memory windows go there.
/// </summary>
public sealed record BoardManifest(
    string Name,
    string Core,
    Target Target,
    MemoryRange Flash,
    MemoryRange Ram,
    ConsoleUart Console,
    ExitMethod Exit,
    QemuMachine Qemu,
    IReadOnlyList<MemoryRange> RamBanks)
{
    /// <summary>How call-stack exhaustion is caught ([stack] in the manifest); a limit check when the table is absent.</summary>
    public StackGuard Stack { get; init; } = StackGuard.LimitCheck;
}

public readonly record struct MemoryRange(ulong Origin, ulong Length)
{
    public ulong End => Origin + Length;

    public bool Overlaps(MemoryRange other) => Origin < other.End && other.Origin < End;
}

public enum UartKind { CmsdkUart, Ns16550 }

public sealed record ConsoleUart(UartKind Kind, ulong Address);

public enum ExitKind { Semihosting, SifiveTest }

/// <summary>How firmware ends a QEMU run with a status; Address is the sifive_test device's.</summary>
public sealed record ExitMethod(ExitKind Kind, ulong Address);

public sealed record QemuMachine(string System, string Machine, IReadOnlyList<string> Args);

/// <summary>
/// Check: every function compares the stack pointer with a limit on entry. Mpu, Pmp: a region of
/// <see cref="StackGuard.Size"/> bytes just below the RAM origin, where the stack ends, faults on any
/// access (an ARMv7-M MPU region; a locked RISC-V PMP entry, which binds M-mode too).
/// </summary>
public enum StackGuardKind { Check, Mpu, Pmp }

public sealed record StackGuard(StackGuardKind Kind, ulong Size)
{
    public static readonly StackGuard LimitCheck = new(StackGuardKind.Check, 0);

    /// <summary>What the codegen needs (<see cref="Codegen.CodegenOptions.StackGuard"/>): the guard's size, or null for the check.</summary>
    public ulong? CodegenGuard => Kind == StackGuardKind.Check ? null : Size;
}
