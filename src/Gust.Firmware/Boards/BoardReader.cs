using Gust.Codegen;
using Gust.Wasm;
using Tomlyn;
using Tomlyn.Model;

namespace Gust.Firmware.Boards;

/// <summary>Reads a board manifest; a missing or mistyped field is an error naming the file and the key.</summary>
public static class BoardReader
{
    public static BoardManifest Read(string toml, string file)
    {
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(toml) ?? throw Error(file, "empty manifest");
        }
        catch (TomlException e)
        {
            throw Error(file, e.Message);
        }
        var target = Text(root, "target", file);
        var flash = Range(Table(root, "flash", file), file);
        var ram = Range(Table(root, "ram", file), file);
        var board = new BoardManifest(
            Text(root, "name", file),
            Text(root, "core", file),
            Target.Find(target) ?? throw Error(file, $"target \"{target}\" is not one of {string.Join(", ", Target.All)}"),
            flash,
            ram,
            Console(Table(root, "console", file), file),
            Exit(Table(root, "exit", file), file),
            Qemu(Table(root, "qemu", file), file),
            RamBanks(root, [flash, ram], file))
        {
            Stack = root.TryGetValue("stack", out var stack) && stack is TomlTable t ? Stack(t, file) : StackGuard.LimitCheck,
        };
        var guard = board.Stack;
        if (guard.Kind != StackGuardKind.Check && guard.Kind != (board.Target.Isa == Isa.RiscV ? StackGuardKind.Pmp : StackGuardKind.Mpu))
            throw Error(file, $"stack guard \"{guard.Kind.ToString().ToLowerInvariant()}\" does not exist on {board.Target}");
        if (guard.Size > 0 && board.Ram.Origin % guard.Size != 0)
            throw Error(file, $"the stack guard sits below the RAM origin 0x{board.Ram.Origin:X8}, which is not aligned to its size 0x{guard.Size:X}");
        var below = new MemoryRange(board.Ram.Origin - guard.Size, guard.Size);
        if (guard.Size > 0 && board.RamBanks.Prepend(board.Flash).FirstOrDefault(below.Overlaps) is { Length: > 0 } other)
            throw Error(file, $"the stack guard 0x{below.Origin:X}..0x{below.End:X} below RAM overlaps 0x{other.Origin:X}..0x{other.End:X}");
        return board;
    }

    private static StackGuard Stack(TomlTable t, string file)
    {
        var kind = Text(t, "guard", file) switch
        {
            "check" => StackGuardKind.Check,
            "mpu" => StackGuardKind.Mpu,
            "pmp" => StackGuardKind.Pmp,
            var k => throw Error(file, $"stack guard \"{k}\" is not check, mpu or pmp"),
        };
        if (kind == StackGuardKind.Check) return StackGuard.LimitCheck;
        var size = Number(t, "guard_size", file);
        // An MPU region and a NAPOT PMP entry are a power of two in size, aligned to it.
        if (size < 32 || (size & (size - 1)) != 0) throw Error(file, $"stack guard_size 0x{size:X} is not a power of two of at least 32 bytes");
        return new StackGuard(kind, size);
    }

    /// <summary>[[ram_banks]]: each a non-empty 32-bit range apart from flash, RAM and the other banks.</summary>
    private static IReadOnlyList<MemoryRange> RamBanks(TomlTable root, List<MemoryRange> taken, string file)
    {
        if (!root.TryGetValue("ram_banks", out var v)) return [];
        if (v is not TomlTableArray banks) throw Error(file, "ram_banks must be an array of tables ([[ram_banks]])");
        var list = new List<MemoryRange>();
        foreach (var t in banks)
        {
            var bank = Range(t, file);
            if (bank.Length == 0 || bank.End > 1UL << 32)
                throw Error(file, $"ram bank at 0x{bank.Origin:X} must be non-empty and end within 4 GiB");
            if (taken.FirstOrDefault(bank.Overlaps) is { Length: > 0 } other)
                throw Error(file, $"ram bank at 0x{bank.Origin:X} overlaps 0x{other.Origin:X}..0x{other.End:X}");
            taken.Add(bank);
            list.Add(bank);
        }
        return list;
    }

    private static MemoryRange Range(TomlTable t, string file) => new(Number(t, "origin", file), Number(t, "length", file));

    private static ConsoleUart Console(TomlTable t, string file) => new(Text(t, "kind", file) switch
    {
        "cmsdk-uart" => UartKind.CmsdkUart,
        "ns16550" => UartKind.Ns16550,
        var k => throw Error(file, $"console kind \"{k}\" is not cmsdk-uart or ns16550"),
    }, Number(t, "address", file));

    private static ExitMethod Exit(TomlTable t, string file) => Text(t, "method", file) switch
    {
        "semihosting" => new ExitMethod(ExitKind.Semihosting, 0),
        "sifive-test" => new ExitMethod(ExitKind.SifiveTest, Number(t, "address", file)),
        var k => throw Error(file, $"exit method \"{k}\" is not semihosting or sifive-test"),
    };

    private static QemuMachine Qemu(TomlTable t, string file)
    {
        var args = t.TryGetValue("args", out var a) && a is TomlArray arr ? arr.Select(x => x?.ToString() ?? "").ToList() : [];
        return new QemuMachine(Text(t, "system", file), Text(t, "machine", file), args);
    }

    private static TomlTable Table(TomlTable t, string key, string file) =>
        t.TryGetValue(key, out var v) && v is TomlTable table ? table : throw Error(file, $"missing table [{key}]");

    private static string Text(TomlTable t, string key, string file) =>
        t.TryGetValue(key, out var v) && v is string s ? s : throw Error(file, $"missing string \"{key}\"");

    private static ulong Number(TomlTable t, string key, string file) =>
        t.TryGetValue(key, out var v) && v is long n && n >= 0 ? (ulong)n : throw Error(file, $"missing non-negative integer \"{key}\"");

    private static WasmException Error(string file, string message) =>
        new(new Diagnostic(DiagnosticKind.Error, $"board manifest: {message}", SourceLocation.AtOffset(file, -1)));
}
