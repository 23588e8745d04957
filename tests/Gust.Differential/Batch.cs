using System.Text;
using CsCheck;
using Gust.Wasm;

namespace Gust.Differential;

/// <summary>
/// Many programs in one module: program i's functions get the prefix "p{i}_" and its main is
/// exported as "p{i}". The programs share a memory of one page (which they may grow to two) whose first 256 bytes a
/// data segment fills, and run in order, so a program sees the stores of the ones before it (on both sides alike).
/// </summary>
public sealed class Batch
{
    public Batch(IReadOnlyList<DiffProgram> programs)
    {
        Programs = programs;
        var data = new PCG(1, programs.Count == 0 ? 0 : programs[0].Seed);
        var text = new StringBuilder($"(module\n  (memory 1 {MaxPages})\n  (data (i32.const 0) \"");
        for (var i = 0; i < 256; i++) text.Append($"\\{data.Next(256):x2}");
        text.AppendLine("\")");
        for (var i = 0; i < programs.Count; i++)
        {
            text.AppendLine(programs[i].Text.Replace("$@", $"$p{i}_"));
            text.AppendLine($"  (export \"{Export(i)}\" (func $p{i}_main))");
        }
        Text = text.Append(')').ToString();
    }

    /// <summary>The memory's maximum in pages.</summary>
    public const int MaxPages = 2;

    public IReadOnlyList<DiffProgram> Programs { get; }

    /// <summary>The module in the text format (written next to a mismatch report to reproduce it).</summary>
    public string Text { get; }

    public static string Export(int index) => $"p{index}";
}
