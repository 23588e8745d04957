using System.Globalization;
using Gust.Codegen;
using Gust.Codegen.Llvm;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Linking;
using Gust.Firmware.Qemu;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>
/// Builds the recorded steps of a script into one image — every instance compiled under its own
/// prefix, imports wired to their providers, a guarded harness — runs it, and reads each step's outcome.
/// </summary>
internal static class WastImage
{
    public static StepOutcome[] Run(TargetSession session, BoardManifest board, TimeSpan timeout)
    {
        var dir = Directory.CreateTempSubdirectory("gust-wast-");
        try
        {
            var instances = session.Instances.Values.ToList();
            var objects = new string[instances.Count];
            try
            {
                Parallel.For(0, objects.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
                {
                    objects[k] = Path.Combine(dir.FullName, $"{instances[k].Prefix}.o");
                    File.WriteAllBytes(objects[k], Clang.CompileIr(board.Target, instances[k].Ir));
                });
            }
            catch (AggregateException e) when (e.InnerExceptions[0] is WasmException w)
            {
                throw w;
            }
            var harness = Path.Combine(dir.FullName, "harness.ll");
            File.WriteAllText(harness, Harness(session));
            var harnessObj = Path.ChangeExtension(harness, ".o");
            Clang.CompileFile(board.Target, harness, harnessObj, ["-O1"]);
            var elf = Path.Combine(dir.FullName, "image.elf");
            FirmwareLinker.Link(board, [.. objects, harnessObj], elf);
            var run = QemuRunner.Run(board, elf, timeout);
            return Outcomes(session, run);
        }
        catch (WasmException e)
        {
            // The image could not be built: every step reports why.
            return session.Steps.Select(_ => new StepOutcome(null, null, e.Diagnostic.Message)).ToArray();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Harness(TargetSession session)
    {
        var h = new HarnessBuilder(guarded: true);
        foreach (var inst in session.Instances.Values)
        {
            var imports = inst.Module.ImportsOf(ExternKind.Func).ToList();
            for (var i = 0; i < imports.Count; i++)
            {
                var type = inst.Module.Types[(int)imports[i].FuncTypeIndex];
                var target = inst.Imports[i] is InstanceExport e ? ModuleSymbols.Export(e.Instance.Prefix, e.Name) : null;
                h.DefineImport(ModuleSymbols.Import(inst.Prefix, imports[i].Module, imports[i].Name), type, target);
            }
        }
        foreach (var step in session.Steps)
            switch (step)
            {
                case InstantiateStep s: h.Instantiate(s.Instance.Prefix); break;
                case InvokeStep s: h.Invoke(s.Instance.Prefix, s.Export, s.Type, s.Args); break;
                case GetStep s: h.Get(s.Instance.Prefix, s.Export, s.Type); break;
            }
        return h.Build();
    }

    /// <summary>Reads "N: values" and "N:trap: message …" lines; steps with no line get the reason the run stopped.</summary>
    private static StepOutcome[] Outcomes(TargetSession session, QemuResult run)
    {
        var outcomes = new StepOutcome?[session.Steps.Count];
        foreach (var raw in run.Console.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0 || !int.TryParse(line[..colon], out var n) || n < 0 || n >= outcomes.Length) continue;
            var rest = line[(colon + 1)..];
            outcomes[n] = rest.StartsWith("trap: ")
                ? new StepOutcome(null, rest["trap: ".Length..], null)
                : new StepOutcome(Values(rest, session.Steps[n]), null, null);
        }
        var why = run.TimedOut ? "the target run timed out before this step" : $"the target run stopped before this step (exit {run.ExitStatus}): {LastLine(run.Console)}";
        return outcomes.Select(o => o ?? new StepOutcome(null, null, why)).ToArray();
    }

    private static string LastLine(string console) => console.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";

    private static IReadOnlyList<WastValue> Values(string text, WastStep step)
    {
        var types = step switch
        {
            InvokeStep s => s.Type.Results,
            GetStep s => [s.Type],
            _ => [],
        };
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != types.Length) throw FirmwareError.Of($"harness output \"{text}\" does not match {types.Length} results");
        return words.Select((w, i) =>
        {
            var hex = w[(w.IndexOf(':') + 1)..];
            if (hex == "null") return new WastValue(types[i], 0, IsNull: true);
            return new WastValue(types[i], ulong.Parse(hex[2..], NumberStyles.HexNumber));
        }).ToList();
    }
}
