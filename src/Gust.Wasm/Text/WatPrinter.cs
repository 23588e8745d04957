namespace Gust.Wasm.Text;

/// <summary>Prints a module as text that parses back to the same binary.</summary>
public static class WatPrinter
{
    public static string Print(Module module) => throw new NotImplementedException("WAT printer");
}
