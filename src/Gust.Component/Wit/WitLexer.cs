using System.Text;
using Gust.Wasm;

namespace Gust.Component.Wit;

internal enum WitTokenKind : byte { Id, Integer, Version, String, Operator, Eof }

/// <summary>
/// One WIT token. <see cref="Docs"/> holds the doc comments (<c>///</c>, <c>/** */</c>) written right before it,
/// so the parser can attach them to the item the token starts.
/// </summary>
internal readonly record struct WitToken(WitTokenKind Kind, string Text, SourceLocation At, int Start, int End, bool Escaped = false, string? Docs = null)
{
    /// <summary>True for an unescaped identifier spelled as <paramref name="keyword"/>.</summary>
    public bool Is(string keyword) => Kind == WitTokenKind.Id && !Escaped && Text == keyword;
    public bool IsOp(string op) => Kind == WitTokenKind.Operator && Text == op;
    public bool IsKeyword => Kind == WitTokenKind.Id && !Escaped && WitLexer.Keywords.Contains(Text);

    /// <summary>How a message names this token: "`;`", "keyword `record`", "identifier `foo`", "end of file".</summary>
    public string Describe() => Kind switch
    {
        WitTokenKind.Eof => "end of file",
        WitTokenKind.Id when IsKeyword => $"keyword `{Text}`",
        WitTokenKind.Id => $"identifier `{Text}`",
        WitTokenKind.Integer or WitTokenKind.Version => $"number `{Text}`",
        WitTokenKind.String => "string literal",
        _ => $"`{Text}`",
    };
}

/// <summary>Splits WIT source into tokens (WIT.md "Lexical structure"); the first error throws a <see cref="WasmException"/>.</summary>
internal sealed class WitLexer
{
    /// <summary>WIT.md "Keywords": these cannot be bare identifiers; <c>%</c> escapes them.</summary>
    public static readonly HashSet<string> Keywords =
    [
        "as", "async", "bool", "borrow", "char", "constructor", "enum", "export", "f32", "f64", "flags", "from", "func",
        "future", "import", "include", "interface", "list", "map", "option", "own", "package", "record", "resource",
        "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8",
        "use", "variant", "with", "world",
    ];

    private readonly string src;
    private readonly string? file;
    private readonly List<WitToken> tokens = [];
    private readonly StringBuilder docs = new();
    private int pos, line = 1, lineStart;

    private WitLexer(string src, string? file) { this.src = src; this.file = file; }

    public static List<WitToken> Tokenize(string src, string? file)
    {
        var lexer = new WitLexer(src, file);
        lexer.Run();
        return lexer.tokens;
    }

