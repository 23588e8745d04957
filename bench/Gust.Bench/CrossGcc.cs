using Gust.Codegen;
using Gust.Codegen.Tools;

namespace Gust.Bench;

/// <summary>
/// The cross gcc for a target, with the flags the native and wasm2c variants share. Objects go
/// through ld.lld like Gust's own, so relaxation is off on RISC-V (no gp-relative data either).
/// </summary>
public sealed record CrossGcc(string Exe, string[] Flags)
{
    private static readonly string[] Common = ["-ffreestanding", "-ffunction-sections", "-fdata-sections", "-fno-unwind-tables", "-fno-asynchronous-unwind-tables", "-Wall"];

    public static CrossGcc For(Target target) => target.Isa == Isa.Thumb
        ? new("arm-none-eabi-gcc", ["-mthumb", $"-mcpu={(target == Target.Thumbv7em ? "cortex-m4" : "cortex-m3")}", "-mfloat-abi=soft", .. Common])
        : new("riscv64-unknown-elf-gcc", ["-march=rv32imac", "-mabi=ilp32", "-mcmodel=medany", "-mno-relax", "-msmall-data-limit=0", "--specs=picolibc.specs", .. Common]);

    public void Compile(string source, string output, IEnumerable<string> flags) =>
        ExternalTool.Check(Exe, [.. Flags, .. flags, "-c", source, "-o", output]);

    /// <summary>The version line, for the results header.</summary>
    public string Version() => ExternalTool.Check(Exe, ["--version"]).Split('\n')[0].Trim();
}
