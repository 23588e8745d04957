using System.Text.Json;

namespace Gust.Wasm.Wast;

/// <summary>The machine-readable report of a run: totals, skips by reason, and every command of every file.</summary>
public static class WastJsonReport
{
    public static byte[] Write(IReadOnlyList<WastFileResult> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("passed", files.Sum(f => f.Passed));
            w.WriteNumber("failed", files.Sum(f => f.Failed));
            w.WriteNumber("skipped", files.Sum(f => f.Skipped));
            w.WriteStartObject("skippedByReason");
            foreach (var (reason, count) in SkipsByReason(files)) w.WriteNumber(reason, count);
            w.WriteEndObject();
            w.WriteStartArray("files");
            foreach (var f in files) WriteFile(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Skip counts per feature, most first.</summary>
    public static IEnumerable<(string Reason, int Count)> SkipsByReason(IEnumerable<WastFileResult> files) =>
        files.SelectMany(f => f.Results).Where(r => r.Status == WastStatus.Skipped)
            .GroupBy(r => r.SkipReason ?? "unknown").Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal);

    private static void WriteFile(Utf8JsonWriter w, WastFileResult f)
    {
        w.WriteStartObject();
        w.WriteString("file", f.File);
        w.WriteNumber("passed", f.Passed);
        w.WriteNumber("failed", f.Failed);
        w.WriteNumber("skipped", f.Skipped);
        w.WriteNumber("seconds", Math.Round(f.Elapsed.TotalSeconds, 3));
        w.WriteStartArray("results");
        foreach (var r in f.Results)
        {
            w.WriteStartObject();
            w.WriteNumber("line", r.Location.Line);
            w.WriteNumber("column", r.Location.Column);
            w.WriteString("command", r.Command);
            w.WriteString("status", r.Status.ToString().ToLowerInvariant());
            if (r.Message is not null) w.WriteString("message", r.Message);
            if (r.SkipReason is not null) w.WriteString("reason", r.SkipReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
