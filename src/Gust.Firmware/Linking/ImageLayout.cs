using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace Gust.Firmware.Linking;

/// <summary>One wasm function's code in a linked image: its address range, its module's names table and its index.</summary>
public readonly record struct WasmFunction(ulong Start, ulong End, string NamesSymbol, uint Index);

/// <summary>
/// What the first link of an image tells the second (<see cref="FirmwareLinker"/>): the bytes .data
/// and .bss take in RAM, so they can go at its top with the stack below, and where each wasm
/// function's code is, for the table that names the function a stack guard fault hit.
/// </summary>
public sealed record ImageLayout(ulong RamDataBytes, IReadOnlyList<WasmFunction> Functions)
{
    private const int ShtSymtab = 2, SttFunc = 2;

    /// <summary>A compiled function's symbol: prefix.fINDEX.name (ModuleContext.FunctionSymbol).</summary>
    private static readonly Regex FunctionSymbol = new(@"^([A-Za-z_][A-Za-z0-9_]*)\.f(\d+)\.", RegexOptions.CultureInvariant);

    /// <summary>Reads a linked 32-bit little-endian ELF image.</summary>
    public static ImageLayout Read(string elf)
    {
        var b = File.ReadAllBytes(elf);
        if (b.Length < 52 || b[0] != 0x7F || b[1] != (byte)'E' || b[4] != 1 || b[5] != 1)
            throw FirmwareError.Of($"{elf}: not a 32-bit little-endian ELF");
        uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
        var shoff = (int)U32(32);
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(46));
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(48));
        var shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(50));
        int Header(int i) => shoff + i * shentsize;
        string Name(int table, uint offset)
        {
            var start = (int)(U32(Header(table) + 16) + offset);
            return System.Text.Encoding.ASCII.GetString(b, start, Array.IndexOf(b, (byte)0, start) - start);
        }
        ulong ramData = 0;
        var functions = new List<WasmFunction>();
        for (var i = 0; i < shnum; i++)
        {
            var h = Header(i);
            var name = Name(shstrndx, U32(h));
            if (name is ".data" or ".bss") ramData += U32(h + 20);
            if (U32(h + 4) != ShtSymtab) continue;
            var strtab = (int)U32(h + 24);
            for (var s = (int)U32(h + 16); s < U32(h + 16) + U32(h + 20); s += 16)
            {
                if ((b[s + 12] & 0xF) != SttFunc) continue;
                var m = FunctionSymbol.Match(Name(strtab, U32(s)));
                if (!m.Success) continue;
                var start = U32(s + 4) & ~1u; // the Thumb bit
                functions.Add(new WasmFunction(start, start + U32(s + 8), Codegen.ModuleSymbols.Names(m.Groups[1].Value), uint.Parse(m.Groups[2].Value)));
            }
        }
        return new ImageLayout(ramData, functions);
    }
}
