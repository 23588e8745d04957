using Xunit;
using Gust.Bench;
using Gust.Firmware.Boards;

namespace Gust.Bench.Tests;

/// <summary>One scratch directory with the extracted sources and the baseline image, shared by the workload tests.</summary>
public sealed class BenchFixture : IDisposable
{
    public const string BoardName = "mps2-an385";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("gust-bench-test-");

    public BenchFixture()
    {
        Builder = new ImageBuilder(work.FullName);
        Builder.ExtractSources();
        Board = BoardCatalog.Load(BoardName);
        Baseline = BenchRunner.Baseline(Builder, Board);
    }

    public ImageBuilder Builder { get; }
    public BoardManifest Board { get; }
    public ElfSizes Baseline { get; }

    public void Dispose() => work.Delete(recursive: true);
}
