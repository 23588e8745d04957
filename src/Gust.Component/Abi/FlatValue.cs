using Gust.Wasm;

namespace Gust.Component.Abi;

/// <summary>
/// A core wasm value as the canonical ABI's flat form passes it: its type and its bits (i32/f32 in the low 32 bits,
/// floats as their IEEE bit patterns, so NaN payloads are kept exactly).
/// </summary>
public readonly record struct FlatValue(ValType Type, ulong Bits)
{
    public static FlatValue I32(uint v) => new(ValType.I32, v);
    public static FlatValue I32(int v) => new(ValType.I32, unchecked((uint)v));
    public static FlatValue I64(ulong v) => new(ValType.I64, v);
    public static FlatValue I64(long v) => new(ValType.I64, unchecked((ulong)v));
    public static FlatValue F32(float v) => new(ValType.F32, BitConverter.SingleToUInt32Bits(v));
    public static FlatValue F64(double v) => new(ValType.F64, BitConverter.DoubleToUInt64Bits(v));

    public uint AsI32 => (uint)Bits;
    public float AsF32 => BitConverter.UInt32BitsToSingle((uint)Bits);
    public double AsF64 => BitConverter.UInt64BitsToDouble(Bits);

    public override string ToString() => Type switch
    {
        ValType.I32 => $"i32 {(uint)Bits}",
        ValType.F32 => $"f32 {AsF32} (0x{(uint)Bits:x8})",
        ValType.F64 => $"f64 {AsF64} (0x{Bits:x16})",
        _ => $"{Type.Name()} {Bits}",
    };
}
