using System.CommandLine;
using Gust.Cli.Commands;

namespace Gust.Cli;

/// <summary>The root `gust` command: wires the subcommands; each lives in Commands/.</summary>
public static class GustCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Gust: dissolves WebAssembly components into bare-metal firmware.");
        foreach (var c in CommandCatalog.All()) root.Subcommands.Add(c);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine($"gust: {e.Message}");
            Console.Error.WriteLine("Run 'gust --help' for usage.");
            return 2;
        }
        return parsed.Invoke();
    }
}
