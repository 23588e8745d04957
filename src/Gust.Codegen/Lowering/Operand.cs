using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// A value on the wasm operand stack: its type, the IR value (a temporary or a constant) holding it,
/// and its value number when it has one (<see cref="FunctionLowerer"/>'s Checks part: equal numbers,
/// equal values), which lets a bounds check stand in for later ones on the same address.
/// </summary>
internal readonly record struct Operand(ValType Type, string Value, int? Number = null)
{
    public string Ir => LlvmTypes.Of(Type);
    public string Typed => $"{Ir} {Value}";
}
