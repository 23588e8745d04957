using Gust.Wasm;

namespace Gust.Firmware.Boards;

/// <summary>The board manifests shipped next to the binaries (copied from the repository's boards/).</summary>
public static class BoardCatalog
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "boards");

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.toml").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList()
            : [];

    public static BoardManifest Load(string name)
    {
        var file = Path.Combine(Directory, name + ".toml");
        if (!File.Exists(file))
            throw new WasmException(new Diagnostic(DiagnosticKind.Error,
                $"no board \"{name}\"; known boards: {string.Join(", ", Names())}", SourceLocation.AtOffset(null, -1)));
        return BoardReader.Read(File.ReadAllText(file), file);
    }
}
