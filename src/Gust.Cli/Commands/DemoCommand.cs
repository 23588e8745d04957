using System.CommandLine;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Images;
using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;

namespace Gust.Cli.Commands;

/// <summary>
/// `gust demo`: until the Gust OS and dissolve exist, shows the furthest stage that works — the demo
/// program run on the host (Wasmtime) and compiled to native code for each board, with the
/// transcripts compared line by line.
/// </summary>
public static class DemoCommand
{
    private static readonly Invocation[] Calls =
    [
        new("fib", [WastValue.I32(90)]),
        new("crc32", [WastValue.I32(16), WastValue.I32(40)]),
        new("primes", [WastValue.I32(20000)]),
        new("hypot", [WastValue.F32(BitConverter.SingleToUInt32Bits(3f)), WastValue.F32(BitConverter.SingleToUInt32Bits(4f))]),
        new("divide", [WastValue.I32(7), WastValue.I32(0)]),
    ];

    public static Command Create()
    {
        var board = new Option<string?>("--board") { Description = "run on this board only (default: every board Gust has a manifest for)" };
        var cmd = new Command("demo", "Build the demo and boot it under QEMU (today: a wasm program compiled to native code; the OS comes later).") { board };
        cmd.SetAction(r => CliErrors.Guard(() => Run(r.GetValue(board))));
        return cmd;
    }

    private static int Run(string? onlyBoard)
    {
        Console.WriteLine("gust demo — the Gust OS, components and stm32vldiscovery firmware are not built yet.");
        Console.WriteLine("Showing the furthest stage that works: a wasm program, validated, run on the host and");
        Console.WriteLine("compiled to native code for each board under QEMU, with the transcripts compared.\n");

        var path = Path.Combine(AppContext.BaseDirectory, "examples", "demo.wat");
        var module = WatParser.ParseModule(File.ReadAllText(path), "examples/demo/demo.wat");
        Validator.Validate(module, path);
        var binary = ModuleWriter.Write(module);
        Console.WriteLine($"  examples/demo/demo.wat → {binary.Length} bytes of wasm, {module.FuncCount} functions, valid");

        var expected = HostTranscript(module, binary);
        Console.WriteLine("  host (Wasmtime):");
        foreach (var line in expected) Console.WriteLine($"    {Describe(line)}");

        var boards = onlyBoard is null ? BoardCatalog.Names() : [onlyBoard];
        var allSame = true;
        foreach (var name in boards)
        {
            var b = BoardCatalog.Load(name);
            Console.Write($"  {name} ({b.Target}, QEMU {b.Qemu.Machine}): compiling, linking, booting… ");
            var result = TestImage.BuildAndRun(module, b, Calls);
            var lines = result.Console.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var same = lines.Select(Normalize).SequenceEqual(expected);
            allSame &= same;
            Console.WriteLine(same ? $"same transcript as the host (exit status {result.ExitStatus})" : "DIFFERENT transcript:");
            if (!same) foreach (var l in lines) Console.WriteLine($"    {l}");
        }
        Console.WriteLine();
        Console.WriteLine(allSame
            ? $"Same results, byte for byte, on the host and {boards.Count} board(s); the trap was reported on each."
            : "The transcripts differ: that is a bug in Gust; please report it with the output above.");
        return allSame ? 0 : 1;
    }

    /// <summary>The firmware harness prints "N: type:0xbits …" per call and "trap: kind in function …"; the host's lines are made to match.</summary>
    private static List<string> HostTranscript(Module module, byte[] binary)
    {
        using var host = new WasmtimeHost();
        using var engine = host.CreateEngine();
        var instance = engine.Compile(module, binary).Instantiate([]);
        var lines = new List<string>();
        for (var n = 0; n < Calls.Length; n++)
        {
            try
            {
                var values = instance.Invoke(Calls[n].Export, Calls[n].Args);
                lines.Add($"{n}:" + string.Concat(values.Select(v => $" {v.Type.Name()}:0x{v.Bits.ToString(v.Type is ValType.I64 or ValType.F64 ? "x16" : "x8")}")));
            }
            catch (WastTrapException e)
            {
                lines.Add($"{n}:trap: {e.Kinds[0].Message()}");
                break;
            }
        }
        return lines;
    }

    /// <summary>The firmware's trap line also names the function; the host's does not, so compare the kind only.</summary>
    private static string Normalize(string line) => line.Contains(":trap: ") && line.Contains(" in function ") ? line[..line.IndexOf(" in function ")] : line;

    private static string Describe(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = int.Parse(parts[0][..parts[0].IndexOf(':')]);
        var call = $"{Calls[n].Export}({string.Join(", ", Calls[n].Args.Select(Show))})";
        if (line.Contains(":trap: ")) return $"{call} → {line[(line.IndexOf(':') + 1)..]}";
        return parts.Length == 1 ? call : $"{call} = {string.Join(", ", parts.Skip(1).Select(ShowBits))}";
    }

    private static string Show(WastValue v) => v.Type switch
    {
        ValType.F32 => BitConverter.UInt32BitsToSingle((uint)v.Bits).ToString("R"),
        ValType.I32 => ((int)(uint)v.Bits).ToString(),
        _ => v.Bits.ToString(),
    };

    private static string ShowBits(string typed)
    {
        var (type, hex) = (typed[..3], Convert.ToUInt64(typed[6..], 16));
        return type switch
        {
            "i32" => $"{(int)(uint)hex} (0x{hex:x8})",
            "f32" => BitConverter.UInt32BitsToSingle((uint)hex).ToString("R"),
            "f64" => BitConverter.UInt64BitsToDouble(hex).ToString("R"),
            _ => ((long)hex).ToString(),
        };
    }
}
