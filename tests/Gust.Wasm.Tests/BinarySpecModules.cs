using System.Text;

namespace Gust.Wasm.Tests;

/// <summary>A <c>(module binary "...")</c> of a spec script: on its own, or inside an assertion with its expected message.</summary>
public sealed record BinarySpecModule(string File, int Line, string Command, byte[] Bytes, string? Message)
{
    public override string ToString() => $"{Path.GetFileName(File)}:{Line} {Command}";
}

/// <summary>
/// Pulls the binary modules out of .wast scripts with a small S-expression scanner (strings,
/// line and block comments), so the binary reader can be tested against the suite on its own.
/// </summary>
public static class BinarySpecModules
{
    public static IEnumerable<BinarySpecModule> All() => SpecSuite.WastFiles().SelectMany(From);

    public static IEnumerable<BinarySpecModule> From(string file)
    {
        var text = File.ReadAllText(file);
        var tokens = Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            // Top-level forms only: "(" at depth 0.
            if (tokens[i].Kind != '(' || tokens[i].Depth != 0) continue;
            var head = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (head.Kind != 'a') continue;
            var end = Close(tokens, i);
            if (head.Text == "module")
            {
                if (BinaryStrings(tokens, i, end) is { } bytes) yield return new(file, tokens[i].Line, "module", bytes, null);
            }
            else if (head.Text.StartsWith("assert_", StringComparison.Ordinal))
            {
                var inner = i + 2;
                if (inner < end && tokens[inner].Kind == '(' && tokens[inner + 1].Text == "module"
                    && BinaryStrings(tokens, inner, Close(tokens, inner)) is { } bytes)
                {
                    var message = tokens[end - 1].Kind == '"' ? Encoding.UTF8.GetString(tokens[end - 1].Bytes!) : null;
                    yield return new(file, tokens[i].Line, head.Text, bytes, message);
                }
            }
            i = end;
        }
    }

    /// <summary>The concatenated strings of <c>(module $id? binary "..."*)</c> spanning tokens [open, close], or null for other modules.</summary>
    private static byte[]? BinaryStrings(List<Token> tokens, int open, int close)
    {
        var j = open + 2;
        if (j < close && tokens[j].Kind == 'a' && tokens[j].Text.StartsWith('$')) j++;
        if (j >= close || tokens[j].Text != "binary") return null;
        var bytes = new List<byte>();
        for (j++; j < close; j++) bytes.AddRange(tokens[j].Bytes ?? Array.Empty<byte>());
        return bytes.ToArray();
    }

    private static int Close(List<Token> tokens, int open)
    {
        var depth = tokens[open].Depth;
        for (var k = open + 1; k < tokens.Count; k++)
            if (tokens[k].Kind == ')' && tokens[k].Depth == depth) return k;
        return tokens.Count - 1;
    }

    private readonly record struct Token(char Kind, string Text, byte[]? Bytes, int Depth, int Line);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var depth = 0;
        var line = 1;
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '\n') line++;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == ';' && i + 1 < s.Length && s[i + 1] == ';')
            {
                while (i < s.Length && s[i] != '\n') i++;
                continue;
            }
            if (c == '(' && i + 1 < s.Length && s[i + 1] == ';')
            {
                var nest = 0;
                do
                {
                    if (s[i] == '\n') line++;
                    if (s[i] == '(' && i + 1 < s.Length && s[i + 1] == ';') { nest++; i += 2; }
                    else if (s[i] == ';' && i + 1 < s.Length && s[i + 1] == ')') { nest--; i += 2; }
                    else i++;
                } while (nest > 0 && i < s.Length);
                continue;
            }
            if (c == '(') { tokens.Add(new('(', "(", null, depth++, line)); i++; continue; }
            if (c == ')') { tokens.Add(new(')', ")", null, --depth, line)); i++; continue; }
            if (c == '"')
            {
                var bytes = new List<byte>();
                for (i++; i < s.Length && s[i] != '"'; i++)
                {
                    if (s[i] != '\\')
                    {
                        var start = i;
                        while (i + 1 < s.Length && s[i + 1] != '"' && s[i + 1] != '\\') i++;
                        bytes.AddRange(Encoding.UTF8.GetBytes(s[start..(i + 1)]));
                        continue;
                    }
                    i++;
                    switch (s[i])
                    {
                        case 'n': bytes.Add(10); break;
                        case 't': bytes.Add(9); break;
                        case 'r': bytes.Add(13); break;
                        case '"': bytes.Add(34); break;
                        case '\'': bytes.Add(39); break;
                        case '\\': bytes.Add(92); break;
                        case 'u':
                            var close = s.IndexOf('}', i);
                            var code = Convert.ToInt32(s[(i + 2)..close].Replace("_", ""), 16);
                            bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                            i = close;
                            break;
                        default:
                            bytes.Add(Convert.ToByte(s.Substring(i, 2), 16));
                            i++;
                            break;
                    }
                }
                i++;
                tokens.Add(new('"', "", bytes.ToArray(), depth, line));
                continue;
            }
            var atomStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '(' && s[i] != ')' && s[i] != '"' && s[i] != ';') i++;
            if (i == atomStart) i++;
            tokens.Add(new('a', s[atomStart..i], null, depth, line));
        }
        return tokens;
    }
}
