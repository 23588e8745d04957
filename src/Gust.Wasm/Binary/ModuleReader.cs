namespace Gust.Wasm.Binary;

/// <summary>Reads a core module from its binary format (spec chapter 5).</summary>
public static class ModuleReader
{
    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="WasmException"/> (Malformed or Unsupported) with a byte offset.</summary>
    public static Module Read(ReadOnlySpan<byte> bytes, string? file = null) => throw new NotImplementedException("binary reader");
}
