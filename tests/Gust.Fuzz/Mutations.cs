using CsCheck;

namespace Gust.Fuzz;

/// <summary>
/// Generators of damaged inputs: a seed from the corpus with a few random edits. Edits are chosen to
/// reach deep into the readers: byte flips and LEB128-like runs for binaries, token-level edits for text.
/// </summary>
public static class Mutations
{
    public static Gen<byte[]> Binary(IReadOnlyList<byte[]> seeds) =>
        from seed in Gen.Int[0, seeds.Count - 1].Select(i => seeds[i])
        from edits in Gen.Int[1, 6]
        from ops in Gen.Int[0, 5].Array[edits]
        from positions in Gen.Double[0, 1].Array[edits]
        from values in Gen.Byte.Array[edits]
        select ApplyBinary(seed, ops, positions, values);

    private static byte[] ApplyBinary(byte[] seed, int[] ops, double[] positions, byte[] values)
    {
        var b = new List<byte>(seed);
        for (var i = 0; i < ops.Length; i++)
        {
            var at = (int)(positions[i] * b.Count);
            switch (ops[i])
            {
                case 0 when b.Count > 0: b[Math.Min(at, b.Count - 1)] = values[i]; break;             // overwrite
                case 1 when b.Count > 0: b[Math.Min(at, b.Count - 1)] ^= (byte)(1 << (values[i] & 7)); break; // bit flip
                case 2: b.Insert(at, values[i]); break;                                                 // insert
                case 3 when b.Count > 0: b.RemoveAt(Math.Min(at, b.Count - 1)); break;                  // delete
                case 4: b.RemoveRange(at, b.Count - at); break;                                          // truncate
                case 5: b.InsertRange(at, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }); break;           // huge LEB128
            }
        }
        return b.ToArray();
    }

    private static readonly string[] Tokens =
    {
        "(", ")", "(", ")", "$x", "0", "-1", "0x7fffffff", "nan:0x1", "inf", "1e999", "\"\\ff\"", "func", "block",
        "loop", "if", "then", "else", "end", "i32.add", "i64.load offset=4294967296", "param", "result", "local",
        "type", "memory", "table", "elem", "data", "import", "export", "global", "mut", "br 9", "br_table 0 1",
        "call_indirect", "ref.null", "select", "(;", ";)", ";;", "\"", "0x1p+128", "align=3",
    };

    public static Gen<string> Text(IReadOnlyList<string> seeds) =>
        from seed in Gen.Int[0, seeds.Count - 1].Select(i => seeds[i])
        from edits in Gen.Int[1, 5]
        from ops in Gen.Int[0, 3].Array[edits]
        from positions in Gen.Double[0, 1].Array[edits]
        from tokens in Gen.Int[0, Tokens.Length - 1].Array[edits]
        select ApplyText(seed, ops, positions, tokens);

    private static string ApplyText(string seed, int[] ops, double[] positions, int[] tokens)
    {
        var s = seed;
        for (var i = 0; i < ops.Length; i++)
        {
            var at = (int)(positions[i] * s.Length);
            var end = at;
            while (end < s.Length && !char.IsWhiteSpace(s[end]) && s[end] is not '(' and not ')') end++;
            s = ops[i] switch
            {
                0 => s[..at] + " " + Tokens[tokens[i]] + " " + s[at..],      // insert a token
                1 => s[..at] + s[Math.Max(end, Math.Min(at + 1, s.Length))..], // delete a token (or one char)
                2 => s[..at] + Tokens[tokens[i]] + s[end..],                  // replace a token
                _ => s[..at],                                                  // truncate
            };
        }
        return s;
    }
}
