using Gust.Codegen.Tools;

namespace Gust.Codegen.Llvm;

/// <summary>Compiles IR (and our C runtime) with clang-16 for a target.</summary>
public static class Clang
{
    public const string Exe = "clang-16";

    /// <summary>Sections per function and object so the linker can drop what nothing reaches.</summary>
    private static readonly string[] Common = ["-O2", "-ffunction-sections", "-fdata-sections", "-fno-unwind-tables", "-fno-asynchronous-unwind-tables"];

    /// <summary>Compiles one source file (.ll, .c, .S) to an object file.</summary>
    public static void CompileFile(Target target, string source, string output, IEnumerable<string>? extraFlags = null) =>
        ExternalTool.Check(Exe, [.. target.ClangFlags, .. Common, .. extraFlags ?? [], "-c", source, "-o", output]);

    /// <summary>Compiles IR text to an object file's bytes.</summary>
    public static byte[] CompileIr(Target target, string ir)
    {
        var dir = Directory.CreateTempSubdirectory("gust-ir-");
        try
        {
            var ll = Path.Combine(dir.FullName, "module.ll");
            var obj = Path.Combine(dir.FullName, "module.o");
            File.WriteAllText(ll, ir);
            CompileFile(target, ll, obj);
            return File.ReadAllBytes(obj);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
