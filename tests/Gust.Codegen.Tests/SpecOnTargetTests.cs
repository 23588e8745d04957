using Gust.Firmware.Boards;
using Gust.Firmware.Wast;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>Spec scripts run on the boards through the same runner as on the host; in-scope files must have no failures.</summary>
public class SpecOnTargetTests
{
    private static string SpecFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gust.sln"))) dir = dir.Parent;
        var root = Environment.GetEnvironmentVariable("GUST_SPEC") is { Length: > 0 } env ? env : Path.Combine(dir!.FullName, "..", "shared", "spec");
        return Path.Combine(root, "wasm-testsuite", name);
    }

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var board in Native.Boards)
            foreach (var f in (string[])["i32.wast", "i64.wast", "f32.wast", "f64.wast", "conversions.wast", "float_exprs.wast", "float_misc.wast",
                         "int_exprs.wast", "address.wast", "br_table.wast", "traps.wast", "names.wast", "table_copy.wast", "skip-stack-guard-page.wast",
                         "linking.wast", "imports.wast", "imports4.wast", "table_grow.wast", "memory_grow.wast", "global.wast", "elem.wast", "data.wast"])
                data.Add(board, f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SpecFilePasses(string board, string file)
    {
        var result = TargetWastRunner.RunFile(SpecFile(file), BoardCatalog.Load(board), TimeSpan.FromMinutes(2));
        var failures = result.Results.Where(r => r.Status == WastStatus.Failed).Take(20)
            .Select(r => $"{r.Location}: {r.Command}: {r.Message}");
        Assert.True(result.Failed == 0, $"{file} on {board}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped\n{string.Join("\n", failures)}");
        Assert.True(result.Passed > 0);
    }
}
