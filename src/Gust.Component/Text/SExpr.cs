using System.Text;
using Gust.Wasm;

namespace Gust.Component.Text;

public enum SKind : byte { List, Keyword, Id, String }

/// <summary>
/// One node of an S-expression: a parenthesised list or an atom (keyword/number, $id, string).
/// <see cref="Start"/>/<see cref="End"/> are byte offsets in the UTF-8 source, so a core module's
/// text can be handed on to the core parser as written.
/// </summary>
public sealed class SExpr
{
    public SKind Kind { get; init; }
    public List<SExpr> Items { get; } = new();
    /// <summary>Keyword or id text (id without '$'); for strings the UTF-8 decoding, if valid.</summary>
    public string Text { get; init; } = "";
    /// <summary>A string's bytes after escapes.</summary>
    public byte[] Bytes { get; init; } = [];
    public int Line { get; init; }
    public int Column { get; init; }
    public int Start { get; init; }
    public int End { get; set; }

    public bool IsList => Kind == SKind.List;
    public bool IsKeyword(string kw) => Kind == SKind.Keyword && Text == kw;
    /// <summary>The list's head keyword, or null.</summary>
    public string? Head => IsList && Items.Count > 0 && Items[0].Kind == SKind.Keyword ? Items[0].Text : null;

    public SourceLocation Location(string? file) => SourceLocation.AtLine(file, Line, Column);

    public override string ToString() => Kind switch
    {
        SKind.List => "(" + string.Join(" ", Items) + ")",
        SKind.Id => "$" + Text,
        SKind.String => "\"" + Text + "\"",
        _ => Text,
    };
}

/// <summary>Reads S-expressions from UTF-8 text (comments, strings with escapes, ids); tracks line:column.</summary>
public static class SExprReader
{
    private const int MaxDepth = 2000;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Reads all top-level expressions. Throws a malformed <see cref="WasmException"/> with line:column.</summary>
    public static List<SExpr> Read(byte[] src, string? file)
    {
        var top = new SExpr { Kind = SKind.List };
        var stack = new Stack<SExpr>();
        stack.Push(top);
        int i = 0, line = 1, lineStart = 0;
        WasmException Error(string msg, int at) => WasmException.Malformed(msg, SourceLocation.AtLine(file, line, at - lineStart + 1));

        while (true)
        {
            // whitespace and comments
            while (i < src.Length)
            {
                var b = src[i];
                if (b == '\n') { i++; line++; lineStart = i; }
                else if (b is (byte)' ' or (byte)'\t' or (byte)'\r') i++;
                else if (b == ';' && i + 1 < src.Length && src[i + 1] == ';')
                {
                    while (i < src.Length && src[i] != '\n') i++;
                }
                else if (b == '(' && i + 1 < src.Length && src[i + 1] == ';')
                {
                    var at = i;
                    var depth = 1;
                    i += 2;
                    while (depth > 0)
                    {
                        if (i >= src.Length) throw Error("unclosed block comment", at);
                        if (src[i] == '\n') { line++; lineStart = i + 1; i++; }
                        else if (src[i] == '(' && i + 1 < src.Length && src[i + 1] == ';') { depth++; i += 2; }
                        else if (src[i] == ';' && i + 1 < src.Length && src[i + 1] == ')') { depth--; i += 2; }
                        else i++;
                    }
                }
                else break;
            }
            if (i >= src.Length) break;
            var c = src[i];
            var col = i - lineStart + 1;
            if (c == '(')
            {
                if (stack.Count > MaxDepth) throw Error("nesting too deep", i);
                var list = new SExpr { Kind = SKind.List, Line = line, Column = col, Start = i };
                stack.Peek().Items.Add(list);
                stack.Push(list);
                i++;
            }
            else if (c == ')')
            {
                if (stack.Count == 1) throw Error("unexpected token \")\"", i);
                stack.Pop().End = ++i;
            }
            else if (c == '"')
            {
                var start = i;
                var bytes = ReadString(src, ref i, Error);
                string text;
                try { text = StrictUtf8.GetString(bytes); } catch (DecoderFallbackException) { text = "\uFFFD"; }
                stack.Peek().Items.Add(new SExpr { Kind = SKind.String, Bytes = bytes, Text = text, Line = line, Column = col, Start = start, End = i });
            }
            else
            {
                var start = i;
                while (i < src.Length && IsIdChar(src[i])) i++;
                if (i == start) throw Error($"unexpected character '{(char)c}'", i);
                if (c == '$')
                {
                    var name = Encoding.UTF8.GetString(src, start + 1, i - start - 1);
                    if (name.Length == 0 && i < src.Length && src[i] == '"')
                    {
                        var bytes = ReadString(src, ref i, Error);
                        name = Encoding.UTF8.GetString(bytes);
                    }
                    if (name.Length == 0) throw Error("empty identifier", start);
                    stack.Peek().Items.Add(new SExpr { Kind = SKind.Id, Text = name, Line = line, Column = col, Start = start, End = i });
                }
                else
                {
                    var text = Encoding.UTF8.GetString(src, start, i - start);
                    stack.Peek().Items.Add(new SExpr { Kind = SKind.Keyword, Text = text, Line = line, Column = col, Start = start, End = i });
                }
            }
        }
        if (stack.Count > 1) { var open = stack.Peek(); throw WasmException.Malformed("unexpected end of input: unclosed \"(\"", SourceLocation.AtLine(file, open.Line, open.Column)); }
        return top.Items;
    }

    private static bool IsIdChar(byte b) => b > 0x20 && b < 0x7F && b is not ((byte)'"' or (byte)'(' or (byte)')' or (byte)',' or (byte)';' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}');

    private static byte[] ReadString(byte[] src, ref int i, Func<string, int, WasmException> error)
    {
        var start = i;
        var bytes = new List<byte>();
        i++;
        while (true)
        {
            if (i >= src.Length || src[i] == '\n') throw error("unexpected end of input: unterminated string", start);
            var b = src[i];
            if (b == '"') { i++; return bytes.ToArray(); }
            if (b != '\\') { bytes.Add(b); i++; continue; }
            var escAt = i;
            i++;
            if (i >= src.Length) throw error("unexpected end of input: unterminated string", start);
            var e = src[i++];
            switch (e)
            {
                case (byte)'n': bytes.Add(10); break;
                case (byte)'t': bytes.Add(9); break;
                case (byte)'r': bytes.Add(13); break;
                case (byte)'"': bytes.Add(34); break;
                case (byte)'\'': bytes.Add(39); break;
                case (byte)'\\': bytes.Add(92); break;
                case (byte)'u':
                    if (i >= src.Length || src[i] != '{') throw error("invalid string escape", escAt);
                    var close = Array.IndexOf(src, (byte)'}', i);
                    if (close < 0) throw error("invalid string escape", escAt);
                    var hex = Encoding.ASCII.GetString(src, i + 1, close - i - 1).Replace("_", "");
                    if (!int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var cp) || cp > 0x10FFFF || cp is >= 0xD800 and < 0xE000)
                        throw error("invalid string escape", escAt);
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)));
                    i = close + 1;
                    break;
                default:
                    if (i < src.Length && Hex(e) >= 0 && Hex(src[i]) >= 0) { bytes.Add((byte)(Hex(e) * 16 + Hex(src[i]))); i++; break; }
                    throw error("invalid string escape", escAt);
            }
        }
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
