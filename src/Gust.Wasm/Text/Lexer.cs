using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// Splits text-format source (UTF-8 bytes) into tokens (spec 6.3). Comments and annotations
/// (<c>(@id …)</c>) are dropped. Lexical errors do not stop the lexer: they become
/// <see cref="TokenKind.Error"/> tokens, so a script with one bad module still lexes and only that
/// module fails when it is parsed.
/// </summary>
internal sealed class Lexer
{
    private readonly byte[] _src;
    private readonly int _end;
    private readonly List<Token> _tokens = new();
    private int _pos;
    private int _line;
    private int _lineStart;

    private Lexer(byte[] src, int start, int end, int line, int column)
    {
        _src = src;
        _pos = start;
        _end = end;
        _line = line;
        _lineStart = start - (column - 1);
    }

    /// <summary>Tokenizes <paramref name="src"/>[start..end); the last token is always <see cref="TokenKind.Eof"/>.</summary>
    public static List<Token> Tokenize(byte[] src, int start = 0, int end = -1, int line = 1, int column = 1)
    {
        var lexer = new Lexer(src, start, end < 0 ? src.Length : end, line, column);
        lexer.Run();
        return lexer._tokens;
    }

    private int Column(int pos) => pos - _lineStart + 1;

    private void Run()
    {
        while (true)
        {
            SkipSpaceAndComments(_tokens);
            if (_pos >= _end)
            {
                _tokens.Add(new Token(TokenKind.Eof, _pos, _pos, _line, Column(_pos)));
                return;
            }
            var b = _src[_pos];
            if (b == '(' && Peek(1) == '@') Annotation();
            else _tokens.Add(Next());
        }
    }

    private byte Peek(int ahead) => _pos + ahead < _end ? _src[_pos + ahead] : (byte)0;

    private Token ErrorAt(int pos, int line, string message) => new(TokenKind.Error, pos, pos + 1, line, Column(pos), message);

