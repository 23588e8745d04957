using System.Text;
using Gust.Codegen;
using Gust.Firmware.Boards;

namespace Gust.Firmware.Linking;

/// <summary>
/// The C runtime for a board: start-up, console UART, exit and trap reporting, chosen from the
/// embedded sources by the manifest, plus the trap message table generated from <see cref="TrapKinds"/>.
/// </summary>
public static class RuntimeSources
{
    /// <summary>Writes the sources this board needs into <paramref name="dir"/>; returns the .c files to compile.</summary>
    public static IReadOnlyList<string> WriteTo(string dir, BoardManifest board)
    {
        var files = new List<string>
        {
            "start.c", "print.c", "trap.c", "wasm_math.c", "banks.c",
            board.Target.Isa == Isa.RiscV ? "startup_riscv.c" : "startup_cortexm.c",
            board.Console.Kind == UartKind.CmsdkUart ? "uart_cmsdk.c" : "uart_ns16550.c",
            board.Exit.Kind == ExitKind.Semihosting ? "exit_semihosting_arm.c" : "exit_sifive_test.c",
        };
        if (board.Exit.Kind == ExitKind.Semihosting && board.Target.Isa != Isa.Thumb)
            throw FirmwareError.Of($"board {board.Name}: semihosting exit on RISC-V is not written yet");
        Extract(dir, "runtime.h");
        foreach (var f in files) Extract(dir, f);
        File.WriteAllText(Path.Combine(dir, "trap_messages.c"), TrapMessages());
        return [.. files.Select(f => Path.Combine(dir, f)), Path.Combine(dir, "trap_messages.c")];
    }

    /// <summary>The defines the sources read: where the console UART, the exit device and the stack guard are, how many extra RAM banks reset zeroes, and the trap kinds the runtime reports.</summary>
    public static IReadOnlyList<string> Defines(BoardManifest board)
    {
        List<string> defines =
        [
            $"-DGUST_CONSOLE_ADDRESS=0x{board.Console.Address:X}u", $"-DGUST_EXIT_ADDRESS=0x{board.Exit.Address:X}u",
            $"-DGUST_TRAP_OUT_OF_BOUNDS_MEMORY={(int)TrapKind.OutOfBoundsMemory}u", $"-DGUST_TRAP_CALL_STACK_EXHAUSTED={(int)TrapKind.CallStackExhausted}u",
            $"-DGUST_RAM_BANKS={board.RamBanks.Count}",
        ];
        if (board.Stack.Kind != StackGuardKind.Check)
            defines.AddRange([$"-DGUST_STACK_GUARD_BASE=0x{board.Ram.Origin - board.Stack.Size:X}u", $"-DGUST_STACK_GUARD_SIZE=0x{board.Stack.Size:X}u"]);
        return defines;
    }

    private static void Extract(string dir, string name)
    {
        using var s = typeof(RuntimeSources).Assembly.GetManifestResourceStream($"Gust.Firmware.Runtime.{name}")
            ?? throw new InvalidOperationException($"runtime source {name} is not embedded");
        using var f = File.Create(Path.Combine(dir, name));
        s.CopyTo(f);
    }

    private static string TrapMessages()
    {
        var sb = new StringBuilder("/* Generated from Gust.Codegen.TrapKinds */\n#include <stdint.h>\n");
        sb.AppendLine("const char *const gust_trap_messages[] = {");
        foreach (var k in TrapKinds.All) sb.AppendLine($"    \"{k.Message()}\",");
        sb.AppendLine("};");
        sb.AppendLine($"const uint32_t gust_trap_message_count = {TrapKinds.All.Count};");
        return sb.ToString();
    }
}
