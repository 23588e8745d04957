using System.Collections.Concurrent;
using System.Diagnostics;
using Gust.Firmware.Boards;
using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>A program whose outcome on a board differs from Wasmtime's.</summary>
public sealed record Mismatch(DiffProgram Program, string Export, string Board, Outcome Expected, Outcome Got, string? ModuleFile)
{
    private string Arguments => Program.Args.Count == 0 ? "" : " called with " + string.Join(" ", Program.Args.Select(a => Outcome.Of(a).ToString()));

    public override string ToString() =>
        $"{Board}: program seed 0x{Program.Seed:x16} (export \"{Export}\"{Arguments}{(ModuleFile is null ? "" : $" of {ModuleFile}")}): expected {Expected}, got {Got}";
}

public sealed record RunReport(int Programs, int Images, int HostValues, IReadOnlyDictionary<string, int> HostTraps, IReadOnlyList<Mismatch> Mismatches, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Programs} programs ({HostValues} values; traps on the host: {string.Join(", ", HostTraps.Select(t => $"{t.Value} {t.Key}"))}) " +
        $"in {Images} images: {Mismatches.Count} mismatches, {Elapsed.TotalSeconds:F1} s";
}

/// <summary>
/// The differential run: programs from consecutive seeds, batched into modules, run on Wasmtime and
/// as firmware images on each board (images in parallel), outcomes compared program by program.
/// </summary>
public static class DifferentialRun
{
    public static RunReport Run(ulong seed, int count, IReadOnlyList<string> boards, int batchSize = 100, int jobs = 0,
        string? moduleDirectory = null, Action<string>? log = null, TimeSpan? imageTimeout = null)
    {
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, count).Select(i => ProgramGen.FromSeed(seed + (ulong)i))
            .Chunk(batchSize).Select(ps => new Batch(ps)).ToList();
        var modules = batches.Select(b =>
        {
            var module = WatParser.ParseModule(b.Text, $"batch-{b.Programs[0].Seed:x16}.wat");
            Validator.Validate(module);
            return module;
        }).ToList();
        Outcome[][] host;
        using (var wasmtime = new WasmtimeHost())
            host = modules.Select((m, i) => HostRunner.Run(wasmtime, m, batches[i].Programs)).ToArray();
        log?.Invoke($"generated and ran {count} programs on Wasmtime in {clock.Elapsed.TotalSeconds:F1} s");

        var manifests = boards.Select(BoardCatalog.Load).ToList();
        var work = batches.SelectMany((_, i) => manifests.Select(m => (Batch: i, Board: m))).ToList();
        var mismatches = new ConcurrentBag<Mismatch>();
        var done = 0;
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount }, item =>
        {
            var batch = batches[item.Batch];
            Outcome[] target;
            try
            {
                target = TargetRunner.Run(item.Board, modules[item.Batch], batch.Programs, imageTimeout ?? TimeSpan.FromSeconds(60));
            }
            catch (Exception e) // a build failure is a finding about every program of the batch, not the end of the run
            {
                target = batch.Programs.Select(_ => Outcome.Failed($"the image was not built: {e.Message}")).ToArray();
            }
            string? file = null;
            for (var i = 0; i < target.Length; i++)
            {
                if (Comparison.Agrees(batch.Programs[i], host[item.Batch][i], target[i])) continue;
                file ??= Save(moduleDirectory, batch);
                mismatches.Add(new Mismatch(batch.Programs[i], Batch.Export(i), item.Board.Name, host[item.Batch][i], target[i], file));
            }
            var n = Interlocked.Increment(ref done);
            if (n % 10 == 0 || n == work.Count) log?.Invoke($"{n}/{work.Count} images, {mismatches.Count} mismatches, {clock.Elapsed.TotalSeconds:F0} s");
        });
        var all = host.SelectMany(h => h).ToList();
        return new RunReport(count, work.Count, all.Count(o => o.Value is not null), all.Where(o => o.Trap is not null).GroupBy(o => o.Trap![0].Message()).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            mismatches.OrderBy(m => m.Program.Seed).ThenBy(m => m.Board).ToList(), clock.Elapsed);
    }

    private static string? Save(string? directory, Batch batch)
    {
        if (directory is null) return null;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"batch-{batch.Programs[0].Seed:x16}.wat");
        File.WriteAllText(path, batch.Text);
        return path;
    }
}
