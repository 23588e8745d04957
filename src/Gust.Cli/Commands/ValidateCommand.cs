using System.CommandLine;
using Gust.Wasm.Validation;

namespace Gust.Cli.Commands;

public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a core module: .wasm or .wat" };
        var cmd = new Command("validate", "Parse and validate a core module.") { file };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(file)!;
            var module = ModuleLoader.Load(path);
            Validator.Validate(module, path);
            Console.WriteLine($"{path}: valid ({module.FuncCount} functions, {module.MemoryCount} memories, {module.TableCount} tables)");
            return 0;
        }));
        return cmd;
    }
}
