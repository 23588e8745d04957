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

    [Fact]
    public void SkipsNameWhatTheCommandNeeds()
    {
        if (!Directory.Exists(SuiteRoot)) return;
        var results = Directory.GetFiles(SuiteRoot, "*.wast", SearchOption.AllDirectories).SelectMany(f => ComponentWastRunner.RunFile(f).Results).ToList();
        var skipped = results.Where(r => r.Status == WastStatus.Skipped).ToList();
        Assert.All(skipped, r => Assert.False(string.IsNullOrEmpty(r.SkipReason), $"{r.Location}: {r.Command} skipped without a reason"));
        // Every parse/validation assertion the suite has either runs or needs a named extension.
        var asserted = results.Where(r => r.Command is "assert_invalid" or "assert_malformed").ToList();
        Assert.True(asserted.Count(r => r.Status == WastStatus.Passed) >= 440, "parse and validation assertions passing");
        Assert.All(asserted.Where(r => r.Status == WastStatus.Skipped), r => Assert.NotEqual(ComponentWastRunner.Execution, r.SkipReason));
    }
}
