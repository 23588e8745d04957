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
    IReadOnlyList<MemoryRange> RamBanks);

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
