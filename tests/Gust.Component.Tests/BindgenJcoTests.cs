using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Core modules built from C through `gust bindgen c`, checked against an independent implementation: jco's
/// componentEmbed + componentNew (wit-component) accepts their import and export names, and a component with an
/// exported resource runs under jco in node.
/// </summary>
public sealed class BindgenJcoTests
{
    [Theory]
    [InlineData("strings")]
    [InlineData("lists")]
    [InlineData("records")]
    [InlineData("variants")]
    [InlineData("results")]
    [InlineData("options")]
    [InlineData("flag-sets")]
    [InlineData("enums")]
    [InlineData("tuples")]
    [InlineData("primitives")]
    [InlineData("world-funcs")]
    [InlineData("resources")]
    [InlineData("resource-export")]
    public void WitComponentAcceptsTheCoreModule(string world)
    {
        var dir = Directory.CreateTempSubdirectory("gust-bindgen-jco-");
        try
        {
            var (w, core) = BindgenHarness.CompileCore(world, world.Replace('-', '_') + ".c");
            var corePath = Path.Combine(dir.FullName, "core.wasm");
            File.WriteAllBytes(corePath, core);
            var embedded = Path.Combine(dir.FullName, "embedded.wasm");
            var component = Path.Combine(dir.FullName, "component.wasm");
            Jco.Run("embed", corePath, Path.Combine(WitTestData.WorldsDir, world), w.Name, embedded);
            Jco.Run("new", embedded, component);
            if (world == "resource-export")
            {
                var output = Jco.Exec("node", Path.Combine(Jco.Dir, "run.mjs"), component,
                    Path.Combine(Jco.Dir, "cases", world + ".mjs"));
                Assert.Equal("4 checks passed", output.Trim());
            }
            else Assert.True(new FileInfo(component).Length > core.Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
