using CsCheck;
using Gust.Fuzz;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// The printer on damaged spec binaries: whatever the reader accepts prints or gives a
/// diagnostic, and what prints round-trips through text, valid or not.
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
            PrinterRoundTripTests.MergeLocalGroups(module);
            if (PrinterRoundTripTests.RoundTrip(module) is { } failure) throw new InvalidOperationException(failure);
        }, iter: int.MaxValue, time: 5, print: b => Convert.ToHexString(b));
    }
}
