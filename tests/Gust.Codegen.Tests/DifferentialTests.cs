using CsCheck;
using Gust.Differential;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>
/// Random valid programs (tests/Gust.Differential) run on Wasmtime and on both QEMU boards must agree
/// on every result and trap kind. The long run is `dotnet run --project tests/Gust.Differential -c Release -- --count 10000`.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void ThreeHundredProgramsAgreeWithWasmtimeOnBothBoards()
    {
        var report = DifferentialRun.Run(seed: 0x6057_0000, count: 300, Native.Boards, batchSize: 150, log: output.WriteLine);
        output.WriteLine(report.ToString());
        foreach (var m in report.Mismatches) output.WriteLine(m.ToString());
        Assert.True(report.Mismatches.Count == 0, string.Join("\n", report.Mismatches.Take(20)));
        // The programs must mostly compute values: a generator whose programs all trap would test little.
        Assert.True(report.HostValues > report.Programs / 3, report.ToString());
    }

    [Fact]
    public void GeneratedProgramsAreValid() =>
        ProgramGen.Instance.Sample(p =>
        {
            var module = WatParser.ParseModule(new Batch([p]).Text);
            Validator.Validate(module);
        }, iter: 300);

    [Fact]
    public void FloatConstantsKeepTheirBits() =>
        Gen.UInt.Select(Gen.ULong).Sample((f32, f64) =>
        {
            var module = WatParser.ParseModule($"(module (func (result f32 f64) (f32.const {FloatText.F32(f32)}) (f64.const {FloatText.F64(f64)})))");
            var body = module.Codes[0].Body;
            Assert.Equal(f32, body[0].Value);
            Assert.Equal(f64, body[1].Value);
        }, iter: 2000);
}
