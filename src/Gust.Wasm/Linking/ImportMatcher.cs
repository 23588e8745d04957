namespace Gust.Wasm.Linking;

/// <summary>
/// Decides whether an external value may satisfy an import: import subtyping (spec 4.5.4 "Import
/// Subtyping", "Limits"), extended by the custom-page-sizes proposal (page sizes must be equal).
/// Failures are <see cref="DiagnosticKind.Unlinkable"/> with the spec suite's texts
/// "unknown import" and "incompatible import type".
/// </summary>
public static class ImportMatcher
{
    /// <summary>Throws an Unlinkable <see cref="WasmException"/> unless <paramref name="actual"/> (null: nothing
    /// by that name) matches what <paramref name="import"/> of <paramref name="importer"/> declares.</summary>
    public static void Match(Module importer, Import import, ExternType? actual, SourceLocation at)
    {
        var where = $"\"{import.Module}\" \"{import.Name}\"";
        if (actual is null) throw Unlinkable($"unknown import {where}", at);
        var expected = ExternType.OfImport(importer, import)
            ?? throw Unlinkable($"incompatible import type for {where}: its type index is out of range", at);
        if (!Matches(expected, actual))
            throw Unlinkable($"incompatible import type for {where}: expected {expected}, got {actual}", at);
    }

    /// <summary>True when a value of type <paramref name="actual"/> may be used where <paramref name="expected"/> is required.</summary>
    public static bool Matches(ExternType expected, ExternType actual)
    {
        if (expected.Kind != actual.Kind) return false;
        return expected.Kind switch
        {
            ExternKind.Func => expected.Func!.Equals(actual.Func),
            ExternKind.Table => expected.Table!.ElemType == actual.Table!.ElemType && LimitsMatch(expected.Table.Limits, actual.Table.Limits),
            ExternKind.Memory => expected.Memory!.PageSizeLog2 == actual.Memory!.PageSizeLog2 && LimitsMatch(expected.Memory.Limits, actual.Memory.Limits),
            _ => expected.Global == actual.Global,
        };
    }

    /// <summary>Limits {n1, m1?} match {n2, m2?} when n1 ≥ n2 and, if m2 is given, m1 is given and m1 ≤ m2 (here 1 = actual, 2 = expected).</summary>
    private static bool LimitsMatch(Limits expected, Limits actual) =>
        actual.Min >= expected.Min && (expected.Max is not { } max || actual.Max is { } actualMax && actualMax <= max);

    private static WasmException Unlinkable(string message, SourceLocation at) =>
        new(new Diagnostic(DiagnosticKind.Unlinkable, message, at));
}
