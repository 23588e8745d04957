using Gust.Wasm.Binary;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>The binary reader and writer against every <c>(module binary ...)</c> of the spec scripts.</summary>
public class BinarySpecTests
{
    private readonly ITestOutputHelper _output;

    public BinarySpecTests(ITestOutputHelper output) => _output = output;

    /// <summary>Modules the scripts expect to decode (plain modules and those under assert_invalid etc.) read and write back byte for byte.</summary>
    [Fact]
    public void DecodableModulesRoundTripByteForByte()
    {
        SpecSuite.RequirePresent();
        int roundTripped = 0, unsupported = 0;
        var failures = new List<string>();
        foreach (var m in BinarySpecModules.All().Where(m => m.Command != "assert_malformed"))
        {
            Module module;
            try
            {
                module = ModuleReader.Read(m.Bytes, m.File);
            }
            catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported)
            {
                unsupported++;
                continue;
            }
            catch (WasmException e)
            {
                failures.Add($"{m}: {e.Diagnostic}");
                continue;
            }
            var written = ModuleWriter.Write(module);
            if (written.AsSpan().SequenceEqual(m.Bytes)) roundTripped++;
            else failures.Add($"{m}: wrote {Convert.ToHexString(written)}, read {Convert.ToHexString(m.Bytes)}");
        }
        _output.WriteLine($"round-tripped {roundTripped}, unsupported {unsupported}, failed {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(roundTripped > 100, $"only {roundTripped} modules found");
    }

    /// <summary>Every assert_malformed binary is rejected with the expected message (or as out of scope).</summary>
    [Fact]
    public void MalformedModulesGiveTheSuitesMessage()
    {
        SpecSuite.RequirePresent();
        int matched = 0, unsupported = 0;
        var failures = new List<string>();
        foreach (var m in BinarySpecModules.All().Where(m => m.Command == "assert_malformed"))
        {
            try
            {
                ModuleReader.Read(m.Bytes, m.File);
                failures.Add($"{m}: read without error, expected \"{m.Message}\"");
            }
            catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported)
            {
                unsupported++;
            }
            catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Malformed && e.Diagnostic.Message.StartsWith(m.Message!, StringComparison.Ordinal))
            {
                Assert.InRange(e.Diagnostic.Location.Offset, 0, m.Bytes.Length);
                matched++;
            }
            catch (WasmException e)
            {
                failures.Add($"{m}: {e.Diagnostic}, expected \"{m.Message}\"");
            }
        }
        _output.WriteLine($"matched {matched}, unsupported {unsupported}, failed {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(matched > 700, $"only {matched} malformed modules matched");
    }

    /// <summary>Every text module of the scripts that parses writes, reads back and writes again to the same bytes.</summary>
    [Fact]
    public void TextModulesSurviveWriteReadWrite()
    {
        SpecSuite.RequirePresent();
        int stable = 0, skipped = 0;
        var failures = new List<string>();
        foreach (var file in SpecSuite.WastFiles())
        {
            foreach (var command in Wast.WastParser.Parse(File.ReadAllText(file), file).Commands)
            {
                if (command is not Wast.ModuleCommand { Source: Wast.TextModuleSource source }) continue;
                Module module;
                try
                {
                    module = source.Compile();
                }
                catch (WasmException)
                {
                    skipped++;
                    continue;
                }
                var first = ModuleWriter.Write(module);
                try
                {
                    var second = ModuleWriter.Write(ModuleReader.Read(first));
                    if (first.AsSpan().SequenceEqual(second)) stable++;
                    else failures.Add($"{source.Location}: rewrote differently");
                }
                catch (WasmException e)
                {
                    failures.Add($"{source.Location}: own output rejected: {e.Diagnostic}");
                }
            }
        }
        _output.WriteLine($"stable {stable}, not parsed {skipped}, failed {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
        Assert.True(stable > 1000, $"only {stable} text modules");
    }
}
