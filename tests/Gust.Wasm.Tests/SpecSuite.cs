using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Finds the official test suites through GUST_SPEC (default ../shared/spec relative to the repository).
/// Where they are absent a test is skipped with the place to get them, except under CI (CI=true), where that fails.
/// </summary>
public static class SpecSuite
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GUST_SPEC");
            if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
            return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "spec"));
        }
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gust.sln"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    public static string WasmTestsuite => Path.Combine(Root, "wasm-testsuite");

    /// <summary>The .wast files in scope of the runs: the root suite and the custom-page-sizes proposal.</summary>
    public static IEnumerable<string> WastFiles()
    {
        RequirePresent();
        return Directory.GetFiles(WasmTestsuite, "*.wast").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Path.Combine(WasmTestsuite, "proposals", "custom-page-sizes"), "*.wast").Order(StringComparer.Ordinal));
    }

    /// <summary>Skips the calling test (or fails under CI) when the suite is missing.</summary>
    public static void RequirePresent()
    {
        if (Directory.Exists(WasmTestsuite)) return;
        var msg = $"the WebAssembly spec suite is not at {WasmTestsuite}; set GUST_SPEC to a folder holding wasm-testsuite/ " +
                  "(WebAssembly/testsuite, commit in ../shared/spec/wasm-testsuite/SOURCE)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(msg);
        Assert.Skip(msg);
    }
}
