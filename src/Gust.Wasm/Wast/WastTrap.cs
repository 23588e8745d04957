namespace Gust.Wasm.Wast;

/// <summary>The traps the spec suite names in assert_trap and assert_exhaustion.</summary>
public enum TrapKind
{
    Unreachable,
    IntegerDivideByZero,
    IntegerOverflow,
    InvalidConversionToInteger,
    OutOfBoundsMemoryAccess,
    OutOfBoundsTableAccess,
    UndefinedElement,
    UninitializedElement,
    IndirectCallTypeMismatch,
    CallStackExhausted,
    /// <summary>Anything else; the exception's message says what.</summary>
    Other,
}

public static class TrapKinds
{
    private static readonly TrapKind[] Named = Enum.GetValues<TrapKind>().Where(k => k != TrapKind.Other).ToArray();

    /// <summary>The spec suite's text for a trap kind.</summary>
    public static string Message(this TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversionToInteger => "invalid conversion to integer",
        TrapKind.OutOfBoundsMemoryAccess => "out of bounds memory access",
        TrapKind.OutOfBoundsTableAccess => "out of bounds table access",
        TrapKind.UndefinedElement => "undefined element",
        TrapKind.UninitializedElement => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.CallStackExhausted => "call stack exhausted",
        _ => "trap",
    };

    /// <summary>
    /// The kind an expected message names, or null if it names none of them. The reference
    /// interpreter sometimes appends detail an engine cannot know (e.g. "uninitialized element 2"
    /// carries the table index), so a kind matches when its text is a prefix of the expected text.
    /// </summary>
    public static TrapKind? Parse(string expected)
    {
        foreach (var k in Named)
            if (expected.StartsWith(k.Message(), StringComparison.Ordinal)) return k;
        return null;
    }
}

/// <summary>
/// An action or an instantiation trapped. <see cref="Kinds"/> usually holds one kind; it holds
/// more when the engine cannot tell them apart (Wasmtime reports one code for an out-of-range
/// call_indirect index, "undefined element", and an out-of-range table.get, "out of bounds table access").
/// </summary>
public sealed class WastTrapException(IReadOnlyList<TrapKind> kinds, string detail)
    : Exception($"{string.Join(" or ", kinds.Select(k => k.Message()))} ({detail})")
{
    public IReadOnlyList<TrapKind> Kinds { get; } = kinds;

    /// <summary>True when this trap is what <paramref name="expected"/> (an assert_trap message) names.</summary>
    public bool Matches(string expected) =>
        TrapKinds.Parse(expected) is { } kind ? Kinds.Contains(kind) : Message.Contains(expected, StringComparison.Ordinal);
}
