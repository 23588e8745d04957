using Gust.Wasm;

namespace Gust.Codegen.Llvm;

/// <summary>How wasm values are represented in LLVM IR.</summary>
public static class LlvmTypes
{
    /// <summary>References are pointers: a funcref points at the function's descriptor, null is ref.null.</summary>
    public static string Of(ValType t) => t switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "float",
        ValType.F64 => "double",
        ValType.FuncRef or ValType.ExternRef => "ptr",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>The integer type with the same bits as a float type (for bitwise float operations).</summary>
    public static string BitsOf(ValType t) => t == ValType.F32 ? "i32" : t == ValType.F64 ? "i64" : Of(t);

    public static int Width(ValType t) => t is ValType.I64 or ValType.F64 ? 64 : 32;

    /// <summary>A function returns nothing, one value, or a literal struct of its results (multi-value).</summary>
    public static string Return(ValType[] results) => results.Length switch
    {
        0 => "void",
        1 => Of(results[0]),
        _ => Struct(results),
    };

    public static string Struct(IEnumerable<ValType> types) => "{ " + string.Join(", ", types.Select(Of)) + " }";

    public static string Params(ValType[] parameters) => string.Join(", ", parameters.Select(Of));

    /// <summary>The zero value of a type as an IR constant.</summary>
    public static string Zero(ValType t) => t switch
    {
        ValType.F32 or ValType.F64 => "0.0",
        ValType.FuncRef or ValType.ExternRef => "null",
        _ => "0",
    };
}
