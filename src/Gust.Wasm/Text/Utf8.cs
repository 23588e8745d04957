using System.Text;

namespace Gust.Wasm.Text;

/// <summary>UTF-8 checks used for source text and names (spec 5.2.4).</summary>
internal static class Utf8
{
    /// <summary>Length of the well-formed UTF-8 sequence at <paramref name="pos"/>, or -1.</summary>
    public static int SequenceLength(ReadOnlySpan<byte> s, int pos, int end)
    {
        var status = Rune.DecodeFromUtf8(s[pos..end], out _, out var consumed);
        return status == System.Buffers.OperationStatus.Done ? consumed : -1;
    }

    public static int SequenceLength(byte[] s, int pos, int end) => SequenceLength(s.AsSpan(), pos, end);

    public static bool IsValid(ReadOnlySpan<byte> s) => System.Text.Unicode.Utf8.IsValid(s);
}
