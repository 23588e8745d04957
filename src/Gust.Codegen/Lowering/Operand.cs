using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>A value on the wasm operand stack: its type and the IR value (a temporary or a constant) holding it.</summary>
internal readonly record struct Operand(ValType Type, string Value)
{
    public string Ir => LlvmTypes.Of(Type);
    public string Typed => $"{Ir} {Value}";
}
