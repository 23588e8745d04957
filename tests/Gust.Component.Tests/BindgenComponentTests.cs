using Gust.Component.Binary;
using Gust.Component.Validation;
using Gust.Component.Wrap;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>The core modules built from C through `gust bindgen c` use the names `gust component new` expects of a producer.</summary>
public sealed class BindgenComponentTests
{
    [Theory]
    [InlineData("strings", "strings.c")]
    [InlineData("lists", "lists.c")]
    [InlineData("records", "records.c")]
    [InlineData("variants", "variants.c")]
    [InlineData("results", "results.c")]
    [InlineData("options", "options.c")]
    [InlineData("flag-sets", "flag_sets.c")]
    [InlineData("enums", "enums.c")]
    [InlineData("tuples", "tuples.c")]
    [InlineData("primitives", "primitives.c")]
    [InlineData("world-funcs", "world_funcs.c")]
    [InlineData("resources", "resources.c")]
    [InlineData("spill", "spill.c")]
    [InlineData("joins", "joins.c")]
    public void CoreModuleWrapsIntoAValidComponent(string world, string cFile)
    {
        var (w, core) = BindgenHarness.CompileCore(world, cFile);
        var component = ComponentReader.Read(ComponentNew.Build(core, w));
        ComponentValidator.Validate(component);
        var wit = ComponentWit.Print(component);
        foreach (var item in w.Exports) Assert.Contains(item.Function?.Name ?? item.Interface!.Name!, wit, StringComparison.Ordinal);
    }
}
