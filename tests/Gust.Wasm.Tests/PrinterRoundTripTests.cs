using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Every valid module of the spec suite survives binary → text → binary: its canonical binary is
/// read, printed, parsed back and written again, and the two binaries are identical.
/// </summary>
public class PrinterRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void SpecModulesRoundTripThroughText()
    {
        var tally = RoundTripSpecModules(ValidModuleSource, validate: true);
        output.WriteLine($"valid modules: {tally.Summary()}");
        Assert.True(tally.Passed > 0, "no spec module was tried");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(20)));
    }

    /// <summary>Text can say what the validator rejects, so the assert_invalid modules round-trip too.</summary>
    [Fact]
    public void InvalidSpecModulesRoundTripThroughText()
    {
        var tally = RoundTripSpecModules(c => c is AssertInvalid a ? a.Module : null, validate: false);
        output.WriteLine($"assert_invalid modules: {tally.Summary()}");
        Assert.True(tally.Passed > 0, "no spec module was tried");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(20)));
    }

    private static Tally RoundTripSpecModules(Func<WastCommand, ModuleSource?> select, bool validate)
    {
        SpecSuite.RequirePresent();
        var tally = new Tally();
        foreach (var file in SpecSuite.WastFiles())
        {
            foreach (var command in WastParser.Parse(File.ReadAllText(file), file).Commands)
            {
                if (select(command) is not { } source) continue;
                Module module;
                try
                {
                    module = source.Compile();
                    if (validate) Validator.Validate(module, source.Location.File);
                }
                catch (WasmException e)
                {
                    // Unsupported: a proposal Gust leaves out. Anything else is a parser or validator gap, counted, not tested here.
                    if (e.Diagnostic.Kind == DiagnosticKind.Unsupported) tally.OutOfScope++;
                    else tally.Rejected.Add($"{source.Location}: {e.Diagnostic.Message}");
                    continue;
                }
                if (MergeLocalGroups(module)) tally.Regrouped++;
                string? failure;
                try { failure = RoundTrip(module); }
                catch (WasmException e) { failure = e.Diagnostic.ToString(); }
                tally.Add(source, failure);
            }
        }
        return tally;
    }

    /// <summary>Modules the suite defines as valid: plain definitions, and those that only fail to link or instantiate.</summary>
    private static ModuleSource? ValidModuleSource(WastCommand command) => command switch
    {
        ModuleCommand c => c.Source,
        AssertUnlinkable c => c.Module,
        AssertUninstantiable c => c.Module,
        _ => null,
    };

    /// <summary>Null when the round trip gives the same bytes, else what differed.</summary>
    internal static string? RoundTrip(Module module)
    {
        var canonical = Canonical(module);
        var read = ModuleReader.Read(canonical);
        var text = WatPrinter.Print(read);
        Module back;
        try { back = WatParser.ParseModule(text, "printed.wat"); }
        catch (WasmException e) { return $"printed text does not parse: {e.Diagnostic}\n{Excerpt(text, e.Diagnostic.Location.Line)}"; }
        // Text has no syntax for the data count section; the parser decides it, so take the binary's.
        back.DataCount = read.DataCount;
        var again = ModuleWriter.Write(back);
        if (again.AsSpan().SequenceEqual(canonical)) return null;
        var at = 0;
        while (at < again.Length && at < canonical.Length && again[at] == canonical[at]) at++;
        return $"binaries differ at byte 0x{at:x} ({canonical.Length} vs {again.Length} bytes)";
    }

    /// <summary>
    /// Text cannot express empty local groups or adjacent groups of one type (the parser makes one
    /// group per run), so such bodies are normalized before the round trip. True if any changed.
    /// </summary>
    internal static bool MergeLocalGroups(Module module)
    {
        var changed = false;
        foreach (var code in module.Codes)
        {
            var merged = new List<LocalGroup>();
            foreach (var group in code.Locals.Where(g => g.Count > 0))
            {
                if (merged.Count > 0 && merged[^1].Type == group.Type) merged[^1] = merged[^1] with { Count = merged[^1].Count + group.Count };
                else merged.Add(group);
            }
            if (merged.SequenceEqual(code.Locals)) continue;
            code.Locals.Clear();
            code.Locals.AddRange(merged);
            changed = true;
        }
        return changed;
    }

    /// <summary>The binary a module writes to without its reading history or custom sections, which text cannot carry.</summary>
    internal static byte[] Canonical(Module module)
    {
        module.Layout = null;
        module.Customs.Clear();
        return ModuleWriter.Write(module);
    }

    private static string Excerpt(string text, int line)
    {
        var lines = text.Split('\n');
        var from = Math.Max(0, line - 3);
        return string.Join("\n", lines.Skip(from).Take(5));
    }

    private sealed class Tally
    {
        public int Passed;
        public int Regrouped;
        public int OutOfScope;
        public readonly List<string> Rejected = new();
        public readonly List<string> Failures = new();

        public void Add(ModuleSource source, string? failure)
        {
            if (failure is null) Passed++;
            else Failures.Add($"{source.Location}: {failure}");
        }

        public string Summary() =>
            $"{Passed} of {Passed + Failures.Count} round-trip through text; {Failures.Count} do not; " +
            $"{Regrouped} had local groups text cannot express (merged first); {OutOfScope} out of scope; " +
            $"{Rejected.Count} rejected by our parser or validator{string.Concat(Rejected.Take(10).Select(r => "\n  " + r))}";
    }
}
