namespace Gust.Wasm.Wast;

public enum WastStatus : byte { Passed, Failed, Skipped }

/// <summary>
/// The outcome of one script command. <see cref="Message"/> says why it failed (expected vs got) or
/// what was skipped; <see cref="SkipReason"/> names the out-of-scope feature of a skip.
/// </summary>
public sealed record WastCommandResult(SourceLocation Location, string Command, WastStatus Status, string? Message = null, string? SkipReason = null);

/// <summary>All command outcomes of one script, in script order.</summary>
public sealed record WastFileResult(string File, IReadOnlyList<WastCommandResult> Results, TimeSpan Elapsed)
{
    public int Passed => Results.Count(r => r.Status == WastStatus.Passed);
    public int Failed => Results.Count(r => r.Status == WastStatus.Failed);
    public int Skipped => Results.Count(r => r.Status == WastStatus.Skipped);
}
