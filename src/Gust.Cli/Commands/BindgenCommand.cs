using System.CommandLine;
using Gust.Component.Bindgen;
using Gust.Component.Wit;

namespace Gust.Cli.Commands;

/// <summary><c>gust bindgen c --wit DIR --world W -o DIR</c>: C bindings for writing a component in C.</summary>
public static class BindgenCommand
{
    public static Command Create()
    {
        var wit = new Option<string>("--wit") { Description = "the WIT package: a folder (with deps/) or a .wit file", Required = true };
        var world = new Option<string?>("--world") { Description = "the world to bind (default: the package's only world)" };
        var output = new Option<string>("--output", "-o") { Description = "the folder to write <world>.h and <world>.c to", Required = true };
        var c = new Command("c", "C header and glue (clang --target=wasm32 -nostdlib) for a world's imports and exports.") { wit, world, output };
        c.SetAction(r => CliErrors.Guard(() =>
        {
            var packages = WitResolver.ResolvePath(r.GetValue(wit)!);
            var bindings = CBindgen.Generate(packages.SelectWorld(r.GetValue(world)));
            CBindgen.WriteTo(bindings, r.GetValue(output)!);
            Console.WriteLine($"wrote {Path.Combine(r.GetValue(output)!, bindings.HeaderName)} and {bindings.GlueName}");
            return 0;
        }));
        return new Command("bindgen", "Generate bindings for writing components.") { c };
    }
}
