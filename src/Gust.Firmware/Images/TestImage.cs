using Gust.Codegen;
using Gust.Codegen.Llvm;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Linking;
using Gust.Firmware.Qemu;
using Gust.Wasm;

namespace Gust.Firmware.Images;

/// <summary>
/// One module with a generated harness, built into an image for a board and run under QEMU:
/// the path `gust wast --target` and the codegen tests take.
/// </summary>
public static class TestImage
{
    public const string Prefix = "wasm";

    public static QemuResult BuildAndRun(Module module, BoardManifest board, IReadOnlyList<Invocation> invocations,
        CodegenOptions? options = null, TimeSpan? timeout = null, bool continueAfterTrap = false)
    {
        options ??= new CodegenOptions(board.Target) { StackGuard = board.Stack.CodegenGuard };
        if (options.Target != board.Target) throw FirmwareError.Of($"module compiled for {options.Target}, board {board.Name} is {board.Target}");
        var dir = Directory.CreateTempSubdirectory("gust-image-");
        try
        {
            var moduleObj = Path.Combine(dir.FullName, "module.o");
            File.WriteAllBytes(moduleObj, ModuleCompiler.Compile(module, options with { SymbolPrefix = Prefix }));
            var harnessLl = Path.Combine(dir.FullName, "harness.ll");
            var harnessObj = Path.Combine(dir.FullName, "harness.o");
            File.WriteAllText(harnessLl, HarnessWriter.Write(module, Prefix, invocations, continueAfterTrap));
            Clang.CompileFile(board.Target, harnessLl, harnessObj);
            var elf = Path.Combine(dir.FullName, "image.elf");
            FirmwareLinker.Link(board, [moduleObj, harnessObj], elf);
            return QemuRunner.Run(board, elf, timeout ?? TimeSpan.FromSeconds(30));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
