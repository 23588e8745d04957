using System.Text.RegularExpressions;
using Gust.Firmware.Boards;
using Gust.Firmware.Qemu;
using Gust.Wasm;

namespace Gust.Bench;

/// <summary>What to run: boards, workloads, variants, and full or --quick sizes.</summary>
public sealed record BenchPlan(IReadOnlyList<BoardManifest> Boards, IReadOnlyList<Workload> Workloads, IReadOnlyList<Variant> Variants, bool Quick)
{
    /// <summary>The boards the benchmark is defined on (issue 6): the M3 and RV32.</summary>
    public static readonly string[] DefaultBoards = ["mps2-an385", "virt-rv32"];

    public static BenchPlan Default(bool quick) =>
        new([.. DefaultBoards.Select(BoardCatalog.Load)], Workload.All, Variant.All, quick);
}

/// <summary>
/// Builds and runs every (board, workload, variant) of a plan under QEMU with -icount shift=0 and
/// collects the measurements. Two runs at a time (the machines this runs on have few cores).
/// </summary>
public static partial class BenchRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static IReadOnlyList<Measurement> Run(BenchPlan plan, string workDir, Action<string>? progress = null)
    {
        var builder = new ImageBuilder(workDir);
        builder.ExtractSources();
        var baselines = plan.Boards.ToDictionary(b => b.Name, b => Baseline(builder, b));
        var jobs = (from b in plan.Boards from w in plan.Workloads from v in plan.Variants select (b, w, v)).ToList();
        var results = new Measurement[jobs.Count];
        var done = 0;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (b, w, v) = jobs[i];
            results[i] = Measure(builder, b, w, v, plan.Quick, baselines[b.Name]);
            var m = results[i];
            var n = Interlocked.Increment(ref done);
            progress?.Invoke($"[{n}/{jobs.Count}] {b.Name} {w.Name} {v.Id}: " +
                (m.Ok ? $"{m.Instructions:N0} instructions, {m.CodeBytes:N0} B code, {m.RamBytes:N0} B RAM" : $"FAILED: {m.Error}"));
        });
        return results;
    }

    /// <summary>Builds and runs one image; failures become a measurement with an error, not an exception.</summary>
    public static Measurement Measure(ImageBuilder builder, BoardManifest board, Workload workload, Variant variant, bool quick, ElfSizes baseline)
    {
        var reps = workload.RepsFor(quick);
        Measurement Failed(string why) => new(board.Name, workload.Name, variant.Id, reps, 0, 0, 0, 0, 0, why);
        BenchImage image;
        try
        {
            image = builder.Build(board, workload, variant, reps);
        }
        catch (WasmException e)
        {
            return Failed($"build: {e.Message}");
        }
        var run = RunImage(board, image.Elf);
        if (!run.Ok) return Failed(run.Error!);
        var sizes = ElfSizes.Read(image.Elf);
        var text = image.WorkloadObjects.Sum(o => ElfSizes.Read(o).Text);
        return new(board.Name, workload.Name, variant.Id, reps, run.Instructions, sizes.Flash - baseline.Flash, text,
            sizes.Ram - baseline.Ram, run.Stack, null);
    }

    /// <summary>The image with an empty workload: what every variant's code and RAM are measured against.</summary>
    public static ElfSizes Baseline(ImageBuilder builder, BoardManifest board)
    {
        var image = builder.Build(board, Workload.Empty, Variant.NativeO2, 1);
        return ElfSizes.Read(image.Elf);
    }

    private sealed record RunResult(long Instructions, long Stack, string? Error)
    {
        public bool Ok => Error is null;
    }

    private static RunResult RunImage(BoardManifest board, string elf)
    {
        var counted = board with { Qemu = board.Qemu with { Args = [.. board.Qemu.Args, "-icount", "shift=0"] } };
        var r = QemuRunner.Run(counted, elf, Timeout);
        var console = r.Console.Trim();
        if (r.TimedOut) return new(0, 0, $"timed out after {Timeout.TotalSeconds} s");
        var m = ResultLine().Match(console);
        if (!m.Success)
            return new(0, 0, $"exit status {r.ExitStatus}, no result line: {Tail(console)} {Tail(r.Diagnostics)}".Trim());
        var status = uint.Parse(m.Groups[1].Value);
        if (status != 0) return new(0, 0, $"self-check {status} failed");
        if (r.ExitStatus != 0) return new(0, 0, $"exit status {r.ExitStatus}: {Tail(console)}");
        return new(long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value), null);
    }

    private static string Tail(string text) => text.Length <= 300 ? text : "…" + text[^300..];

    [GeneratedRegex(@"bench: status=(\d+) instructions=(\d+) stack=(\d+)")]
    private static partial Regex ResultLine();
}
