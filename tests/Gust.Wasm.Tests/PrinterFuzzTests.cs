using CsCheck;
using Gust.Fuzz;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// The printer on damaged spec binaries: whatever the reader accepts prints or gives a
/// diagnostic, and whatever also validates round-trips through text.
/// </summary>
public class PrinterFuzzTests
{
    private static readonly Lazy<SpecCorpus> Corpus = new(() => SpecCorpus.Load(SpecSuite.WastFiles()));

    [Fact]
    public void MutatedBinariesPrintOrGiveDiagnosticsAndValidOnesRoundTrip()
    {
        SpecSuite.RequirePresent();
        Mutations.Binary(Corpus.Value.Binaries).Sample(bytes =>
        {
            Module module;
            try { module = ModuleReader.Read(bytes); }
            catch (WasmException) { return; }
            try { WatPrinter.Print(module); }
            catch (WasmException) { return; }
            try { Validator.Validate(module); }
            catch (WasmException) { return; }
            PrinterRoundTripTests.MergeLocalGroups(module);
            if (PrinterRoundTripTests.RoundTrip(module) is { } failure) throw new InvalidOperationException(failure);
        }, iter: int.MaxValue, time: 5, print: b => Convert.ToHexString(b));
    }
}
