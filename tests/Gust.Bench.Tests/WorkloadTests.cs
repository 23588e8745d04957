using Xunit;
using Gust.Bench;

namespace Gust.Bench.Tests;

/// <summary>
/// Every workload in every variant on the M3, one rep (--quick): it builds, runs under QEMU, and
/// its self-checks pass (a failed check, a trap or a fault is a failure). One class per variant so
/// xunit runs the variants in parallel.
/// </summary>
public abstract class WorkloadTests(BenchFixture fixture, Variant variant) : IClassFixture<BenchFixture>
{
    public static TheoryData<string> Workloads() => [.. Workload.All.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(Workloads))]
    public void SelfChecksPass(string workload)
    {
        var m = BenchRunner.Measure(fixture.Builder, fixture.Board, Workload.Find(workload), variant, quick: true, fixture.Baseline);
        Assert.Null(m.Error);
        Assert.True(m.Instructions > 1000, $"{m.Instructions} instructions: the counter did not run");
        Assert.True(m.CodeBytes > 0, $"{m.CodeBytes} bytes of code beyond the baseline");
    }
}

public sealed class NativeO2WorkloadTests(BenchFixture fixture) : WorkloadTests(fixture, Variant.NativeO2);
public sealed class NativeOsWorkloadTests(BenchFixture fixture) : WorkloadTests(fixture, Variant.NativeOs);
public sealed class GustWorkloadTests(BenchFixture fixture) : WorkloadTests(fixture, Variant.Gust);
public sealed class GustUncheckedWorkloadTests(BenchFixture fixture) : WorkloadTests(fixture, Variant.GustUnchecked);
public sealed class Wasm2cWorkloadTests(BenchFixture fixture) : WorkloadTests(fixture, Variant.Wasm2c);
