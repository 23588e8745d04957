using System.CommandLine;
using Gust.Wasm.Text;

namespace Gust.Cli.Commands;

public static class PrintCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a core module (.wasm)" };
        var cmd = new Command("print", "Print a module in the text format; the text parses back to the same binary.") { file };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            Console.Out.Write(WatPrinter.Print(ModuleLoader.Load(r.GetValue(file)!)));
            return 0;
        }));
        return cmd;
    }
}
