using Gust.Firmware.Boards;
using Gust.Firmware.Linking;
using Gust.Wasm;
using Xunit;

namespace Gust.Codegen.Tests;

public class BoardTests
{
    [Fact]
    public void ShippedManifestsLoad()
    {
        Assert.Equal(["mps2-an385", "mps2-an386", "virt-rv32"], BoardCatalog.Names());
        var an385 = BoardCatalog.Load("mps2-an385");
        Assert.Same(Target.Thumbv7m, an385.Target);
        Assert.Equal(new MemoryRange(0x20000000, 0x400000), an385.Ram);
        Assert.Equal(new ConsoleUart(UartKind.CmsdkUart, 0x40004000), an385.Console);
        Assert.Equal(ExitKind.Semihosting, an385.Exit.Kind);
        var virt = BoardCatalog.Load("virt-rv32");
        Assert.Same(Target.Rv32imac, virt.Target);
        Assert.Equal(new ExitMethod(ExitKind.SifiveTest, 0x100000), virt.Exit);
        Assert.Equal(["-bios", "none"], virt.Qemu.Args);
        Assert.Same(Target.Thumbv7em, BoardCatalog.Load("mps2-an386").Target);
        Assert.Equal(new StackGuard(StackGuardKind.Mpu, 0x100000), an385.Stack);
        Assert.Equal(new StackGuard(StackGuardKind.Pmp, 0x100000), virt.Stack);
        Assert.Equal([new MemoryRange(0x21000000, 0x1000000)], an385.RamBanks);
        Assert.Empty(virt.RamBanks);
    }

    private const string Minimal = """
        name = "x"
        core = "c"
        target = "thumbv7m"
        [flash]
        origin = 0
        length = 0x1000
        [ram]
        origin = 0x20000000
        length = 0x1000
        [console]
        kind = "cmsdk-uart"
        address = 0x40004000
        [exit]
        method = "semihosting"
        [qemu]
        system = "qemu-system-arm"
        machine = "m"

        """;

    [Theory]
    [InlineData("[[ram_banks]]\norigin = 0x20000800\nlength = 0x1000", "overlaps 0x20000000..0x20001000")]
    [InlineData("[[ram_banks]]\norigin = 0x30000000\nlength = 0", "must be non-empty")]
    [InlineData("[[ram_banks]]\norigin = 0xFFFFF000\nlength = 0x2000", "end within 4 GiB")]
    [InlineData("[[ram_banks]]\norigin = 0x30000000\nlength = 0x1000\n[[ram_banks]]\norigin = 0x30000800\nlength = 0x1000", "overlaps 0x30000000..0x30001000")]
    [InlineData("[[ram_banks]]\norigin = 0x30000000", "missing non-negative integer \"length\"")]
    [InlineData("[ram_banks]\norigin = 0x30000000", "array of tables")]
    public void BadRamBanksAreNamed(string banks, string message)
    {
        var e = Assert.Throws<WasmException>(() => BoardReader.Read(Minimal + banks, "x.toml"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void RamBanksHoldTheirWindowsAndResetZeroesThem()
    {
        var script = LinkerScript.For(BoardCatalog.Load("mps2-an385"));
        Assert.Contains("BANK1 (rw) : ORIGIN = 0x21000000, LENGTH = 0x1000000", script);
        Assert.Contains($"*({LinkerScript.BankSection(1)})", script);
        Assert.Contains("} > BANK1", script);
        Assert.Contains("__gust_banks_start = .;\n    LONG(__gust_bank1_start) LONG(__gust_bank1_end)\n", script);
        // The bank's rule comes before .bss's *(.bss.*), which would take its windows otherwise.
        Assert.True(script.IndexOf("> BANK1", StringComparison.Ordinal) < script.IndexOf("*(.bss .bss.*)", StringComparison.Ordinal));
        Assert.DoesNotContain("bank", LinkerScript.For(BoardCatalog.Load("virt-rv32")));
    }

    [Fact]
    public void MissingFieldIsNamed()
    {
        var e = Assert.Throws<WasmException>(() => BoardReader.Read("name = \"x\"\ncore = \"c\"\ntarget = \"rv32imac\"\n", "x.toml"));
        Assert.Contains("missing table [flash]", e.Message);
        Assert.Contains("x.toml", e.Message);
    }

    [Fact]
    public void UnknownBoardListsTheKnownOnes()
    {
        var e = Assert.Throws<WasmException>(() => BoardCatalog.Load("nope"));
        Assert.Contains("mps2-an385", e.Message);
    }

    [Fact]
    public void LinkerScriptPlacesDataInRamLoadedFromFlash()
    {
        var script = LinkerScript.For(BoardCatalog.Load("virt-rv32"));
        Assert.Contains("ENTRY(_start)", script);
        Assert.Contains("FLASH (rx) : ORIGIN = 0x80000000, LENGTH = 0x100000", script);
        Assert.Contains("} > RAM AT > FLASH", script);
    }

    [Fact]
    public void StackGuardMustFitTheCoreAndTheRamOrigin()
    {
        const string board = "name = \"x\"\ncore = \"c\"\ntarget = \"rv32imac\"\n[flash]\norigin = 0\nlength = 4096\n[ram]\norigin = 0x80010000\nlength = 4096\n"
            + "[console]\nkind = \"ns16550\"\naddress = 0\n[exit]\nmethod = \"sifive-test\"\naddress = 0\n[qemu]\nsystem = \"q\"\nmachine = \"m\"\n";
        Assert.Equal(StackGuard.LimitCheck, BoardReader.Read(board, "x.toml").Stack);
        Assert.Equal(new StackGuard(StackGuardKind.Pmp, 0x10000), BoardReader.Read(board + "[stack]\nguard = \"pmp\"\nguard_size = 0x10000\n", "x.toml").Stack);
        Assert.Contains("does not exist on rv32imac", Assert.Throws<WasmException>(() => BoardReader.Read(board + "[stack]\nguard = \"mpu\"\nguard_size = 0x10000\n", "x.toml")).Message);
        Assert.Contains("not aligned", Assert.Throws<WasmException>(() => BoardReader.Read(board + "[stack]\nguard = \"pmp\"\nguard_size = 0x100000\n", "x.toml")).Message);
        Assert.Contains("power of two", Assert.Throws<WasmException>(() => BoardReader.Read(board + "[stack]\nguard = \"pmp\"\nguard_size = 0x3000\n", "x.toml")).Message);
        Assert.Contains("overlaps 0x80000000..0x80010000", Assert.Throws<WasmException>(() => BoardReader.Read(
            board.Replace("origin = 0\n", "origin = 0x80000000\nlength = 0x10000\n").Replace("length = 4096\n[ram]", "[ram]") + "[stack]\nguard = \"pmp\"\nguard_size = 0x10000\n", "x.toml")).Message);
    }
}
