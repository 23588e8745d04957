using Xunit;
using Gust.Bench;
using Gust.Firmware.Boards;

namespace Gust.Bench.Tests;

/// <summary>
/// The instruction counter against a loop of known length: 2 instructions × 100 000 iterations per
/// rep, plus the few instructions of the call. RV32's minstret is exact; the M3's SysTick reading is
/// ±40 at each end.
/// </summary>
public sealed class CounterTests(BenchFixture fixture) : IClassFixture<BenchFixture>
{
    private const string Source = """
        #include <stdint.h>
        uint32_t bench_run(uint32_t reps) {
            uint32_t n = 100000u * reps;
        #ifdef __riscv
            __asm__ volatile("1: addi %0, %0, -1\n bnez %0, 1b" : "+r"(n));
        #else
            __asm__ volatile("1: subs %0, %0, #1\n bne 1b" : "+r"(n));
        #endif
            return n;
        }
        """;

    [Theory]
    [InlineData("mps2-an385", 100)]
    [InlineData("virt-rv32", 10)]
    public void CountsAKnownLoop(string boardName, long tolerance)
    {
        File.WriteAllText(Path.Combine(fixture.Builder.SourceDir, "calibrate.c"), Source);
        var board = BoardCatalog.Load(boardName);
        var loop = new Workload("calibrate", "a counted loop", 3);
        var m = BenchRunner.Measure(fixture.Builder, board, loop, Variant.NativeO2, quick: false, BenchRunner.Baseline(fixture.Builder, board));
        Assert.Null(m.Error);
        Assert.InRange(m.Instructions, 600_000 - tolerance, 600_000 + tolerance);
    }
}
