using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>Maps Wasmtime's trap codes to the spec's trap kinds.</summary>
public static class WasmtimeTraps
{
    public static WastTrapException ToWast(TrapException e, WasmtimeHost host) =>
        new(Kinds(e.Type), e.Type == TrapCode.Interrupt ? $"ran longer than the time limit of {host.TimeLimit.TotalSeconds} s" : $"Wasmtime trap code {e.Type}");

    private static TrapKind[] Kinds(TrapCode code) => code switch
    {
        TrapCode.Unreachable => [TrapKind.Unreachable],
        TrapCode.IntegerDivisionByZero => [TrapKind.IntegerDivideByZero],
        TrapCode.IntegerOverflow => [TrapKind.IntegerOverflow],
        TrapCode.BadConversionToInteger => [TrapKind.InvalidConversionToInteger],
        TrapCode.MemoryOutOfBounds => [TrapKind.OutOfBoundsMemoryAccess],
        // Wasmtime uses one code for an out-of-range call_indirect index ("undefined element") and
        // every other out-of-range table access.
        TrapCode.TableOutOfBounds => [TrapKind.OutOfBoundsTableAccess, TrapKind.UndefinedElement],
        TrapCode.IndirectCallToNull => [TrapKind.UninitializedElement],
        TrapCode.BadSignature => [TrapKind.IndirectCallTypeMismatch],
        TrapCode.StackOverflow => [TrapKind.CallStackExhausted],
        _ => [TrapKind.Other],
    };
}