    /// <summary>Skips whitespace and comments; errors inside them (bad UTF-8, unclosed) are added to <paramref name="sink"/>.</summary>
    private void SkipSpaceAndComments(List<Token>? sink)
    {
        while (_pos < _end)
        {
            var b = _src[_pos];
            if (b == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r') _pos++;
            else if (b == ';' && Peek(1) == ';') LineComment(sink);
            else if (b == '(' && Peek(1) == ';') BlockComment(sink);
            else return;
        }
    }

    private void LineComment(List<Token>? sink)
    {
        // A line comment ends at any newline form: \n, \r or \r\n (spec 6.3.4).
        while (_pos < _end && _src[_pos] is not ((byte)'\n' or (byte)'\r'))
        {
            if (_src[_pos] < 0x80) { _pos++; continue; }
            if (!SkipUtf8(sink)) return;
        }
    }

    private void BlockComment(List<Token>? sink)
    {
        int startPos = _pos, startLine = _line, depth = 0;
        while (_pos < _end)
        {
            var b = _src[_pos];
            if (b == '(' && Peek(1) == ';') { depth++; _pos += 2; }
            else if (b == ';' && Peek(1) == ')') { _pos += 2; if (--depth == 0) return; }
            else if (b == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (b < 0x80) _pos++;
            else if (!SkipUtf8(sink)) return;
        }
        sink?.Add(ErrorAt(startPos, startLine, "unclosed comment"));
    }

    /// <summary>Steps over one multi-byte UTF-8 character; on a bad encoding reports it and skips to the end of input.</summary>
    private bool SkipUtf8(List<Token>? sink)
    {
        var n = Utf8.SequenceLength(_src, _pos, _end);
        if (n > 0) { _pos += n; return true; }
        sink?.Add(ErrorAt(_pos, _line, "malformed UTF-8 encoding"));
        _pos = _end;
        return false;
    }

    /// <summary>
    /// Skips an annotation (spec 6.3, annotations proposal): its id, then balanced tokens. Its
    /// contents must still lex, so errors in them are reported.
    /// </summary>
    private void Annotation()
    {
        int startPos = _pos, startLine = _line;
        _pos += 2;
        var idError = AnnotationId();
        if (idError is not null)
        {
            _tokens.Add(ErrorAt(startPos, startLine, idError));
            return;
        }
        var depth = 1;
        var inner = new List<Token>();
        while (true)
        {
            SkipSpaceAndComments(inner);
            if (inner.Count > 0) { _tokens.Add(inner[0]); return; }
            if (_pos >= _end)
            {
                _tokens.Add(ErrorAt(startPos, startLine, "unclosed annotation"));
                return;
            }
            var t = Next();
            if (t.Kind == TokenKind.Error) { _tokens.Add(t); return; }
            if (t.Kind == TokenKind.LParen) depth++;
            else if (t.Kind == TokenKind.RParen && --depth == 0) return;
        }
    }

    private string? AnnotationId()
    {
        if (_pos < _end && _src[_pos] == '"')
        {
            var s = ScanString(out var error);
            if (error is not null) return error == "malformed UTF-8 encoding" ? error : "empty annotation id";
            if (s.Length == 0) return "empty annotation id";
            return Utf8.IsValid(s) ? null : "malformed UTF-8";
        }
        var start = _pos;
        while (_pos < _end && IsIdChar(_src[_pos])) _pos++;
        return _pos == start ? "empty annotation id" : null;
    }

    /// <summary>Reads one token at _pos (not whitespace, not a comment).</summary>
    private Token Next()
    {
        int start = _pos, line = _line, col = Column(_pos);
        var b = _src[_pos];
        if (b == '(') { _pos++; return new Token(TokenKind.LParen, start, _pos, line, col); }
        if (b == ')') { _pos++; return new Token(TokenKind.RParen, start, _pos, line, col); }

        // A token is a maximal run of idchars, strings and the reserved punctuation (spec 6.3.1).
        byte[]? firstString = null;
        var strings = 0;
        var allIdChars = true;
        while (_pos < _end)
        {
            b = _src[_pos];
            if (b == '"')
            {
                var stringStart = _pos;
                var s = ScanString(out var error);
                if (error is not null)
                {
                    // $"…" with a bad string is reported as a bad identifier, as the reference lexer does.
                    if (stringStart == start + 1 && _src[start] == '$' && error != "malformed UTF-8 encoding") error = "empty identifier";
                    return new Token(TokenKind.Error, start, _pos, line, col, error);
                }
                firstString ??= s;
                strings++;
                allIdChars = false;
            }
            else if (IsIdChar(b)) _pos++;
            else if (b is (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' || (b == ';' && Peek(1) != ';'))
            {
                _pos++;
                allIdChars = false;
            }
            else break;
        }
        if (_pos == start)
        {
            _pos++;
            if (b >= 0x80)
            {
                _pos--;
                var n = Utf8.SequenceLength(_src, _pos, _end);
                if (n <= 0) { _pos = _end; return new Token(TokenKind.Error, start, start + 1, line, col, "malformed UTF-8 encoding"); }
                _pos += n;
            }
            return new Token(TokenKind.Error, start, _pos, line, col, "illegal character");
        }
        var end = _pos;
        if (strings == 1 && _src[start] == '"' && StringEnd(start) == end)
            return new Token(TokenKind.String, start, end, line, col, null, firstString);
        if (_src[start] == '$')
        {
            if (end == start + 1) return new Token(TokenKind.Error, start, end, line, col, "empty identifier");
            if (allIdChars) return new Token(TokenKind.Id, start, end, line, col, Latin1(start + 1, end));
            if (strings == 1 && _src[start + 1] == '"' && StringEnd(start + 1) == end)
            {
                if (firstString!.Length == 0) return new Token(TokenKind.Error, start, end, line, col, "empty identifier");
                if (!Utf8.IsValid(firstString)) return new Token(TokenKind.Error, start, end, line, col, "malformed UTF-8 encoding");
                return new Token(TokenKind.Id, start, end, line, col, Encoding.Latin1.GetString(firstString));
            }
        }
        return new Token(allIdChars ? TokenKind.Keyword : TokenKind.Reserved, start, end, line, col, Latin1(start, end));
    }

    private string Latin1(int start, int end) => Encoding.Latin1.GetString(_src, start, end - start);

    /// <summary>End offset of the (already validated) string starting at <paramref name="start"/>.</summary>
    private int StringEnd(int start)
    {
        var p = start + 1;
        while (_src[p] != '"') p += _src[p] == '\\' ? 2 : 1;
        return p + 1;
    }

    /// <summary>Scans a string literal at _pos (spec 6.3.3), decoding escapes into bytes.</summary>
    private byte[] ScanString(out string? error)
    {
        error = null;
        var bytes = new List<byte>();
        _pos++;
        while (true)
        {
            if (_pos >= _end || _src[_pos] == '\n') { error = "unclosed string"; return Array.Empty<byte>(); }
            var b = _src[_pos];
            if (b == '"') { _pos++; return bytes.ToArray(); }
            if (b < 0x20 || b == 0x7F) { error = "illegal character"; return Array.Empty<byte>(); }
            if (b >= 0x80)
            {
                var n = Utf8.SequenceLength(_src, _pos, _end);
                if (n <= 0) { error = "malformed UTF-8 encoding"; return Array.Empty<byte>(); }
                for (var i = 0; i < n; i++) bytes.Add(_src[_pos + i]);
                _pos += n;
                continue;
            }
            if (b != '\\') { bytes.Add(b); _pos++; continue; }
            var e = Peek(1);
            _pos += 2;
            switch (e)
            {
                case (byte)'t': bytes.Add(9); break;
                case (byte)'n': bytes.Add(10); break;
                case (byte)'r': bytes.Add(13); break;
                case (byte)'"': bytes.Add((byte)'"'); break;
                case (byte)'\'': bytes.Add((byte)'\''); break;
                case (byte)'\\': bytes.Add((byte)'\\'); break;
                case (byte)'u':
                    if (!UnicodeEscape(bytes)) { error = "illegal escape"; return Array.Empty<byte>(); }
                    break;
                default:
                    var h1 = HexValue(e);
                    var h2 = HexValue(Peek(0));
                    if (h1 < 0 || h2 < 0) { error = "illegal escape"; return Array.Empty<byte>(); }
                    bytes.Add((byte)(h1 * 16 + h2));
                    _pos++;
                    break;
            }
        }
    }

    /// <summary>\u{hexnum}: a Unicode scalar value, appended as UTF-8.</summary>
    private bool UnicodeEscape(List<byte> bytes)
    {
        if (Peek(0) != '{') return false;
        _pos++;
        long v = 0;
        var digits = 0;
        while (_pos < _end && (HexValue(_src[_pos]) >= 0 || (_src[_pos] == '_' && digits > 0)))
        {
            if (_src[_pos] != '_') { v = v * 16 + HexValue(_src[_pos]); digits++; }
            if (v > 0x10FFFF) return false;
            _pos++;
        }
        if (digits == 0 || Peek(0) != '}' || (v >= 0xD800 && v < 0xE000)) return false;
        _pos++;
        Span<byte> buf = stackalloc byte[4];
        var n = new Rune((int)v).EncodeToUtf8(buf);
        for (var i = 0; i < n; i++) bytes.Add(buf[i]);
        return true;
    }

    public static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>idchar (spec 6.3.5): printable ASCII except space, quotes, parens, comma, semicolon, brackets, braces.</summary>
    public static bool IsIdChar(byte b) => b > 0x20 && b < 0x7F && b is not ((byte)'"' or (byte)'(' or (byte)')' or (byte)',' or (byte)';' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}');
}
