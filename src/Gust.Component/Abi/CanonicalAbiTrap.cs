namespace Gust.Component.Abi;

/// <summary>
/// A trap raised by the canonical ABI (definitions.py trap()/trap_if()) on bad guest data: an invalid char or
/// discriminant, a pointer out of bounds or unaligned, bad string encoding, a realloc result that does not fit.
/// <see cref="Reason"/> is one of <see cref="TrapReason"/>'s texts. It is not a <see cref="Gust.Wasm.WasmException"/>:
/// a trap is a run-time outcome of a call, not a diagnostic about the input.
/// </summary>
public sealed class CanonicalAbiTrap(string reason) : Exception($"canonical ABI trap: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The trap texts; where the component-model tests (test/values/*.wast) expect one, it is that text.</summary>
public static class TrapReason
{
    public const string InvalidChar = "invalid `char` bit pattern";
    public const string InvalidDiscriminant = "invalid variant discriminant";
    public const string UnalignedPointer = "unaligned pointer";
    public const string PointerOutOfBounds = "pointer out-of-bounds";
    public const string StringOutOfBounds = "string content out-of-bounds";
    public const string ListOutOfBounds = "list content out-of-bounds";
    public const string StringTooLong = "string too long";
    public const string ListTooLong = "list too long";
    public const string InvalidUtf8 = "invalid utf-8";
    public const string IncompleteUtf8 = "incomplete utf-8 byte sequence";
    public const string InvalidUtf16 = "invalid utf-16";
    public const string ReallocUnaligned = "realloc return: result not aligned";
    public const string ReallocOutOfBounds = "realloc return: beyond end of memory";
    public const string NoMemory = "no memory option: the type needs one";
    public const string NoRealloc = "no realloc option: the type needs one";
}
