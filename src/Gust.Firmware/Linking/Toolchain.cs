using Gust.Codegen;
using Gust.Codegen.Tools;

namespace Gust.Firmware.Linking;

/// <summary>
/// The libraries under compiled code: libgcc (soft-float, 64-bit division) from the cross gcc's
/// multilib, and the libc/libm (rint, sqrt, memmove…): newlib on ARM, picolibc on RISC-V.
/// </summary>
public static class Toolchain
{
    public const string Linker = "ld.lld-16";

    private static readonly Dictionary<string, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Libraries(Target target)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(target.Name, out var libs)) return libs;
            return Cache[target.Name] = Find(target);
        }
    }

    private static IReadOnlyList<string> Find(Target target)
    {
        if (target.Isa == Isa.Thumb)
        {
            string[] flags = ["-mthumb", $"-mcpu={(target == Target.Thumbv7em ? "cortex-m4" : "cortex-m3")}", "-mfloat-abi=soft"];
            const string gcc = "arm-none-eabi-gcc";
            return [Ask(gcc, flags, "-print-file-name=libm.a"), Ask(gcc, flags, "-print-file-name=libc.a"), Ask(gcc, flags, "-print-libgcc-file-name")];
        }
        else
        {
            string[] flags = ["-march=rv32imac", "-mabi=ilp32"];
            const string gcc = "riscv64-unknown-elf-gcc";
            var multilib = Ask(gcc, flags, "-print-multi-directory");
            var picolibc = Path.Combine("/usr/lib/picolibc/riscv64-unknown-elf/lib", multilib);
            // picolibc keeps its math in libc.a; its libm.a is an empty placeholder.
            return [Path.Combine(picolibc, "libc.a"), Ask(gcc, flags, "-print-libgcc-file-name")];
        }
    }

    private static string Ask(string gcc, string[] flags, string question)
    {
        var answer = ExternalTool.Check(gcc, [.. flags, question]).Trim();
        if (question.StartsWith("-print-file-name") || question.StartsWith("-print-libgcc"))
            if (!File.Exists(answer)) throw ExternalTool.Failure(gcc, $"has no {question["-print-file-name=".Length..]} for {string.Join(" ", flags)} (got \"{answer}\")");
        return answer;
    }
}
