using System.CommandLine;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;

namespace Gust.Cli.Commands;

public static class Wat2WasmCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a module in the text format (.wat)" };
        var output = new Option<string>("--output", "-o") { Description = "where to write the binary (.wasm)", Required = true };
        var noValidate = new Option<bool>("--no-validate") { Description = "write the binary even if it does not validate" };
        var cmd = new Command("wat2wasm", "Convert a module from text to binary.") { file, output, noValidate };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(file)!;
            var text = File.ReadAllText(path);
            var module = WatParser.ParseModule(text, path);
            if (!r.GetValue(noValidate)) Validator.Validate(module, path);
            CliErrors.WriteAtomically(r.GetValue(output)!, ModuleWriter.Write(module));
            return 0;
        }));
        return cmd;
    }
}
