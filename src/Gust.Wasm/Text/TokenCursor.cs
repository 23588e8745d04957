using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// A position in a token list with the small vocabulary the text parsers share: expect/try a
/// token, and malformed-diagnostics worded as the spec suite expects ("unexpected token",
/// "unknown operator X", lexical errors as the lexer worded them).
/// </summary>
internal sealed class TokenCursor
{
    public TokenCursor(List<Token> tokens, string? file, int start = 0)
    {
        Tokens = tokens;
        File = file;
        Pos = start;
    }

    public List<Token> Tokens { get; }
    public string? File { get; }
    public int Pos { get; set; }

    public Token Peek(int ahead = 0)
    {
        var i = Pos + ahead;
        return i < Tokens.Count ? Tokens[i] : Tokens[^1];
    }

    public Token Next()
    {
        var t = Peek();
        if (Pos < Tokens.Count - 1) Pos++;
        return t;
    }

    public SourceLocation Location(Token t) => SourceLocation.AtLine(File, t.Line, t.Column);

    public WasmException Error(string message, Token at) => WasmException.Malformed(message, Location(at));
    public WasmException Error(string message) => Error(message, Peek());

    public WasmException Unsupported(string feature, string what, Token at) => WasmException.Unsupported(feature, what, Location(at));

    /// <summary>The diagnostic for a token that cannot appear here.</summary>
    public WasmException Unexpected(Token t) => t.Kind switch
    {
        TokenKind.Error => Error(t.Text!, t),
        TokenKind.Reserved => Error($"unknown operator {t.Text}", t),
        TokenKind.Keyword when !Keywords.IsKnown(t.Text!) => Error($"unknown operator {t.Text}", t),
        _ => Error("unexpected token", t),
    };

    public WasmException Unexpected() => Unexpected(Peek());

    public bool IsLParen(int ahead = 0) => Peek(ahead).Kind == TokenKind.LParen;
    public bool IsRParen() => Peek().Kind == TokenKind.RParen;
    public bool IsKeyword(string kw, int ahead = 0) => Peek(ahead) is { Kind: TokenKind.Keyword } t && t.Text == kw;

    /// <summary>True when the next tokens are '(' <paramref name="kw"/>.</summary>
    public bool AtField(string kw) => IsLParen() && IsKeyword(kw, 1);

    public void ExpectLParen()
    {
        if (Peek().Kind != TokenKind.LParen) throw Unexpected();
        Next();
    }

    public void ExpectRParen()
    {
        if (Peek().Kind != TokenKind.RParen) throw Unexpected();
        Next();
    }

    public void ExpectKeyword(string kw)
    {
        if (!IsKeyword(kw)) throw Unexpected();
        Next();
    }

    public bool TryKeyword(string kw)
    {
        if (!IsKeyword(kw)) return false;
        Next();
        return true;
    }

    /// <summary>Consumes '(' kw when it is next.</summary>
    public bool TryField(string kw)
    {
        if (!AtField(kw)) return false;
        Pos += 2;
        return true;
    }

    public string? TryId() => Peek().Kind == TokenKind.Id ? Next().Text : null;

    public byte[] ExpectString()
    {
        var t = Peek();
        if (t.Kind != TokenKind.String) throw Unexpected(t);
        Next();
        return t.Bytes!;
    }

    /// <summary>A string that must be valid UTF-8 (names, spec 6.3.4).</summary>
    public string ExpectName()
    {
        var t = Peek();
        var bytes = ExpectString();
        if (!Utf8.IsValid(bytes)) throw Error("malformed UTF-8 encoding", t);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>From inside a parenthesized form, skips to just after the ')' that closes it; false at end of input.</summary>
    public bool SkipPastClose()
    {
        var depth = 1;
        while (true)
        {
            var t = Next();
            switch (t.Kind)
            {
                case TokenKind.Eof: return false;
                case TokenKind.LParen: depth++; break;
                case TokenKind.RParen: if (--depth == 0) return true; break;
            }
        }
    }

    public bool AtNat() => Peek() is { Kind: TokenKind.Keyword } t && t.Text!.Length > 0 && char.IsAsciiDigit(t.Text[0]);

    /// <summary>A u32 literal (indices, limits, offsets).</summary>
    public uint ExpectU32()
    {
        var v = ExpectNat();
        if (v > uint.MaxValue) throw Error("constant out of range", Peek(-1));
        return (uint)v;
    }

    public ulong ExpectNat()
    {
        var t = Peek();
        if (t.Kind != TokenKind.Keyword) throw Unexpected(t);
        switch (TextNumbers.ParseNat(t.Text!, out var v))
        {
            case NumberStatus.Ok: Next(); return v;
            case NumberStatus.OutOfRange: throw Error("constant out of range", t);
            default: throw Unexpected(t);
        }
    }
}
