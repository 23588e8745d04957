using System.CommandLine;
using Gust.Component.Wast;
using Gust.Firmware.Boards;
using Gust.Firmware.Wast;
using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Cli.Commands;

/// <summary>
/// `gust wast FILES…`: runs spec scripts with Gust's parser, validator and writer in front of an
/// engine, one line per file, failures with where and why, and a closing `N passed, N failed, N skipped`.
/// </summary>
public static class WastCommand
{
    /// <summary>Failures listed per file; the rest are counted (all are in --json).</summary>
    private const int FailuresShown = 20;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "spec scripts (.wast)", Arity = ArgumentArity.OneOrMore };
        var target = new Option<string>("--target") { Description = "where modules run: host (Wasmtime); m3 (mps2-an385), m4 (mps2-an386), rv32 (virt-rv32) under QEMU", DefaultValueFactory = _ => "host" };
        target.AcceptOnlyFromAmong("host", "m3", "m4", "rv32");
        var jobs = new Option<int>("--jobs", "-j") { Description = "scripts run in parallel, Wasmtime engines or QEMU instances (default: processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<string?>("--json") { Description = "also write every command's result to this JSON file" };
        var cmd = new Command("wast", "Run WebAssembly spec scripts (.wast) and report passed, failed and skipped commands.") { files, target, jobs, json };
        cmd.SetAction(r => CliErrors.Guard(() => Run(r.GetValue(files)!, r.GetValue(target)!, r.GetValue(jobs), r.GetValue(json))));
        return cmd;
    }

    private static int Run(string[] files, string target, int jobs, string? json)
    {
        if (jobs < 1)
        {
            Console.Error.WriteLine("error: --jobs must be at least 1");
            return 2;
        }
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"error: {missing}: no such file");
            return 1;
        }

        var names = DisplayNames(files);
        var progress = !Console.IsErrorRedirected;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var host = target == "host" ? new WasmtimeHost() : null;
        Func<string, WastFileResult> runFile = host is not null
            ? f => WastRunner.RunFile(f, host.CreateEngine)
            : BoardRunner(BoardCatalog.Load(Boards[target]));
        var results = WastBatch.Run(files, WithComponentScripts(runFile), jobs,
            onResult: f =>
            {
                if (progress) Console.Error.Write("\r\x1b[K");
                PrintFile(names[f.File], f);
            },
            onProgress: progress ? done => Console.Error.Write($"\r\x1b[K[{done}/{files.Length}] {clock.Elapsed.TotalSeconds:F0}s") : null);

        var skips = WastJsonReport.SkipsByReason(results).ToList();
        if (skips.Count > 0) Console.WriteLine($"skipped by reason: {string.Join(", ", skips.Select(s => $"{s.Reason} {s.Count}"))}");
        if (json is not null) CliErrors.WriteAtomically(json, WastJsonReport.Write(results));
        if (progress) Console.Error.WriteLine($"{files.Length} files in {clock.Elapsed.TotalSeconds:F1}s");
        var failed = results.Sum(f => f.Failed);
        Console.WriteLine($"{results.Sum(f => f.Passed)} passed, {failed} failed, {results.Sum(f => f.Skipped)} skipped");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Component-model scripts ((component …)) take the component runner, which parses and
    /// validates on the host whatever the target; core scripts take <paramref name="core"/>.</summary>
    private static Func<string, WastFileResult> WithComponentScripts(Func<string, WastFileResult> core) =>
        f => ComponentWastRunner.IsComponentScript(File.ReadAllText(f)) ? ComponentWastRunner.RunFile(f) : core(f);

    /// <summary>The conformance board of each --target.</summary>
    private static readonly Dictionary<string, string> Boards = new() { ["m3"] = "mps2-an385", ["m4"] = "mps2-an386", ["rv32"] = "virt-rv32" };

    /// <summary>
    /// How long one script's image may run under QEMU. The longest spec scripts finish in seconds;
    /// the limit only stops a firmware that hangs.
    /// </summary>
    private static readonly TimeSpan ImageTimeout = TimeSpan.FromMinutes(5);

    private static Func<string, WastFileResult> BoardRunner(BoardManifest board) => f => TargetWastRunner.RunFile(f, board, ImageTimeout);

    private static void PrintFile(string name, WastFileResult f)
    {
        Console.WriteLine($"{name}: {f.Passed} passed, {f.Failed} failed, {f.Skipped} skipped");
        var failures = f.Results.Where(r => r.Status == WastStatus.Failed).ToList();
        foreach (var r in failures.Take(FailuresShown))
            Console.WriteLine($"  {Where(name, r.Location)}: {r.Command}: {r.Message}");
        if (failures.Count > FailuresShown) Console.WriteLine($"  … and {failures.Count - FailuresShown} more failures (all are in --json)");
    }

    private static string Where(string name, SourceLocation at) =>
        at.Line > 0 ? $"{name}:{at.Line}:{at.Column}" : at.Offset >= 0 ? $"{name}:0x{at.Offset:x}" : name;

    /// <summary>Each file's path relative to the folder all files share, so that same-named
    /// scripts of different suites (binary.wast of the core suite and of a proposal) stay apart;
    /// the paths as given when they share no folder but the root.</summary>
    private static Dictionary<string, string> DisplayNames(string[] files)
    {
        var dirs = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct().ToList();
        var common = dirs[0];
        bool IsRoot(string d) => Path.GetPathRoot(d) == d;
        while (!IsRoot(common) && !dirs.All(d => d == common || d.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            common = Path.GetDirectoryName(common)!;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files) names[f] = IsRoot(common) ? f : Path.GetRelativePath(common, Path.GetFullPath(f));
        return names;
    }
}
