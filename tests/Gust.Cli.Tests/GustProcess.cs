using System.Diagnostics;

namespace Gust.Cli.Tests;

/// <summary>Runs the built `gust` executable as a user would, capturing exit code and both streams.</summary>
public sealed record GustResult(int ExitCode, string Out, string Err);

public static class GustProcess
{
    public static GustResult Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    public static GustResult RunIn(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "gust"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"gust {string.Join(' ', args)} did not finish");
        }
        return new GustResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempDir() => Directory.CreateTempSubdirectory("gust-cli-test-").FullName;
}
