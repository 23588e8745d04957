using System.Diagnostics;
using Gust.Wasm;

namespace Gust.Codegen.Tools;

/// <summary>Runs the external tools Gust drives (clang, ld.lld, gcc for library paths); a failure becomes a diagnostic.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw Failure(exe, "did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Failure(exe, $"could not be started ({e.Message}); run scripts/ensure-deps.sh");
        }
        using (p)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return new Result(p.ExitCode, stdout, stderr.Result);
        }
    }

    /// <summary>Runs a tool that must succeed; its stderr becomes the error message otherwise.</summary>
    public static string Check(string exe, IEnumerable<string> args)
    {
        var argList = args.ToList();
        var r = Run(exe, argList);
        if (r.ExitCode != 0)
            throw Failure(exe, $"failed (exit {r.ExitCode}): {FirstLines(r.StdErr)}");
        return r.StdOut;
    }

    public static WasmException Failure(string exe, string what) =>
        new(new Diagnostic(DiagnosticKind.Error, $"{Path.GetFileName(exe)} {what}", SourceLocation.AtOffset(null, -1)));

    private static string FirstLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(8));
}
