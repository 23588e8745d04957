using Gust.Host;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Whole spec scripts through the real pipeline (Gust's parser, validator and writer; Wasmtime
/// runs): a handful of core files must pass with no failures. The full suite runs from test.sh
/// through `gust wast`.
/// </summary>
public class WastSpecRunnerTests
{
    [Theory]
    [InlineData("i32.wast")]
    [InlineData("i64.wast")]
    [InlineData("f32.wast")]
    [InlineData("f64.wast")]
    [InlineData("conversions.wast")]
    [InlineData("memory.wast")]
    [InlineData("call_indirect.wast")]
    [InlineData("linking.wast")]
    [InlineData("float_exprs.wast")]
    [InlineData("proposals/custom-page-sizes/custom-page-sizes.wast")]
    public void Spec_script_passes(string name)
    {
        SpecSuite.RequirePresent();
        using var host = new WasmtimeHost();
        var path = Path.Combine(SpecSuite.WasmTestsuite, name);
        var result = WastBatch.Run([path], host.CreateEngine, jobs: 1, onResult: _ => { }).Single();
        var failures = result.Results.Where(r => r.Status == WastStatus.Failed).Take(10)
            .Select(r => $"{r.Location.Line}:{r.Location.Column} {r.Command}: {r.Message}");
        Assert.True(result.Failed == 0, $"{name}: {result.Failed} failed\n{string.Join("\n", failures)}");
        Assert.True(result.Passed >= 40, $"{name}: only {result.Passed} passed");
    }
}
