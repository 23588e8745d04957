namespace Gust.Wasm.Text;

/// <summary>Token classes of the text format (spec 6.3). Numbers are <see cref="Keyword"/> tokens, told apart by the parser.</summary>
internal enum TokenKind : byte
{
    LParen,
    RParen,
    /// <summary>A run of idchars not starting with '$': keywords and numbers.</summary>
    Keyword,
    /// <summary>$name or $"name"; <see cref="Token.Text"/> holds the name without '$'.</summary>
    Id,
    String,
    /// <summary>Any other run of token characters (spec "reserved"); never valid where a token is expected.</summary>
    Reserved,
    /// <summary>A lexical error; <see cref="Token.Text"/> holds the message.</summary>
    Error,
    Eof,
}

/// <summary>
/// One token with its place in the source. <see cref="Text"/> is the keyword, the identifier's name
/// (bytes as Latin-1 chars, so quoted and plain spellings of a name compare equal), the reserved
/// text or the error message; <see cref="Bytes"/> is a string's decoded contents.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Text = null, byte[]? Bytes = null)
{
    public override string ToString() => Kind switch
    {
        TokenKind.LParen => "(",
        TokenKind.RParen => ")",
        TokenKind.Id => "$" + Text,
        TokenKind.String => "string",
        TokenKind.Eof => "end of input",
        _ => Text ?? Kind.ToString(),
    };
}
