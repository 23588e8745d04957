using System.CommandLine;
using Gust.Component.Binary;
using Gust.Component.Validation;
using Gust.Component.Wit;
using Gust.Component.Wrap;
using Gust.Wasm;

namespace Gust.Cli.Commands;

/// <summary>`gust component new|wit`: wrap a core module into a component; print a component's WIT.</summary>
public static class ComponentCommand
{
    public static Command Create() => new("component", "Make components from core modules and read their WIT.") { New(), Wit() };

    private static Command New()
    {
        var core = new Argument<string>("core") { Description = "the core module (.wasm) implementing the world" };
        var wit = new Option<string?>("--wit") { Description = "the WIT package folder or file (default: the module's component-type section)" };
        var world = new Option<string?>("--world") { Description = "the world to implement (default: the package's only world)" };
        var output = new Option<string>("-o", "--output") { Description = "the component to write", Required = true };
        var cmd = new Command("new", "Wrap a core module that uses the canonical ABI names into a component.") { core, wit, world, output };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(core)!;
            WitWorld? w = null;
            if (r.GetValue(wit) is { } dir) w = WitResolver.ResolvePath(dir).SelectWorld(r.GetValue(world));
            var bytes = ComponentNew.Build(File.ReadAllBytes(path), w, path);
            CliErrors.WriteAtomically(r.GetValue(output)!, bytes);
            return 0;
        }));
        return cmd;
    }

    private static Command Wit()
    {
        var file = new Argument<string>("component") { Description = "a component (.wasm)" };
        var cmd = new Command("wit", "Print the WIT world a component implements.") { file };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(file)!;
            var bytes = File.ReadAllBytes(path);
            if (!ComponentReader.IsComponent(bytes))
                throw WasmException.Invalid("not a component (a core module? wrap it with `gust component new`)", SourceLocation.AtOffset(path, 0));
            var component = ComponentReader.Read(bytes, path);
            ComponentValidator.Validate(component, path);
            Console.Out.Write(ComponentWit.Print(component));
            return 0;
        }));
        return cmd;
    }
}
