using System.Text.RegularExpressions;
using Gust.Component.Binary;
using Gust.Component.Wit;
using Gust.Component.Wrap;
using Gust.Wasm.Binary;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// WIT recovered from component type information: the <c>component-type</c> section jco's componentEmbed writes
/// decodes to the package the module was embedded with, and `gust component new` without --wit (reading that
/// section) makes the same component as with --wit.
/// </summary>
public sealed class ComponentWitTests
{
    public static TheoryData<string> Worlds() => new(WitTestData.WorldNames());

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EmbeddedWitDecodesToTheSourcePackage(string world)
    {
        var core = ModuleReader.Read(File.ReadAllBytes(JcoInteropTests.SampleCore(world)));
        var section = core.Customs.Single(c => c.Name.StartsWith("component-type", StringComparison.Ordinal));
        var (decoded, worldName) = ComponentWit.DecodeEmbedded(section.Data);
        var source = WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, world));
        Assert.Equal(source.SelectWorld(world == "includes" ? world : null).ToString(), decoded.SelectWorld(worldName).ToString());
        // Only what the world uses is embedded, without docs; the world has the same items (encoders order them differently).
        Assert.Equal(WorldText(WitPrinter.Print(source.Root), worldName), WorldText(WitPrinter.Print(decoded.Root), worldName));
    }

    [Theory]
    [InlineData("kitchen-sink")]
    [InlineData("resource-export")]
    [InlineData("deps-app")]
    public void NewWithoutWitReadsTheEmbeddedWorld(string world)
    {
        var path = JcoInteropTests.SampleCore(world);
        var bytes = File.ReadAllBytes(path);
        var withWit = ComponentNew.Build(bytes, WitResolver.ResolveDirectory(Path.Combine(WitTestData.WorldsDir, world)).SelectWorld(), path);
        var embedded = ComponentNew.Build(bytes, null, path);
        Assert.Equal(Sorted(ComponentWit.Print(ComponentReader.Read(withWit))), Sorted(ComponentWit.Print(ComponentReader.Read(embedded))));
    }

    private static string Sorted(string wit) => string.Join('\n', wit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Order(StringComparer.Ordinal));

    /// <summary>The lines of world <c>ns:pkg/name@v</c>'s block, trimmed, without docs, sorted.</summary>
    private static string WorldText(string wit, string qualified)
    {
        var name = qualified[(qualified.IndexOf('/') + 1)..].Split('@')[0];
        var m = Regex.Match(wit, $@"^world {Regex.Escape(name)} \{{\n(.*?)^\}}", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(m.Success, $"no world {name} in:\n{wit}");
        return Sorted(string.Join('\n', m.Groups[1].Value.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal))));
    }
}
