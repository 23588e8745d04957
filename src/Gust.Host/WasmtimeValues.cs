using Gust.Wasm;
using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>The host value behind <c>ref.extern N</c>: a box that compares by N, so a value passed in and returned compares equal.</summary>
public sealed record HostRef(ulong Number);

/// <summary>
/// Converts between script values and the binding's. Floats cross as float/double holding the
/// exact bits: the binding copies them through its value union without arithmetic, so NaN
/// payloads (signalling ones too) survive both ways.
/// </summary>
public static class WasmtimeValues
{
    public static ValueBox ToBox(WastValue v) => v.Type switch
    {
        ValType.I32 => (int)(uint)v.Bits,
        ValType.I64 => (long)v.Bits,
        ValType.F32 => BitConverter.UInt32BitsToSingle((uint)v.Bits),
        ValType.F64 => BitConverter.UInt64BitsToDouble(v.Bits),
        ValType.ExternRef => ValueBox.AsBox<object>(v.IsNull ? null : new HostRef(v.Bits)),
        ValType.FuncRef when v.IsNull => Function.Null,
        _ => throw new WastEngineException($"cannot pass {WastResultMatcher.Format(v)} to the host engine"),
    };

    public static WastValue FromObject(object? o, ValueKind kind) => kind switch
    {
        ValueKind.Int32 => WastValue.I32((int)o!),
        ValueKind.Int64 => WastValue.I64((long)o!),
        ValueKind.Float32 => WastValue.F32(BitConverter.SingleToUInt32Bits((float)o!)),
        ValueKind.Float64 => WastValue.F64(BitConverter.DoubleToUInt64Bits((double)o!)),
        ValueKind.FuncRef => o is Function { IsNull: false } ? new WastValue(ValType.FuncRef, 0) : WastValue.NullRef(ValType.FuncRef),
        ValueKind.ExternRef => o switch
        {
            null => WastValue.NullRef(ValType.ExternRef),
            HostRef h => new WastValue(ValType.ExternRef, h.Number),
            _ => throw new WastEngineException($"an externref result holds a {o.GetType().Name}, not a script host value"),
        },
        _ => throw new WastEngineException($"a {kind} value has no representation in scripts"),
    };

    public static ValueKind KindOf(ValType t) => t switch
    {
        ValType.I32 => ValueKind.Int32,
        ValType.I64 => ValueKind.Int64,
        ValType.F32 => ValueKind.Float32,
        ValType.F64 => ValueKind.Float64,
        ValType.FuncRef => ValueKind.FuncRef,
        _ => ValueKind.ExternRef,
    };
}
