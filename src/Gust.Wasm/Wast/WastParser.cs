namespace Gust.Wasm.Wast;

/// <summary>Parses a .wast script. Module contents are parsed lazily (see <see cref="ModuleSource"/>).</summary>
public static class WastParser
{
    public static WastScript Parse(string text, string? file = null) => throw new NotImplementedException("WAST parser");
}
