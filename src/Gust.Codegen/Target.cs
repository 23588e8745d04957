namespace Gust.Codegen;

/// <summary>
/// A native target: the LLVM triple and the clang flags that select the core. The flags are the
/// ones measured in ../shared/design/BOARDS.md; float is always soft so one libgcc serves each ISA.
/// v7-M does word and halfword accesses unaligned (CCR.UNALIGN_TRP is 0 at reset), but clang
/// assumes strict alignment for bare-metal ARM unless told, and would load words byte by byte.
/// </summary>
public sealed record Target(string Name, string ShortName, Isa Isa, string[] ClangFlags)
{
    public static readonly Target Thumbv7m = new("thumbv7m", "m3", Isa.Thumb,
        ["--target=thumbv7m-none-eabi", "-mcpu=cortex-m3", "-mfloat-abi=soft", "-munaligned-access"]);

    public static readonly Target Thumbv7em = new("thumbv7em", "m4", Isa.Thumb,
        ["--target=thumbv7em-none-eabi", "-mcpu=cortex-m4", "-mfloat-abi=soft", "-munaligned-access"]);

    public static readonly Target Rv32imac = new("rv32imac", "rv32", Isa.RiscV,
        ["--target=riscv32", "-march=rv32imac", "-mabi=ilp32", "-mcmodel=medany", "-mno-relax"]);

    public static IReadOnlyList<Target> All { get; } = [Thumbv7m, Thumbv7em, Rv32imac];

    /// <summary>Finds a target by its name (thumbv7m) or short name (m3).</summary>
    public static Target? Find(string name) =>
        All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || t.ShortName.Equals(name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}

public enum Isa { Thumb, RiscV }
