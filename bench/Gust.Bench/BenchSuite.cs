using System.Diagnostics;

namespace Gust.Bench;

/// <summary>`gust bench` as a library call: run the plan in a scratch directory and write the three result files.</summary>
public static class BenchSuite
{
    public static Summary Run(BenchPlan plan, string outDir, Action<string>? progress = null)
    {
        var work = Directory.CreateTempSubdirectory("gust-bench-");
        var clock = Stopwatch.StartNew();
        try
        {
            var measurements = BenchRunner.Run(plan, work.FullName, progress);
            var summary = new Summary(measurements);
            ResultsWriter.WriteAll(outDir, summary, plan, clock.Elapsed);
            return summary;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
