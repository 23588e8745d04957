using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Every script of the spec suites parses, and every text module in them either parses, is an
/// assert_malformed text case failing with the expected message, or is reported unsupported with
/// a feature.
/// </summary>
public class WastParserSuiteTests(ITestOutputHelper output)
{
    private sealed class Tally
    {
        public int Scripts, Parsed, Unsupported, MalformedMatched, UnsupportedCommands;
        public readonly Dictionary<string, int> ByFeature = new();
        public readonly List<string> Failures = new();
    }

    [Fact]
    public void EverySuiteScriptAndTextModuleParses()
    {
        var tally = new Tally();
        foreach (var file in SpecSuite.WastFiles()) Check(file, tally);
        output.WriteLine($"scripts {tally.Scripts}, text modules parsed {tally.Parsed}, unsupported {tally.Unsupported}, " +
                         $"assert_malformed text cases matched {tally.MalformedMatched}, unsupported commands {tally.UnsupportedCommands}");
        foreach (var (feature, n) in tally.ByFeature.OrderBy(kv => kv.Key)) output.WriteLine($"  unsupported {feature}: {n}");
        // Floors from the suite at the commit in SOURCE, so a regression into "unsupported" cannot pass quietly.
        Assert.True(tally.Parsed >= 3100, $"only {tally.Parsed} text modules parsed");
        Assert.True(tally.MalformedMatched >= 640, $"only {tally.MalformedMatched} assert_malformed text cases matched");
        Assert.True(tally.Failures.Count == 0, $"{tally.Failures.Count} failures:\n" + string.Join("\n", tally.Failures.Take(60)));
    }

    private static void Check(string file, Tally tally)
    {
        WastScript script;
        try
        {
            script = WastParser.Parse(File.ReadAllBytes(file), Path.GetFileName(file));
        }
        catch (WasmException e)
        {
            tally.Failures.Add($"script {e.Diagnostic}");
            return;
        }
        tally.Scripts++;
        foreach (var command in script.Commands)
        {
            switch (command)
            {
                case UnsupportedCommand:
                    tally.UnsupportedCommands++;
                    break;
                case AssertMalformed { Module: not BinaryModuleSource } m:
                    ExpectMalformed(m.Module, m.Message, tally);
                    break;
                case ModuleCommand { Source: not BinaryModuleSource } m:
                    ExpectParses(m.Source, tally);
                    break;
                case AssertInvalid { Module: not BinaryModuleSource } m:
                    ExpectParses(m.Module, tally);
                    break;
                case AssertUnlinkable { Module: not BinaryModuleSource } m:
                    ExpectParses(m.Module, tally);
                    break;
                case AssertUninstantiable { Module: not BinaryModuleSource } m:
                    ExpectParses(m.Module, tally);
                    break;
            }
        }
    }

    private static void ExpectParses(ModuleSource source, Tally tally)
    {
        try
        {
            source.Compile();
            tally.Parsed++;
        }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported && e.Diagnostic.Feature is { } f)
        {
            tally.Unsupported++;
            tally.ByFeature[f] = tally.ByFeature.GetValueOrDefault(f) + 1;
        }
        catch (WasmException e)
        {
            tally.Failures.Add($"{source.Location}: should parse: {e.Diagnostic}");
        }
    }

    private static void ExpectMalformed(ModuleSource source, string expected, Tally tally)
    {
        try
        {
            source.Compile();
            tally.Failures.Add($"{source.Location}: should be malformed (\"{expected}\") but parsed");
        }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported && e.Diagnostic.Feature is { } f)
        {
            tally.Unsupported++;
            tally.ByFeature[f] = tally.ByFeature.GetValueOrDefault(f) + 1;
        }
        catch (WasmException e)
        {
            if (e.Diagnostic.Kind == DiagnosticKind.Malformed && e.Diagnostic.Message.StartsWith(expected, StringComparison.Ordinal))
                tally.MalformedMatched++;
            else tally.Failures.Add($"{source.Location}: expected malformed \"{expected}\", got {e.Diagnostic}");
        }
    }
}
