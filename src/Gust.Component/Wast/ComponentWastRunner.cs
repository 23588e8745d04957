using System.Diagnostics;
using System.Text;
using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Component.Text;
using Gust.Component.Validation;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Component.Wast;

/// <summary>
/// Runs the component-model suite's .wast scripts as far as Gust can without running components:
/// component definitions must parse and validate, assert_invalid/assert_malformed must fail with
/// the expected text (contained in Gust's message; "" matches any). Commands that need a running
/// component (instances, invoke, assert_return, assert_trap) are skipped with reason "execution";
/// components using an unsupported extension are skipped naming it (e.g. component-model-async).
/// </summary>
public static class ComponentWastRunner
{
    public const string Execution = "execution";

    /// <summary>True when a script's commands are about components (so `gust wast` should route it here).</summary>
    public static bool IsComponentScript(string text)
    {
        try
        {
            return SExprReader.Read(Encoding.UTF8.GetBytes(text), null).Any(c =>
                c.Head == "component" || c.Head?.StartsWith("assert_", StringComparison.Ordinal) == true && c.Items.Count > 1 && c.Items[1].Head == "component");
        }
        catch (WasmException) { return false; }
    }

    public static WastFileResult RunFile(string path)
    {
        var clock = Stopwatch.StartNew();
        var results = Run(File.ReadAllBytes(path), path);
        return new WastFileResult(path, results, clock.Elapsed);
    }

    /// <summary>Runs a script's commands; a script that does not read gives one failed result.</summary>
    public static IReadOnlyList<WastCommandResult> Run(byte[] source, string? file)
    {
        List<SExpr> commands;
        try { commands = SExprReader.Read(source, file); }
        catch (WasmException e) { return [new WastCommandResult(e.Diagnostic.Location, "script", WastStatus.Failed, e.Diagnostic.Message)]; }
        return commands.Select(c => RunCommand(source, file, c)).ToList();
    }

    private static WastCommandResult RunCommand(byte[] source, string? file, SExpr c)
    {
        var at = c.Location(file);
        var name = c.Head ?? c.ToString();
        try
        {
            switch (c.Head)
            {
                case "component":
                    if (c.Items.Count > 1 && c.Items[1].IsKeyword("instance"))
                        return new(at, name, WastStatus.Skipped, "instantiating a component needs a component runtime", Execution);
                    Load(source, file, c);
                    return new(at, name, WastStatus.Passed);
                case "assert_invalid" or "assert_malformed":
                    return AssertFails(source, file, c, at);
                case "assert_return" or "assert_trap" or "invoke" or "assert_exhaustion" or "register" or "assert_unlinkable":
                    return new(at, name, WastStatus.Skipped, "needs a component runtime", Execution);
                default:
                    return new(at, name, WastStatus.Failed, $"unknown command {name}");
            }
        }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported)
        {
            return new(at, name, WastStatus.Skipped, e.Diagnostic.Message, e.Diagnostic.Feature);
        }
        catch (WasmException e)
        {
            return new(at, name, WastStatus.Failed, e.Diagnostic.ToString());
        }
    }

    private static WastCommandResult AssertFails(byte[] source, string? file, SExpr c, SourceLocation at)
    {
        var name = c.Head!;
        if (c.Items.Count != 3 || c.Items[1].Head != "component" || c.Items[2].Kind != SKind.String)
            return new(at, name, WastStatus.Failed, $"expected ({name} (component …) \"message\")");
        var expected = c.Items[2].Text;
        try
        {
            Load(source, file, c.Items[1]);
        }
        catch (WasmException e) when (e.Diagnostic.Kind != DiagnosticKind.Unsupported)
        {
            return e.Diagnostic.Message.Contains(expected, StringComparison.Ordinal)
                ? new(at, name, WastStatus.Passed)
                : new(at, name, WastStatus.Failed, $"expected \"{expected}\", got {e.Diagnostic}");
        }
        return new(at, name, WastStatus.Failed, $"expected \"{expected}\", but the component was accepted");
    }

    /// <summary>(component $id? definition? [binary|quote] …): read, parse and validate.</summary>
    private static ComponentDef Load(byte[] source, string? file, SExpr c)
    {
        int i = 1;
        while (i < c.Items.Count && (c.Items[i].Kind == SKind.Id || c.Items[i].IsKeyword("definition"))) i++;
        ComponentDef component;
        if (i < c.Items.Count && c.Items[i].IsKeyword("binary"))
        {
            var bytes = Strings(c, i + 1, file);
            component = ComponentReader.Read(bytes, file);
        }
        else if (i < c.Items.Count && c.Items[i].IsKeyword("quote"))
        {
            var text = "(component " + Encoding.UTF8.GetString(Strings(c, i + 1, file)) + ")";
            component = ComponentTextParser.Parse(text, file);
        }
        else component = ComponentTextParser.ParseFields(source, file, c, 1);
        ComponentValidator.Validate(component, file);
        return component;
    }

    private static byte[] Strings(SExpr c, int from, string? file)
    {
        var bytes = new List<byte>();
        for (int k = from; k < c.Items.Count; k++)
        {
            if (c.Items[k].Kind != SKind.String) throw WasmException.Malformed($"expected a string, found {c.Items[k]}", c.Items[k].Location(file));
            bytes.AddRange(c.Items[k].Bytes);
        }
        return bytes.ToArray();
    }
}
