using Xunit;
using Gust.Bench;

namespace Gust.Bench.Tests;

/// <summary>
/// Every workload in every variant on the M3, one rep (--quick): it builds, runs under QEMU, and
/// its self-checks pass (a failed check, a trap or a fault is a failure).
/// </summary>
public sealed class WorkloadTests(BenchFixture fixture) : IClassFixture<BenchFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var w in Workload.All)
            foreach (var v in Variant.All)
                data.Add(w.Name, v.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SelfChecksPass(string workload, string variant)
    {
        var m = BenchRunner.Measure(fixture.Builder, fixture.Board, Workload.Find(workload), Variant.Find(variant), quick: true, fixture.Baseline);
        Assert.Null(m.Error);
        Assert.True(m.Instructions > 1000, $"{m.Instructions} instructions: the counter did not run");
        Assert.True(m.CodeBytes > 0, $"{m.CodeBytes} bytes of code beyond the baseline");
    }
}
