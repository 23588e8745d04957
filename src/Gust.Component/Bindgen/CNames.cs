using Gust.Component.Types;
using Gust.Component.Wit;

namespace Gust.Component.Bindgen;

/// <summary>
/// C identifiers for WIT names, after wit-bindgen's C generator: kebab-case becomes snake_case, C keywords get a
/// trailing underscore, constants are upper case, and anonymous types are named after their structure
/// (<c>list&lt;u8&gt;</c> → <c>list_u8</c>).
/// </summary>
internal static class CNames
{
    private static readonly HashSet<string> Keywords =
    [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
        "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true", "false",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
        "_Thread_local",
    ];

    public static string Snake(string kebab) => kebab.Replace('-', '_').ToLowerInvariant();

    /// <summary>A field, case or parameter name: snake_case, not a C keyword.</summary>
    public static string Member(string kebab)
    {
        var s = Snake(kebab);
        return Keywords.Contains(s) ? s + "_" : s;
    }

    public static string Upper(string s) => s.Replace('-', '_').ToUpperInvariant();

    public static string Primitive(Primitive p) => p switch
    {
        Types.Primitive.Bool => "bool",
        Types.Primitive.S8 => "int8_t",
        Types.Primitive.U8 => "uint8_t",
        Types.Primitive.S16 => "int16_t",
        Types.Primitive.U16 => "uint16_t",
        Types.Primitive.S32 => "int32_t",
        Types.Primitive.U32 => "uint32_t",
        Types.Primitive.S64 => "int64_t",
        Types.Primitive.U64 => "uint64_t",
        Types.Primitive.F32 => "float",
        Types.Primitive.F64 => "double",
        Types.Primitive.Char => "uint32_t",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    /// <summary>The C type of a core wasm value type.</summary>
    public static string Core(Wasm.ValType t) => t switch
    {
        Wasm.ValType.I32 => "int32_t",
        Wasm.ValType.I64 => "int64_t",
        Wasm.ValType.F32 => "float",
        Wasm.ValType.F64 => "double",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>A C identifier fragment that names a function of a world item (<c>[method]r.f</c> → <c>method_r_f</c>).</summary>
    public static string Function(WitFunction f) => f.Kind switch
    {
        FunctionKind.Method => $"method_{Snake(f.Resource!.Name)}_{Snake(f.Name)}",
        FunctionKind.Static => $"static_{Snake(f.Resource!.Name)}_{Snake(f.Name)}",
        FunctionKind.Constructor => $"constructor_{Snake(f.Resource!.Name)}",
        _ => Snake(f.Name),
    };
}
