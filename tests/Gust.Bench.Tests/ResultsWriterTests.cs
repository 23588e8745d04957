using Xunit;
using System.Text.Json;
using Gust.Bench;
using Gust.Firmware.Boards;

namespace Gust.Bench.Tests;

public sealed class ResultsWriterTests
{
    private static Measurement M(string workload, string variant, long instructions, long code, string? error = null) =>
        new("virt-rv32", workload, variant, 1, instructions, code, code, 100, 20, error);

    private static readonly Summary Sample = new(
    [
        M("crc32", "native-O2", 1000, 100), M("crc32", "native-Os", 1100, 80), M("crc32", "gust", 2000, 160),
        M("sha256", "native-O2", 4000, 400), M("sha256", "native-Os", 4000, 400), M("sha256", "gust", 2000, 200),
        M("lz", "native-O2", 100, 10), M("lz", "native-Os", 100, 10), M("lz", "gust", 0, 0, "self-check 2 failed"),
    ]);

    [Fact]
    public void GeometricMeanSkipsFailedRuns()
    {
        Assert.Equal(1.0, Sample.GeoMean("virt-rv32", "gust", Summary.Instructions, "native-O2")!.Value, 9); // √(2 × 0.5)
        Assert.Equal(Math.Sqrt(2.0 * 0.5), Sample.GeoMean("virt-rv32", "gust", Summary.Code, "native-Os")!.Value, 9);
        Assert.Null(Sample.Ratio("virt-rv32", "lz", "gust", Summary.Instructions, "native-O2"));
    }

    [Fact]
    public void WritesTheThreeFiles()
    {
        var dir = Directory.CreateTempSubdirectory("gust-bench-results-");
        try
        {
            var plan = new BenchPlan([BoardCatalog.Load("virt-rv32")], [Workload.Find("crc32"), Workload.Find("sha256"), Workload.Find("lz")],
                [Variant.NativeO2, Variant.NativeOs, Variant.Gust], Quick: true);
            ResultsWriter.WriteAll(dir.FullName, Sample, plan, TimeSpan.FromSeconds(1));
            var md = File.ReadAllText(Path.Combine(dir.FullName, ResultsWriter.Markdown));
            Assert.Contains("| crc32 | 0.001 M (1.00×) | 0.001 M (1.10×) | 0.002 M (2.00×) |", md);
            Assert.Contains("| **geometric mean** | **1.00×** | **1.03×** | **1.00×** |", md);
            Assert.Contains("- lz gust: self-check 2 failed", md);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, ResultsWriter.Json)));
            Assert.Equal(9, json.RootElement.GetProperty("measurements").GetArrayLength());
            var png = File.ReadAllBytes(Path.Combine(dir.FullName, ResultsWriter.Chart));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
