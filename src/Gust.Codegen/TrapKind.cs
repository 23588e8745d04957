namespace Gust.Codegen;

/// <summary>
/// Why wasm code trapped; the value is the first argument of <c>gust_trap(kind, funcIndex, names)</c>.
/// Firmware exits with status <see cref="TrapKinds.ExitStatusBase"/> + kind.
/// </summary>
public enum TrapKind
{
    Unreachable = 0,
    IntegerDivideByZero = 1,
    IntegerOverflow = 2,
    InvalidConversion = 3,
    OutOfBoundsMemory = 4,
    UndefinedElement = 5,
    UninitializedElement = 6,
    IndirectCallTypeMismatch = 7,
    OutOfBoundsTable = 8,
    CallStackExhausted = 9,
}

public static class TrapKinds
{
    public const int ExitStatusBase = 100;

    public static IReadOnlyList<TrapKind> All { get; } = Enum.GetValues<TrapKind>();

    /// <summary>The spec suite's text for the trap (what assert_trap expects).</summary>
    public static string Message(this TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversion => "invalid conversion to integer",
        TrapKind.OutOfBoundsMemory => "out of bounds memory access",
        TrapKind.UndefinedElement => "undefined element",
        TrapKind.UninitializedElement => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.OutOfBoundsTable => "out of bounds table access",
        TrapKind.CallStackExhausted => "call stack exhausted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which trap a firmware exit status reports, or null when it is not a trap status.</summary>
    public static TrapKind? FromExitStatus(int status) =>
        status - ExitStatusBase is var k && k >= 0 && k < All.Count ? (TrapKind)k : null;
}
