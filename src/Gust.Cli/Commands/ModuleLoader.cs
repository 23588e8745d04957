using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;

namespace Gust.Cli.Commands;

/// <summary>Loads a module from a .wasm (binary, by its magic) or a .wat file.</summary>
public static class ModuleLoader
{
    public static Module Load(string path)
    {
        if (!File.Exists(path)) throw new WasmException(new Diagnostic(DiagnosticKind.Error, "no such file", SourceLocation.AtOffset(path, -1)));
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == (byte)'a' && bytes[2] == (byte)'s' && bytes[3] == (byte)'m')
            return ModuleReader.Read(bytes, path);
        return WatParser.ParseModule(System.Text.Encoding.UTF8.GetString(bytes), path);
    }
}
