using System.Diagnostics;
using System.Text.RegularExpressions;
using Gust.Component.Binary;
using Gust.Component.Wrap;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Interop with jco (npm @bytecodealliance/jco in tests/jco, driven by tests/jco/jco.mjs): for each test world,
/// jco makes a core module implementing it (componentEmbed's dummy module, with the WIT embedded);
/// (a) `gust component new` wraps it, jco accepts the component and its componentWit equals ours;
/// (b) jco's componentNew wraps the same module, and our WIT of jco's component equals jco's and ours of our own.
/// jco prints only the root world (interfaces by name), so worlds compare as jco prints them and the
/// interfaces' contents compare between our decodings of both components.
/// </summary>
public sealed class JcoInteropTests
{
    public static TheoryData<string> Worlds() => new(WitTestData.WorldNames());

    [Theory]
    [MemberData(nameof(Worlds))]
    public void JcoComponentReadsBackAsJcoSaysB(string world)
    {
        var s = Sample.Of(world);
        Assert.Equal(WorldPart(s.JcoWit), WorldPart(s.OursOfJco));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void GustComponentIsReadByJcoA(string world)
    {
        var s = Sample.Of(world);
        var gustComponent = Path.Combine(s.Dir, "gust.wasm");
        File.WriteAllBytes(gustComponent, ComponentNew.Build(File.ReadAllBytes(s.Core), null, s.Core));
        var ours = ComponentWit.Print(ComponentReader.Read(File.ReadAllBytes(gustComponent)));
        Assert.Equal(WorldPart(Jco.Run("wit", gustComponent)), WorldPart(ours));

        // The interfaces' contents: the same as decoded from the component jco makes of the same module (the two
        // encoders order an instance's types differently, so lines compare as sorted lists).
        Assert.Equal(SortedLines(s.OursOfJco), SortedLines(ours));
    }

    [Fact]
    public void EveryTypeKindIsCovered()
    {
        var text = string.Concat(WitTestData.WorldNames().Select(w => string.Concat(
            Directory.EnumerateFiles(Path.Combine(WitTestData.WorldsDir, w), "*.wit", SearchOption.AllDirectories).Select(File.ReadAllText))));
        foreach (var kind in (string[])["record", "variant", "enum", "flags", "resource", "borrow<", "list<", "option<", "result<", "tuple<", "string", "char", "f64", "u64", "s8"])
            Assert.Contains(kind, text);
        Assert.True(WitTestData.WorldNames().Count() >= 15);
    }

    /// <summary>jco's core module (with the WIT embedded) for a test world, made once per test run.</summary>
    internal static string SampleCore(string world) => Sample.Of(world).Core;

    /// <summary>What jco makes for one world (once per test run): the core module, its component, jco's WIT of it, ours.</summary>
    private sealed record Sample(string Dir, string Core, string JcoWit, string OursOfJco)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Sample>> Cache = new();

        public static Sample Of(string world) => Cache.GetOrAdd(world, w => new(() => Make(w))).Value;

        private static Sample Make(string world)
        {
            var dir = Path.Combine(Path.GetTempPath(), "gust-jco", $"{world}-{Environment.ProcessId}");
            Directory.CreateDirectory(dir);
            // A package with several worlds names the one its folder is named for.
            var jcoWit = Jco.Run("sample", Path.Combine(WitTestData.WorldsDir, world), world == "includes" ? world : "", dir);
            var ours = ComponentWit.Print(ComponentReader.Read(File.ReadAllBytes(Path.Combine(dir, "jco.wasm"))));
            return new(dir, Path.Combine(dir, "core.wasm"), jcoWit, ours);
        }
    }

    private static string SortedLines(string wit) =>
        string.Join('\n', Normalize(wit).Split('\n').Select(SortUseList).Order(StringComparer.Ordinal));

    /// <summary>`use i.{b, a};` → `use i.{a, b};`: the order of a use list follows the encoder's type order.</summary>
    private static string SortUseList(string line)
    {
        var m = Regex.Match(line, @"^use (.*)\.\{(.*)\};$");
        return m.Success ? $"use {m.Groups[1].Value}.{{{string.Join(", ", m.Groups[2].Value.Split(", ").Order(StringComparer.Ordinal))}}};" : line;
    }

    /// <summary>The root package and world only (jco's componentWit leaves out the interfaces' packages), lines trimmed, blank lines dropped.</summary>
    private static string WorldPart(string wit)
    {
        var nested = Regex.Match(wit, @"^package [^\s;]+ \{", RegexOptions.Multiline);
        return Normalize(nested.Success ? wit[..nested.Index] : wit);
    }

    private static string Normalize(string wit) =>
        string.Join('\n', wit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}

/// <summary>Runs tests/jco's node scripts (and other tools the jco tests need).</summary>
internal static class Jco
{
    public static string Dir { get; } = Path.GetFullPath(Path.Combine(WitTestData.WorldsDir, "..", "..", "jco"));

    /// <summary>node jco.mjs with <paramref name="args"/>; its standard output.</summary>
    public static string Run(params string[] args) => Exec("node", [Path.Combine(Dir, "jco.mjs"), .. args]);

    /// <summary>Runs a program to completion; a non-zero exit fails the test with its output.</summary>
    public static string Exec(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', args)} failed: {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }
}
