using System.CommandLine;

namespace Gust.Cli.Commands;

/// <summary>The subcommands, in the order `gust --help` lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return ValidateCommand.Create();
        yield return Wat2WasmCommand.Create();
        yield return PrintCommand.Create();
        yield return WastCommand.Create();
        yield return CompileCommand.Create();
        yield return BindgenCommand.Create();
        yield return BenchCommand.Create();
        yield return ComponentCommand.Create();
    }
}
