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
    public static (StepOutcome[] Outcomes, SizeProbes Probes) Run(TargetSession session, BoardManifest board, TimeSpan timeout)
    {
        var dir = Directory.CreateTempSubdirectory("gust-wast-");
        try
        {
            var instances = session.Instances.Values.ToList();
            MemoryPlan.Apply(instances, board);
            var objects = new string[instances.Count];
            try
            {
                Parallel.For(0, objects.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
                {
                    objects[k] = Path.Combine(dir.FullName, $"{instances[k].Prefix}.o");
                    File.WriteAllBytes(objects[k], Clang.CompileIr(board.Target, ModuleCompiler.EmitIr(instances[k].Module, instances[k].Options() with { StackGuard = board.Stack.CodegenGuard })));
                });
            }
            catch (AggregateException e) when (e.InnerExceptions[0] is WasmException w)
            {
                throw w;
            }
            var harness = Path.Combine(dir.FullName, "harness.ll");
            File.WriteAllText(harness, Harness(session) + SpectestDefinitions);
            var harnessObj = Path.ChangeExtension(harness, ".o");
            Clang.CompileFile(board.Target, harness, harnessObj, ["-O1"]);
            var elf = Path.Combine(dir.FullName, "image.elf");
            FirmwareLinker.Link(board, [.. objects, harnessObj], elf, Aliases(session));
            var run = QemuRunner.Run(board, elf, timeout);
            return (Outcomes(session, run), Probes(run, ProbedSizes(session)));
        }
        catch (WasmException e)
        {
            // The image could not be built: every step reports why.
            return (session.Steps.Select(_ => new StepOutcome(null, null, e.Diagnostic.Message)).ToArray(), new SizeProbes());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Harness(TargetSession session)
    {
        var h = new HarnessBuilder(guarded: true);
        h.ProbeAfterEachStep(ProbedSizes(session), symbol => !symbol.StartsWith(SpectestPrefix, StringComparison.Ordinal));
        foreach (var inst in session.Instances.Values)
        {
            var imports = inst.Module.ImportsOf(ExternKind.Func).ToList();
            for (var i = 0; i < imports.Count; i++)
            {
                var type = inst.Module.Types[(int)imports[i].FuncTypeIndex];
                var handle = inst.Imports[inst.Module.Imports.IndexOf(imports[i])];
                h.DefineImport(ModuleSymbols.Import(inst.Prefix, imports[i].Module, imports[i].Name), type, Provider(handle));
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

    private const string SpectestPrefix = SpectestInstance.Prefix;

    /// <summary>spectest's globals, table and memory (<see cref="SpectestInstance"/>): 666 and 666.6, 10 of 20 entries, 1 of 2 pages.</summary>
    private static readonly string SpectestDefinitions = $"""

        @{SpectestPrefix}global_i32 = global i32 666
        @{SpectestPrefix}global_i64 = global i64 666
        @{SpectestPrefix}global_f32 = global float 0x4084D4CCC0000000
        @{SpectestPrefix}global_f64 = global double 0x4084D4CCCCCCCCCD
        @{SpectestPrefix}table = global [{SpectestInstance.TableLimits.Max} x ptr] zeroinitializer
        @"{SpectestPrefix}table.size" = global i32 {SpectestInstance.TableLimits.Min}
        @{SpectestPrefix}memory = global [{SpectestInstance.Capacity("memory")} x i8] zeroinitializer, align 16
        @"{SpectestPrefix}memory.size" = global i32 {SpectestInstance.MemoryLimits.Min * 65536}

        """;

    /// <summary>
    /// The symbol that defines what a handle names: an instance's own export, followed through
    /// re-exports of imports to the instance that defines it; spectest's by name. Null for spectest's
    /// print functions, which the harness defines as no-ops.
    /// </summary>
    private static string? Provider(TargetHandle handle) => handle switch
    {
        SpectestExport s => SpectestInstance.IsFunction(s.Name) ? null : SpectestPrefix + s.Name,
        InstanceExport e when ReExported(e.Instance, e.Name) is { } import => Provider(e.Instance.Imports[e.Instance.Module.Imports.IndexOf(import)]),
        InstanceExport e => ModuleSymbols.Export(e.Instance.Prefix, e.Name),
        _ => null,
    };

    private static Import? ReExported(TargetInstance instance, string export)
    {
        var e = instance.Module.Exports.First(x => x.Name == export);
        var imported = instance.Module.ImportsOf(e.Kind).ToList();
        return e.Index < imported.Count ? imported[(int)e.Index] : null;
    }

    /// <summary>
    /// Link-time names for what modules share: each imported global, memory and table (and its size,
    /// and a two-bank memory's high bank) is its provider's symbol; a re-exported import's export symbol is its provider's too (a
    /// function from spectest: the harness's no-op for the import).
    /// </summary>
    private static Dictionary<string, string> Aliases(TargetSession session)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        void Alias(string name, string target, ExternKind kind, bool twoBank)
        {
            aliases[name] = target;
            if (kind is ExternKind.Memory or ExternKind.Table) aliases[ModuleSymbols.Size(name)] = ModuleSymbols.Size(target);
            if (twoBank) aliases[ModuleSymbols.High(name)] = ModuleSymbols.High(target);
        }
        foreach (var inst in session.Instances.Values)
        {
            for (var i = 0; i < inst.Module.Imports.Count; i++)
            {
                var imp = inst.Module.Imports[i];
                if (imp.Kind != ExternKind.Func && Provider(inst.Imports[i]) is { } target)
                    Alias(ModuleSymbols.Import(inst.Prefix, imp.Module, imp.Name), target, imp.Kind, inst.ImportsTwoBankMemory(imp));
            }
            foreach (var e in inst.Module.Exports)
                if (ReExported(inst, e.Name) is { } import)
                {
                    var own = ModuleSymbols.Import(inst.Prefix, import.Module, import.Name);
                    Alias(ModuleSymbols.Export(inst.Prefix, e.Name), e.Kind == ExternKind.Func ? own : Provider(inst.Imports[inst.Module.Imports.IndexOf(import)]) ?? own, e.Kind,
                        inst.ImportsTwoBankMemory(import));
                }
        }
        return aliases;
    }

    /// <summary>The size globals of every exported memory and table and of spectest's, when the session needs them reported.</summary>
    private static List<string> ProbedSizes(TargetSession session) => !session.NeedsProbes ? [] :
    [
        .. session.Instances.Values.SelectMany(i => i.Module.Exports.Where(e => e.Kind is ExternKind.Memory or ExternKind.Table).Select(e => i.SizeSymbol(e.Name))),
        SpectestInstance.SizeSymbol("memory"), SpectestInstance.SizeSymbol("table"),
    ];

    /// <summary>Reads the "N# i32:0x… …" lines: one size per probed global, after step N.</summary>
    private static SizeProbes Probes(QemuResult run, List<string> symbols)
    {
        var probes = new SizeProbes();
        foreach (var raw in run.Console.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var hash = line.IndexOf('#');
            if (hash <= 0 || !int.TryParse(line[..hash], out var n)) continue;
            var words = line[(hash + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != symbols.Count) continue;
            for (var k = 0; k < words.Length; k++)
                probes.Add(n, symbols[k], ulong.Parse(words[k][(words[k].IndexOf(':') + 3)..], NumberStyles.HexNumber));
        }
        return probes;
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
