using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;

namespace Gust.Bench;

/// <summary>
/// Writes results.md (per board: instructions, code and RAM tables with ratios and geometric
/// means), results.json (every measurement) and ratios.png (bar chart of the instruction ratios).
/// Each file is written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
public static class ResultsWriter
{
    public const string Markdown = "results.md", Json = "results.json", Chart = "ratios.png";
    private static readonly string Reference = Variant.NativeO2.Id;

    public static void WriteAll(string outDir, Summary summary, BenchPlan plan, TimeSpan elapsed)
    {
        Directory.CreateDirectory(outDir);
        Atomic(Path.Combine(outDir, Markdown), p => File.WriteAllText(p, MarkdownText(summary, plan, elapsed)));
        Atomic(Path.Combine(outDir, Json), p => File.WriteAllText(p, JsonText(summary, plan)));
        Atomic(Path.Combine(outDir, Chart), p => WriteChart(p, summary));
    }

    private static void Atomic(string path, Action<string> write)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static string MarkdownText(Summary s, BenchPlan plan, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine("# gust bench");
        md.AppendLine();
        md.AppendLine($"{(plan.Quick ? "**--quick** (one rep per workload: numbers are for checking, not for comparing). " : "")}" +
            $"{s.Workloads.Count()} workloads × {s.Variants.Count()} variants on {string.Join(", ", s.Boards)}; {elapsed.TotalSeconds:F0} s.");
        md.AppendLine();
        md.AppendLine("Variants: " + string.Join("; ", plan.Variants.Select(v => $"`{v.Id}` = {v.Label}")) + ".");
        md.AppendLine("Instructions are counted inside `bench_run` under QEMU `-icount shift=0` (RV32: `minstret`, exact; " +
            "M3: SysTick at 25 MHz = 40 instructions a tick, ±40). Code = flash bytes beyond an image with an empty workload " +
            "(library routines pulled in count: soft float, memcpy, for gust the trap report and init, for wasm2c its runtime); " +
            "workload machine code = the executable sections of the workload's own objects only. RAM = static RAM beyond that image (for wasm: the whole linear memory, " +
            "64 KiB pages, holding the shadow stack) + the measured native stack peak. Ratios are to `native-O2` unless noted.");
        foreach (var board in s.Boards)
        {
            md.AppendLine();
            md.AppendLine($"## {board}");
            Goals(md, s, board);
            Table(md, s, board, "Instructions executed", Summary.Instructions, Reference, Millions);
            Table(md, s, board, "Code (flash bytes beyond the empty image)", Summary.Code, Variant.NativeOs.Id, Bytes);
            Table(md, s, board, "Workload machine code only (text of its own objects)", Summary.Text, Variant.NativeOs.Id, Bytes);
            Table(md, s, board, "RAM (bytes, static + stack peak)", Summary.Ram, Reference, Bytes);
            var failed = s.Measurements.Where(m => m.Board == board && !m.Ok).ToList();
            if (failed.Count > 0)
            {
                md.AppendLine("Failures:");
                md.AppendLine();
                foreach (var f in failed) md.AppendLine($"- {f.Workload} {f.Variant}: {f.Error}");
                md.AppendLine();
            }
        }
        return md.ToString();
    }

    /// <summary>The goals of issue 6 for gust with bounds checks, met or not, with the workloads that miss each.</summary>
    private static void Goals(StringBuilder md, Summary s, string board)
    {
        var gust = Variant.Gust.Id;
        if (!s.Variants.Contains(gust)) return;
        string Misses(Func<string, bool> miss, string which = "workloads over it") =>
            s.Workloads.Where(miss).ToList() is { Count: > 0 } ws ? $" — {which}: {string.Join(", ", ws)}" : "";
        string Mark(bool met) => met ? "met" : "**missed**";
        md.AppendLine();
        var instructions = s.GeoMean(board, gust, Summary.Instructions, Reference);
        if (instructions is { } i)
            md.AppendLine($"- instructions ≤ 1.25× native -O2: {i:F2}× — {Mark(i <= 1.25)}" +
                Misses(w => s.Ratio(board, w, gust, Summary.Instructions, Reference) > 1.25));
        var code = s.GeoMean(board, gust, Summary.Code, Variant.NativeOs.Id);
        if (code is { } c)
            md.AppendLine($"- code ≤ 1.3× native -Os: {c:F2}× — {Mark(c <= 1.3)}" +
                Misses(w => s.Ratio(board, w, gust, Summary.Code, Variant.NativeOs.Id) > 1.3));
        var peer = s.GeoMean(board, Variant.Wasm2c.Id, Summary.Instructions, Reference);
        if (instructions is { } gi && peer is { } pi)
            md.AppendLine($"- ahead of wasm2c + gcc on instructions: {gi:F2}× against {pi:F2}× — {Mark(gi < pi)}" +
                Misses(w => s.Get(board, w, gust) is { } g && s.Get(board, w, Variant.Wasm2c.Id) is { } p && g.Instructions > p.Instructions, "workloads behind wasm2c"));
    }

