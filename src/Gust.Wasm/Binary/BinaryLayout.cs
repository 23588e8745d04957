namespace Gust.Wasm.Binary;

/// <summary>
/// Encoding choices a binary made that the module model does not capture (non-minimal LEB128
/// widths, sections present but empty), recorded by the reader so the writer can reproduce the
/// input byte for byte. Owned by ModuleReader/ModuleWriter.
/// </summary>
public sealed class BinaryLayout
{
}
