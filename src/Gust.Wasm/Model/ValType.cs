namespace Gust.Wasm;

/// <summary>Value types in scope (WebAssembly 2.0). Byte values are the binary encodings (spec 5.3.3).</summary>
public enum ValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}

public static class ValTypes
{
    public static bool IsRef(this ValType t) => t is ValType.FuncRef or ValType.ExternRef;
    public static bool IsNum(this ValType t) => !t.IsRef();

    /// <summary>The text-format keyword: i32, i64, f32, f64, funcref, externref.</summary>
    public static string Name(this ValType t) => t switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>Heap type keyword used by ref.null: func or extern.</summary>
    public static string HeapName(this ValType t) => t == ValType.FuncRef ? "func" : "extern";

    public static bool IsDefined(byte b) => b is 0x7F or 0x7E or 0x7D or 0x7C or 0x70 or 0x6F;
}