    private static void Table(StringBuilder md, Summary s, string board, string title, Func<Measurement, long> metric, string reference, Func<long, string> show)
    {
        var variants = s.Variants.ToList();
        md.AppendLine();
        md.AppendLine($"### {title} — ratio to `{reference}`");
        md.AppendLine();
        md.AppendLine("| workload | " + string.Join(" | ", variants) + " |");
        md.AppendLine("|---|" + string.Concat(variants.Select(_ => "---:|")));
        foreach (var w in s.Workloads)
        {
            var cells = variants.Select(v =>
            {
                var m = s.Get(board, w, v);
                if (m is null) return "failed";
                var r = s.Ratio(board, w, v, metric, reference);
                return r is null ? show(metric(m)) : $"{show(metric(m))} ({r:F2}×)";
            });
            md.AppendLine($"| {w} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine("| **geometric mean** | " + string.Join(" | ", variants.Select(v =>
            s.GeoMean(board, v, metric, reference) is { } g ? $"**{g:F2}×**" : "—")) + " |");
        md.AppendLine();
    }

    private static string Millions(long n) => (n / 1e6).ToString("F3", CultureInfo.InvariantCulture) + " M";
    private static string Bytes(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string JsonText(Summary s, BenchPlan plan)
    {
        var doc = new
        {
            quick = plan.Quick,
            reference = Reference,
            variants = plan.Variants.Select(v => new { id = v.Id, label = v.Label }),
            workloads = plan.Workloads.Select(w => new { name = w.Name, title = w.Title, reps = w.RepsFor(plan.Quick) }),
            geometricMeans = s.Boards.SelectMany(b => s.Variants.Select(v => new
            {
                board = b, variant = v,
                instructions = s.GeoMean(b, v, Summary.Instructions, Reference),
                codeVsOs = s.GeoMean(b, v, Summary.Code, Variant.NativeOs.Id),
                workloadTextVsOs = s.GeoMean(b, v, Summary.Text, Variant.NativeOs.Id),
                ram = s.GeoMean(b, v, Summary.Ram, Reference),
            })),
            measurements = s.Measurements.Select(m => new
            {
                board = m.Board, workload = m.Workload, variant = m.Variant, reps = m.Reps, ok = m.Ok, error = m.Error,
                instructions = m.Instructions, codeBytes = m.CodeBytes, workloadTextBytes = m.WorkloadTextBytes, staticRamBytes = m.StaticRamBytes, stackBytes = m.StackBytes,
            }),
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>One panel per board side by side: instruction ratio to native -O2 per workload and the geometric mean, a bar per variant.</summary>
    private static void WriteChart(string path, Summary s)
    {
        var boards = s.Boards.ToList();
        var variants = s.Variants.Where(v => v != Reference).ToList();
        var workloads = s.Workloads.Append("geomean").ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var ticks = new List<Tick>();
        const double barWidth = 0.8;
        double groupWidth = variants.Count + 1, boardGap = 2;
        double x0 = 0;
        foreach (var board in boards)
        {
            for (var wi = 0; wi < workloads.Count; wi++)
            {
                var w = workloads[wi];
                var left = x0 + wi * groupWidth;
                for (var vi = 0; vi < variants.Count; vi++)
                {
                    var ratio = w == "geomean"
                        ? s.GeoMean(board, variants[vi], Summary.Instructions, Reference)
                        : s.Ratio(board, w, variants[vi], Summary.Instructions, Reference);
                    if (ratio is null) continue;
                    var bar = plot.Add.Bar(new Bar { Position = left + vi, Value = ratio.Value, FillColor = palette.GetColor(vi), Size = barWidth });
                }
                ticks.Add(new Tick(left + (variants.Count - 1) / 2.0, wi == 0 ? $"{board}: {w}" : w));
            }
            x0 += workloads.Count * groupWidth + boardGap;
        }
        var one = plot.Add.HorizontalLine(1.0);
        one.LineColor = Colors.Black;
        one.LinePattern = LinePattern.Dashed;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 60;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Axes.Left.Label.Text = "instructions ÷ native gcc -O2";
        plot.Title("gust bench: instructions executed relative to native gcc -O2 (lower is better)");
        plot.Axes.Margins(bottom: 0);
        for (var vi = 0; vi < variants.Count; vi++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = variants[vi], FillColor = palette.GetColor(vi) });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        plot.SavePng(path, Math.Max(1200, (int)(x0 * 9)), 600);
    }
}
