using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>What this compiler does not lower yet, reported as one clear error rather than wrong code.</summary>
internal static class Unsupported
{
    public static WasmException Error(string message) =>
        new(new Diagnostic(DiagnosticKind.Error, $"gust compile: {message}", SourceLocation.AtOffset(null, -1)));

    public static WasmException Instruction(Instr instr, string function) =>
        Error($"{instr.Info.Name} (in {function}) is not lowered to native code yet");
}
