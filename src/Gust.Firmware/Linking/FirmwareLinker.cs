using Gust.Codegen.Llvm;
using Gust.Codegen.Tools;
using Gust.Firmware.Boards;

namespace Gust.Firmware.Linking;

/// <summary>
/// Links compiled modules and a harness or application with a board's runtime into an ELF image.
/// The runtime is compiled once per board and process.
/// </summary>
public static class FirmwareLinker
{
    private static readonly Dictionary<string, string[]> RuntimeObjects = new();
    private static readonly List<string> RuntimeDirectories = new();

    static FirmwareLinker() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (RuntimeObjects)
            foreach (var d in RuntimeDirectories)
                if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    };

    /// <summary>
    /// Links the objects with the runtime; each of <paramref name="aliases"/> defines a symbol as
    /// another's address (--defsym). Twice: the first link measures .data and .bss and finds each
    /// wasm function's code, the second puts them at the top of RAM and adds the function table
    /// (<see cref="LinkerScript"/>).
    /// </summary>
    public static void Link(BoardManifest board, IEnumerable<string> objects, string elf, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var dir = Directory.CreateTempSubdirectory("gust-link-");
        try
        {
            var inputs = objects.ToList();
            var first = Path.Combine(dir.FullName, "first.elf");
            LinkOnce(board, inputs, first, aliases, LinkerScript.For(board), dir.FullName);
            LinkOnce(board, inputs, elf, aliases, LinkerScript.For(board, ImageLayout.Read(first)), dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void LinkOnce(BoardManifest board, List<string> objects, string elf, IReadOnlyDictionary<string, string>? aliases, string linkerScript, string dir)
    {
        var script = Path.Combine(dir, "link.ld");
        File.WriteAllText(script, linkerScript);
        ExternalTool.Check(Toolchain.Linker,
        [
            "-T", script, "--gc-sections", "-o", elf,
            .. Runtime(board), .. objects,
            "--start-group", .. Toolchain.Libraries(board.Target), "--end-group",
            .. (aliases ?? new Dictionary<string, string>()).Select(a => $"--defsym={a.Key}={a.Value}"),
        ]);
    }

    private static string[] Runtime(BoardManifest board)
    {
        lock (RuntimeObjects)
        {
            if (RuntimeObjects.TryGetValue(board.Name, out var cached) && cached.All(File.Exists)) return cached;
            var dir = Directory.CreateTempSubdirectory($"gust-runtime-{board.Name}-").FullName;
            RuntimeDirectories.Add(dir);
            string[] flags = ["-ffreestanding", "-nostdlib", "-Wall", "-Werror", .. RuntimeSources.Defines(board)];
            var objects = RuntimeSources.WriteTo(dir, board).Select(c =>
            {
                var o = Path.ChangeExtension(c, ".o");
                Clang.CompileFile(board.Target, c, o, flags);
                return o;
            }).ToArray();
            return RuntimeObjects[board.Name] = objects;
        }
    }
}