    private SourceLocation Here(int at) => SourceLocation.AtLine(file, line, at - lineStart + 1);
    private WasmException Error(string message, int at) => WasmException.Malformed(message, Here(at));
    private char Peek(int ahead = 0) => pos + ahead < src.Length ? src[pos + ahead] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            int start = pos;
            var at = Here(pos);
            if (pos >= src.Length)
            {
                Add(WitTokenKind.Eof, "", at, start);
                return;
            }
            char c = src[pos];
            if (c == '%' || IsIdStart(c))
            {
                bool escaped = c == '%';
                if (escaped) pos++;
                int idStart = pos;
                while (pos < src.Length && IsIdChar(src[pos])) pos++;
                var text = src[idStart..pos];
                if (escaped || !Keywords.Contains(text)) CheckKebab(text, idStart);
                Add(WitTokenKind.Id, text, at, start, escaped);
            }
            else if (char.IsAsciiDigit(c)) LexNumberOrVersion(at, start);
            else if (c == '"') LexString(at, start);
            else if (c == '-' && Peek(1) == '>') { pos += 2; Add(WitTokenKind.Operator, "->", at, start); }
            else if ("=,:;(){}<>*/.@_".Contains(c)) { pos++; Add(WitTokenKind.Operator, c.ToString(), at, start); }
            else throw Error(char.IsControl(c) || char.IsWhiteSpace(c) ? $"invalid character U+{(int)c:X4}" : $"unexpected character `{c}`", pos);
        }
    }

    private void Add(WitTokenKind kind, string text, SourceLocation at, int start, bool escaped = false)
    {
        tokens.Add(new(kind, text, at, start, pos, escaped, docs.Length == 0 ? null : docs.ToString().TrimEnd('\n')));
        docs.Clear();
    }

    private static bool IsIdStart(char c) => char.IsAsciiLetter(c);
    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>
    /// Explainer "label": kebab-case fragments, each all-lowercase or all-uppercase (digits anywhere but at the
    /// very start); the first fragment starts with a letter.
    /// </summary>
    private void CheckKebab(string text, int at)
    {
        if (text.Length == 0) throw Error("expected an identifier after `%`", at);
        var words = text.Split('-');
        if (!char.IsAsciiLetter(words[0].FirstOrDefault())) throw Error($"identifier `{text}` is not kebab-case: it must start with a letter", at);
        foreach (var word in words)
        {
            if (word.Length == 0) throw Error($"identifier `{text}` is not kebab-case: empty word", at);
            if (word.Any(char.IsAsciiLetterLower) && word.Any(char.IsAsciiLetterUpper))
                throw Error($"identifier `{text}` is not kebab-case: word `{word}` mixes upper and lower case", at);
        }
    }

    /// <summary>
    /// Digits alone are an integer (fixed list lengths); digits with dots, and a semver pre-release or build
    /// suffix, are a version. A dot is taken only when a digit or letter follows, so the `.` of
    /// <c>use a:b/c@1.0.0.{x}</c> stays an operator.
    /// </summary>
    private void LexNumberOrVersion(SourceLocation at, int start)
    {
        while (char.IsAsciiDigit(Peek())) pos++;
        bool version = false;
        while (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            version = true;
            pos++;
            while (char.IsAsciiDigit(Peek())) pos++;
        }
        if (version && (Peek() == '-' || Peek() == '+'))
        {
            while ((Peek() == '-' || Peek() == '+' || Peek() == '.') && char.IsAsciiLetterOrDigit(Peek(1)) || IsIdChar(Peek()))
                pos++;
        }
        Add(version ? WitTokenKind.Version : WitTokenKind.Integer, src[start..pos], at, start);
    }

    /// <summary>String literals (only in <c>@external-id("…")</c>) use the core text format's escapes.</summary>
    private void LexString(SourceLocation at, int start)
    {
        pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (pos >= src.Length || src[pos] == '\n') throw Error("unterminated string literal", start);
            char c = src[pos++];
            if (c == '"') break;
            if (c != '\\') { sb.Append(c); continue; }
            char e = Peek();
            pos++;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case 'u' when Peek() == '{':
                    int close = src.IndexOf('}', pos);
                    if (close < 0 || !int.TryParse(src.AsSpan(pos + 1, close - pos - 1), System.Globalization.NumberStyles.HexNumber, null, out var cp)
                        || cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF)
                        throw Error("invalid unicode escape in string literal", pos - 2);
                    sb.Append(char.ConvertFromUtf32(cp));
                    pos = close + 1;
                    break;
                default:
                    if (Uri.IsHexDigit(e) && Uri.IsHexDigit(Peek())) { sb.Append((char)Convert.ToByte(src.Substring(pos - 1, 2), 16)); pos++; break; }
                    throw Error("invalid escape in string literal", pos - 2);
            }
        }
        Add(WitTokenKind.String, sb.ToString(), at, start);
    }

    private void SkipTrivia()
    {
        while (pos < src.Length)
        {
            char c = src[pos];
            if (c == '\n') { pos++; line++; lineStart = pos; }
            else if (c is ' ' or '\t' or '\r') pos++;
            else if (c == '/' && Peek(1) == '/') LineComment();
            else if (c == '/' && Peek(1) == '*') BlockComment();
            else if (char.IsControl(c) || IsForbidden(c)) throw Error($"invalid character U+{(int)c:X4}", pos);
            else return;
        }
    }

    /// <summary>WIT.md: no bidirectional overrides, no control codes besides newline, carriage return and tab.</summary>
    private static bool IsForbidden(char c) => c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\uFEFF';

    private void LineComment()
    {
        int start = pos;
        while (pos < src.Length && src[pos] != '\n')
        {
            if (char.IsControl(src[pos]) && src[pos] is not ('\t' or '\r') || IsForbidden(src[pos])) throw Error($"invalid character U+{(int)src[pos]:X4}", pos);
            pos++;
        }
        var text = src[start..pos];
        if (text.StartsWith("///") && !text.StartsWith("////")) docs.Append(text[3..].StartsWith(' ') ? text[4..] : text[3..]).Append('\n');
    }

    /// <summary>Block comments nest (WIT.md "Comments"); <c>/** … */</c> is a doc comment.</summary>
    private void BlockComment()
    {
        int start = pos, startLine = line, startCol = pos - lineStart;
        int depth = 0;
        do
        {
            if (pos >= src.Length) throw WasmException.Malformed("unterminated block comment", SourceLocation.AtLine(file, startLine, startCol + 1));
            if (src[pos] == '/' && Peek(1) == '*') { depth++; pos += 2; }
            else if (src[pos] == '*' && Peek(1) == '/') { depth--; pos += 2; }
            else
            {
                if (src[pos] == '\n') { line++; lineStart = pos + 1; }
                else if (char.IsControl(src[pos]) && src[pos] is not ('\t' or '\r') || IsForbidden(src[pos])) throw Error($"invalid character U+{(int)src[pos]:X4}", pos);
                pos++;
            }
        } while (depth > 0);
        var text = src[start..pos];
        if (text.StartsWith("/**") && text.Length > 4 && !text.StartsWith("/***"))
            docs.Append(text[3..^2].Trim()).Append('\n');
    }
}
