using System.Globalization;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Images;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>
/// Runs a batch as one firmware image under QEMU with a guarded harness (a trap ends only its
/// program) and reads the outcome of each program from the harness lines: "N: type:0xbits" or
/// "N:trap: message in function …".
/// </summary>
public static class TargetRunner
{
    public static Outcome[] Run(BoardManifest board, Module module, IReadOnlyList<DiffProgram> programs, TimeSpan timeout)
    {
        var count = programs.Count;
        var invocations = programs.Select((p, i) => new Invocation(Batch.Export(i), p.Args)).ToList();
        var result = TestImage.BuildAndRun(module, board, invocations, timeout: timeout, continueAfterTrap: true);
        var outcomes = new Outcome?[count];
        foreach (var raw in result.Console.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0 || !int.TryParse(line.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n >= count) continue;
            outcomes[n] = Parse(line[(colon + 1)..].Trim());
        }
        var why = result.TimedOut ? "the image timed out" : $"the image exited with status {result.ExitStatus}: {LastLine(result.Console + result.Diagnostics)}";
        return outcomes.Select(o => o ?? Outcome.Failed(why)).ToArray();
    }

    private static Outcome Parse(string text)
    {
        if (text.StartsWith("trap: ", StringComparison.Ordinal))
        {
            var message = text["trap: ".Length..];
            var end = message.IndexOf(" in function", StringComparison.Ordinal);
            if (end >= 0) message = message[..end];
            return TrapKinds.Parse(message) is { } kind ? Outcome.Trapped([kind]) : Outcome.Failed(text);
        }
        var parts = text.Split(':');
        if (parts.Length != 2 || !parts[1].StartsWith("0x", StringComparison.Ordinal) || !ulong.TryParse(parts[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits)) return Outcome.Failed(text);
        ValType? type = parts[0] switch { "i32" => ValType.I32, "i64" => ValType.I64, "f32" => ValType.F32, "f64" => ValType.F64, _ => null };
        return type is { } t ? Outcome.Of(new WastValue(t, bits)) : Outcome.Failed(text);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
