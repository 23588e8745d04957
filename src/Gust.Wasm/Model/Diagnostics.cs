namespace Gust.Wasm;

/// <summary>Where a diagnostic points: a byte offset in a binary, or line:column in a text file (1-based).</summary>
public readonly record struct SourceLocation(string? File, long Offset, int Line, int Column)
{
    public static SourceLocation AtOffset(string? file, long offset) => new(file, offset, 0, 0);
    public static SourceLocation AtLine(string? file, int line, int column) => new(file, -1, line, column);

    public override string ToString()
    {
        var f = File ?? "<input>";
        return Line > 0 ? $"{f}:{Line}:{Column}" : Offset >= 0 ? $"{f}:0x{Offset:x}" : f;
    }
}

/// <summary>What kind of failure a diagnostic reports; matches the spec's assertion kinds.</summary>
public enum DiagnosticKind
{
    /// <summary>Not well-formed binary or text (assert_malformed).</summary>
    Malformed,
    /// <summary>Well-formed but fails validation (assert_invalid).</summary>
    Invalid,
    /// <summary>Uses a feature outside Gust's scope; <see cref="Diagnostic.Feature"/> names it.</summary>
    Unsupported,
    /// <summary>Imports do not match what is provided (assert_unlinkable).</summary>
    Unlinkable,
    /// <summary>Anything else: I/O, usage.</summary>
    Error,
}

/// <summary>
/// A user-facing error: a kind, a message (the spec suite's text where it gives one, e.g.
/// "unexpected end", "type mismatch") and a location.
/// </summary>
public sealed record Diagnostic(DiagnosticKind Kind, string Message, SourceLocation Location, string? Feature = null)
{
    /// <summary>
    /// Where inside the module in words, e.g. "func 3, instruction 12 (i32.add)": the only place given for a
    /// module built in code, which keeps no source positions. Kept apart so <see cref="Message"/> stays the spec text.
    /// </summary>
    public string? Where { get; init; }

    public override string ToString() => Where is null ? $"{Location}: {KindWord}: {Message}" : $"{Location}: {KindWord}: {Message} (in {Where})";

    private string KindWord => Kind switch
    {
        DiagnosticKind.Malformed => "malformed",
        DiagnosticKind.Invalid => "invalid",
        DiagnosticKind.Unsupported => "unsupported",
        DiagnosticKind.Unlinkable => "unlinkable",
        _ => "error",
    };
}

/// <summary>
/// Thrown by readers, parsers and the validator to stop at the first error; the public entry
/// points catch it and hand back the <see cref="Diagnostic"/>. Never escapes to the user as a stack trace.
/// </summary>
public sealed class WasmException : Exception
{
    public WasmException(Diagnostic diagnostic) : base(diagnostic.ToString()) => Diagnostic = diagnostic;
    public Diagnostic Diagnostic { get; }

    public static WasmException Malformed(string message, SourceLocation at) => new(new(DiagnosticKind.Malformed, message, at));
    public static WasmException Invalid(string message, SourceLocation at) => new(new(DiagnosticKind.Invalid, message, at));

    public static WasmException Unsupported(string feature, string what, SourceLocation at) =>
        new(new(DiagnosticKind.Unsupported, $"{what} needs the {feature} proposal, which Gust does not support", at, feature));
}

/// <summary>Names of the out-of-scope features, used as skip reasons.</summary>
public static class Features
{
    public const string Simd = "simd";
    public const string Gc = "gc";
    public const string FunctionReferences = "function-references";
    public const string TailCall = "tail-call";
    public const string Exceptions = "exception-handling";
    public const string Memory64 = "memory64";
    public const string Threads = "threads";
    public const string Table64 = "table64";
    public const string RelaxedSimd = "relaxed-simd";
}
