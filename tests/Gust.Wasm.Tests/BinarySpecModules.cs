using Gust.Wasm.Wast;

namespace Gust.Wasm.Tests;

/// <summary>A <c>(module binary "...")</c> of a spec script: on its own, or inside an assertion with its expected message.</summary>
public sealed record BinarySpecModule(string File, SourceLocation Location, string Command, byte[] Bytes, string? Message)
{
    public override string ToString() => $"{Path.GetFileName(File)}:{Location.Line} {Command}";
}

/// <summary>The binary modules of the spec scripts, found with <see cref="WastParser"/>.</summary>
public static class BinarySpecModules
{
    private static readonly Lazy<IReadOnlyList<BinarySpecModule>> Cached = new(() => SpecSuite.WastFiles().SelectMany(From).ToList());

    public static IReadOnlyList<BinarySpecModule> All() => Cached.Value;

    private static IEnumerable<BinarySpecModule> From(string file)
    {
        var script = WastParser.Parse(File.ReadAllText(file), file);
        foreach (var command in script.Commands)
        {
            var found = command switch
            {
                ModuleCommand { Source: BinaryModuleSource b } => ("module", b, (string?)null),
                AssertMalformed { Module: BinaryModuleSource b } a => ("assert_malformed", b, a.Message),
                AssertInvalid { Module: BinaryModuleSource b } a => ("assert_invalid", b, a.Message),
                AssertUnlinkable { Module: BinaryModuleSource b } a => ("assert_unlinkable", b, a.Message),
                AssertUninstantiable { Module: BinaryModuleSource b } a => ("assert_trap", b, a.Message),
                _ => default,
            };
            if (found.Item2 is { } source) yield return new(file, command.Location, found.Item1, source.Bytes, found.Item3);
        }
    }
}
