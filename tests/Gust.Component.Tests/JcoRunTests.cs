using Gust.Component.Bindgen;
using Gust.Component.Wit;
using Gust.Component.Wrap;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Components written in C run under jco: `gust bindgen c` bindings plus the C of tests/Gust.Component.Tests/bindgen,
/// compiled with clang-16 for wasm32, wrapped by `gust component new`, then transpiled by jco and called from node
/// (tests/jco/run.mjs with the expectations in tests/jco/cases/&lt;world&gt;.mjs): strings, lists, records, variants,
/// results, an exported resource used as a JS class, imported resources implemented by JS classes, world-level
/// functions and an inline interface.
/// </summary>
public sealed class JcoRunTests
{
    [Theory]
    [InlineData("strings", 9)]
    [InlineData("lists", 7)]
    [InlineData("records", 4)]
    [InlineData("variants", 9)]
    [InlineData("results", 12)]
    [InlineData("resource-export", 4)]
    [InlineData("resources", 1)]
    [InlineData("world-funcs", 4)]
    public void CComponentRunsUnderJco(string world, int checks)
    {
        var witDir = Path.Combine(WitTestData.WorldsDir, world);
        var w = WitResolver.ResolveDirectory(witDir).SelectWorld();
        var dir = Directory.CreateTempSubdirectory("gust-jco-c-");
        try
        {
            var bindings = CBindgen.Generate(w);
            CBindgen.WriteTo(bindings, dir.FullName);
            var core = Path.Combine(dir.FullName, "core.wasm");
            Jco.Exec("clang-16", "--target=wasm32", "-nostdlib", "-O2", "-Wl,--no-entry", $"-I{dir.FullName}",
                Path.Combine(dir.FullName, bindings.GlueName), CSource(world), "-o", core);
            var component = Path.Combine(dir.FullName, "component.wasm");
            File.WriteAllBytes(component, ComponentNew.Build(File.ReadAllBytes(core), w, core));
            var output = Jco.Exec("node", Path.Combine(Jco.Dir, "run.mjs"), component, Path.Combine(Jco.Dir, "cases", world + ".mjs"));
            Assert.Equal($"{checks} checks passed", output.Trim());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The bindgen tests' C for a world: bindgen/&lt;world&gt;.c, the world's dashes as underscores or kept.</summary>
    private static string CSource(string world)
    {
        var dir = Path.Combine(WitTestData.WorldsDir, "..", "bindgen");
        var underscored = Path.Combine(dir, world.Replace('-', '_') + ".c");
        return File.Exists(underscored) ? underscored : Path.Combine(dir, world + ".c");
    }
}
