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
}
