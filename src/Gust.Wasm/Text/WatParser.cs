using System.Text;

namespace Gust.Wasm.Text;

/// <summary>Parses the text format (spec chapter 6) into a module.</summary>
public static class WatParser
{
    /// <summary>Parses a .wat file: one (module …), or module fields without the wrapper. Throws <see cref="WasmException"/> with line:column.</summary>
    public static Module ParseModule(string text, string? file = null) => ParseModule(Encoding.UTF8.GetBytes(text), file);

    /// <summary>Parses UTF-8 source bytes; bytes are taken as they are, so malformed UTF-8 is reported, not replaced.</summary>
    public static Module ParseModule(byte[] source, string? file = null)
    {
        var c = new TokenCursor(Lexer.Tokenize(source), file);
        return WatModuleParser.Parse(c);
    }
}
