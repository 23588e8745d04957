namespace Gust.Wasm.Binary;

/// <summary>Encodes a module in the binary format; reproduces <see cref="Module.Layout"/> when present.</summary>
public static class ModuleWriter
{
    public static byte[] Write(Module module) => throw new NotImplementedException("binary writer");
}
