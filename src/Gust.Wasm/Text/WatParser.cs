namespace Gust.Wasm.Text;

/// <summary>Parses the text format (spec chapter 6) into a module.</summary>
public static class WatParser
{
    /// <summary>Parses a .wat file: one (module …), or module fields without the wrapper. Throws <see cref="WasmException"/> with line:column.</summary>
    public static Module ParseModule(string text, string? file = null) => throw new NotImplementedException("WAT parser");
}
