using Gust.Wasm.Validation;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// The validator against the spec suite: every in-scope assert_invalid fails validation with the suite's
/// message (ours must start with it), and every module the suite defines, instantiates or links validates.
/// Modules using out-of-scope features are skipped where compiling them reports Unsupported.
/// </summary>
public class ValidatorSpecTests(ITestOutputHelper output)
{
    private sealed class Tally
    {
        public int Invalid, InvalidMatched, Valid, ValidAccepted, Unsupported;
        public readonly List<string> Failures = new();
        public readonly List<string> NotCompiled = new();
    }

    [Fact]
    public void AssertInvalidMessagesAndValidModules()
    {
        var t = new Tally();
        foreach (var file in SpecSuite.WastFiles())
        {
            var script = WastParser.Parse(File.ReadAllText(file), file);
            foreach (var cmd in script.Commands)
            {
                switch (cmd)
                {
                    case AssertInvalid a: CheckInvalid(t, a); break;
                    case ModuleCommand m: CheckValid(t, m.Source); break;
                    case AssertUnlinkable u: CheckValid(t, u.Module); break;
                    case AssertUninstantiable u: CheckValid(t, u.Module); break;
                }
            }
        }
        output.WriteLine($"assert_invalid: {t.InvalidMatched}/{t.Invalid} matched; valid modules: {t.ValidAccepted}/{t.Valid} accepted; " +
                         $"{t.Unsupported} skipped as out of scope; {t.NotCompiled.Count} did not compile");
        foreach (var n in t.NotCompiled) output.WriteLine("not compiled: " + n);
        Assert.Empty(t.Failures);
        // Modules the reader or parser rejects are their tests' business, but they must not hollow this one out.
        Assert.True(t.NotCompiled.Count * 50 < t.Invalid + t.Valid, $"{t.NotCompiled.Count} modules did not compile");
    }

    private static Module? Compile(Tally t, ModuleSource source)
    {
        try { return source.Compile(); }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported)
        {
            t.Unsupported++;
            return null;
        }
        catch (WasmException e)
        {
            t.NotCompiled.Add(e.Diagnostic.ToString());
            return null;
        }
    }

    private static void CheckInvalid(Tally t, AssertInvalid a)
    {
        if (Compile(t, a.Module) is not { } module) return;
        t.Invalid++;
        try
        {
            Validator.Validate(module, a.Location.File);
            t.Failures.Add($"{a.Location}: accepted, expected \"{a.Message}\"");
        }
        catch (WasmException e) when (e.Diagnostic.Message.StartsWith(a.Message, StringComparison.Ordinal))
        {
            t.InvalidMatched++;
        }
        catch (WasmException e)
        {
            t.Failures.Add($"{a.Location}: expected \"{a.Message}\", got \"{e.Diagnostic.Message}\" in {e.Diagnostic.Where}");
        }
    }

    private static void CheckValid(Tally t, ModuleSource source)
    {
        if (Compile(t, source) is not { } module) return;
        t.Valid++;
        try
        {
            Validator.Validate(module, source.Location.File);
            t.ValidAccepted++;
        }
        catch (WasmException e)
        {
            t.Failures.Add($"{source.Location}: valid module rejected: {e.Diagnostic}");
        }
    }
}
