using Gust.Fuzz;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>A short run of the fuzz properties (the long run is `dotnet run --project tests/Gust.Fuzz`).</summary>
public class FuzzTests
{
    private static readonly Lazy<SpecCorpus> Corpus = new(() => SpecCorpus.Load(SpecSuite.WastFiles()));

    [Fact]
    public void MutatedBinariesAndTextGiveDiagnosticsOnly()
    {
        SpecSuite.RequirePresent();
        Assert.NotEmpty(Corpus.Value.Binaries);
        Assert.NotEmpty(Corpus.Value.Texts);
        FuzzTargets.Run(Corpus.Value, seconds: 5);
    }
}
