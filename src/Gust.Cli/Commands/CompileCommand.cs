using System.CommandLine;
using System.Text;
using Gust.Codegen;
using Gust.Wasm.Validation;

namespace Gust.Cli.Commands;

/// <summary>`gust compile F.wasm -o F.o --target …`: a validated core module to a relocatable object (or its LLVM IR).</summary>
public static class CompileCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a core module: .wasm or .wat" };
        var output = new Option<string>("--output", "-o") { Description = "the object file to write (.o), or the IR (.ll) with --emit-llvm", Required = true };
        var target = new Option<string>("--target")
        {
            Description = "thumbv7m (Cortex-M3), thumbv7em (Cortex-M4, soft float) or rv32imac; m3, m4 and rv32 also work",
            Required = true,
        };
        target.AcceptOnlyFromAmong([.. Target.All.Select(t => t.Name), .. Target.All.Select(t => t.ShortName)]);
        var emitLlvm = new Option<bool>("--emit-llvm") { Description = "write the LLVM IR (it keeps the wasm function names) instead of an object" };
        var boundsChecks = new Option<string>("--bounds-checks")
        {
            Description = "on (default) or off; off leaves out-of-bounds accesses unchecked and exists only to measure what the checks cost",
            DefaultValueFactory = _ => "on",
        };
        boundsChecks.AcceptOnlyFromAmong("on", "off");
        var window = new Option<ulong?>("--memory-window") { Description = "bytes of RAM reserved per memory (default: its minimum size); memory.grow succeeds up to it" };
        var guard = new Option<ulong?>("--stack-guard")
        {
            Description = "bytes of a guard below the stack that faults on access (an MPU region, a locked PMP entry; the board manifest's [stack]), "
                + "which the firmware must set up and report as call stack exhausted: functions whose frame cannot exceed it skip the stack limit check. "
                + "Default: no guard, every function checks the stack pointer against gust_stack_limit on entry",
        };
        var cmd = new Command("compile", "Compile a core module to native code for a microcontroller.") { file, output, target, emitLlvm, boundsChecks, window, guard };
        cmd.SetAction(r => CliErrors.Guard(() =>
        {
            var path = r.GetValue(file)!;
            var module = ModuleLoader.Load(path);
            Validator.Validate(module, path);
            var options = new CodegenOptions(Target.Find(r.GetValue(target)!)!)
            {
                BoundsChecks = r.GetValue(boundsChecks) != "off",
                MemoryWindow = r.GetValue(window),
                StackGuard = r.GetValue(guard),
            };
            if (!options.BoundsChecks)
                Console.Error.WriteLine("warning: bounds checks are off: out-of-bounds memory accesses will not trap (for measurement only)");
            var bytes = r.GetValue(emitLlvm)
                ? Encoding.UTF8.GetBytes(ModuleCompiler.EmitIr(module, options))
                : ModuleCompiler.Compile(module, options);
            CliErrors.WriteAtomically(r.GetValue(output)!, bytes);
            return 0;
        }));
        return cmd;
    }
}
