using Gust.Codegen;

namespace Gust.Firmware.Boards;

/// <summary>A board as its manifest (boards/NAME.toml) describes it.</summary>
public sealed record BoardManifest(
    string Name,
    string Core,
    Target Target,
    MemoryRange Flash,
    MemoryRange Ram,
    ConsoleUart Console,
    ExitMethod Exit,
    QemuMachine Qemu);

public readonly record struct MemoryRange(ulong Origin, ulong Length)
{
    public ulong End => Origin + Length;
}

public enum UartKind { CmsdkUart, Ns16550 }

public sealed record ConsoleUart(UartKind Kind, ulong Address);

public enum ExitKind { Semihosting, SifiveTest }

/// <summary>How firmware ends a QEMU run with a status; Address is the sifive_test device's.</summary>
public sealed record ExitMethod(ExitKind Kind, ulong Address);

public sealed record QemuMachine(string System, string Machine, IReadOnlyList<string> Args);
