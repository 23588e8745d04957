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
    public void ComparisonAllowsOnlyWhatTheSpecLeavesOpen()
    {
        var exact = new DiffProgram(0, "", [], Wasm.ValType.F32, ExactResult: true);
        var open = exact with { ExactResult = false };
        var hostNan = Outcome.Of(Native.F32Bits(0xFFC00000));
        Assert.True(Comparison.Agrees(open, hostNan, Outcome.Of(Native.F32Bits(0x7FC00001))));
        Assert.False(Comparison.Agrees(open, hostNan, Outcome.Of(Native.F32Bits(0x7FA00000))));  // signaling: not arithmetic
        Assert.False(Comparison.Agrees(exact, hostNan, Outcome.Of(Native.F32Bits(0x7FC00000))));
        Assert.False(Comparison.Agrees(open, Outcome.Of(Native.F32Bits(0x80000000)), Outcome.Of(Native.F32Bits(0))));
        var trap = Outcome.Trapped([Wasm.Wast.TrapKind.IntegerDivideByZero]);
        Assert.True(Comparison.Agrees(exact, trap, trap));
        Assert.False(Comparison.Agrees(exact, trap, Outcome.Trapped([Wasm.Wast.TrapKind.IntegerOverflow])));
        Assert.False(Comparison.Agrees(exact, trap, Outcome.Failed("the image timed out")));
    }

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
