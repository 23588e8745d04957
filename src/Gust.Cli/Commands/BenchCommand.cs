using System.CommandLine;
using Gust.Bench;
using Gust.Firmware.Boards;

namespace Gust.Cli.Commands;

/// <summary>
/// `gust bench [--quick] [--out DIR]`: every workload in every variant (native gcc -O2/-Os, gust with
/// and without bounds checks, wasm2c + gcc) on the M3 and RV32 boards under QEMU; writes results.md,
/// results.json and ratios.png. Progress goes to stderr; the exit status is 1 if any run failed.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "one rep per workload: checks that everything builds and passes, in a fraction of the time" };
        var output = new Option<string>("--out") { Description = "directory for results.md, results.json and ratios.png", DefaultValueFactory = _ => "bench-results" };
        var boards = new Option<string[]>("--board") { Description = $"run on these boards only (default: {string.Join(", ", BenchPlan.DefaultBoards)})" };
        var workloads = new Option<string[]>("--workload") { Description = "run these workloads only: " + string.Join(", ", Workload.All.Select(w => w.Name)) };
        var cmd = new Command("bench", "Benchmark gust against native gcc and wasm2c + gcc on the QEMU boards: instructions, code size, RAM.")
            { quick, output, boards, workloads };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var plan = BenchPlan.Default(r.GetValue(quick));
            if (r.GetValue(boards) is { Length: > 0 } bs) plan = plan with { Boards = [.. bs.Select(BoardCatalog.Load)] };
            if (r.GetValue(workloads) is { Length: > 0 } ws)
            {
                var unknown = ws.Where(w => Workload.All.All(x => x.Name != w)).ToList();
                if (unknown.Count > 0)
                {
                    Console.Error.WriteLine($"error: no workload {string.Join(", ", unknown)}; there are {string.Join(", ", Workload.All.Select(w => w.Name))}");
                    return 1;
                }
                plan = plan with { Workloads = [.. ws.Select(Workload.Find)] };
            }
            var outDir = Path.GetFullPath(r.GetValue(output)!);
            var summary = BenchSuite.Run(plan, outDir, line => Console.Error.WriteLine(line));
            foreach (var board in summary.Boards)
                foreach (var v in summary.Variants.Where(v => v != Variant.NativeO2.Id))
                    Console.Error.WriteLine($"{board} {v}: instructions {Show(summary.GeoMean(board, v, Summary.Instructions, Variant.NativeO2.Id))} of native -O2, " +
                        $"code {Show(summary.GeoMean(board, v, Summary.Code, Variant.NativeOs.Id))} of native -Os (geometric means)");
            var failed = summary.Measurements.Count(m => !m.Ok);
            Console.Error.WriteLine($"wrote {Path.Combine(outDir, ResultsWriter.Markdown)}, {ResultsWriter.Json}, {ResultsWriter.Chart}" +
                (failed > 0 ? $"; {failed} run(s) FAILED (listed in results.md)" : ""));
            return failed > 0 ? 1 : 0;
        }));
        return cmd;
    }

    private static string Show(double? ratio) => ratio is { } r ? $"{r:F2}×" : "—";
}
