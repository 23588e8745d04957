using Gust.Component.Wast;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Runs the component-model suite's .wast scripts (GUST_SPEC, default ../shared/spec): every parse and
/// validation assertion must pass; commands needing a runtime or an unsupported extension are skipped by reason.
/// </summary>
public class ComponentWastTests
{
    internal static string SuiteRoot
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GUST_SPEC");
            if (!string.IsNullOrEmpty(env)) return Path.Combine(Path.GetFullPath(env), "component-model", "test");
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gust.sln"))) dir = dir.Parent;
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "spec", "component-model", "test"));
        }
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(SuiteRoot)) return data;
        foreach (var f in Directory.GetFiles(SuiteRoot, "*.wast", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(SuiteRoot, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ScriptHasNoFailures(string file)
    {
        var result = ComponentWastRunner.RunFile(Path.Combine(SuiteRoot, file));
        var failures = result.Results.Where(r => r.Status == WastStatus.Failed).Select(r => $"{r.Location}: {r.Command}: {r.Message}");
        Assert.True(result.Failed == 0, $"{result.Failed} failed, {result.Passed} passed, {result.Skipped} skipped:\n{string.Join("\n", failures)}");
    }
}
