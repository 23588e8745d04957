using System.Buffers.Binary;

namespace Gust.Bench;

/// <summary>
/// Sizes read from a 32-bit little-endian ELF's section headers (a linked image or an object):
/// what goes in flash (code, constants, .data's initial values), what occupies RAM (.data, .bss),
/// and the machine code alone (executable sections).
/// </summary>
public readonly record struct ElfSizes(long Flash, long Ram, long Text)
{
    private const uint ShfWrite = 1, ShfAlloc = 2, ShfExecInstr = 4;
    private const uint ShtNobits = 8;

    public static ElfSizes Read(string path)
    {
        var b = File.ReadAllBytes(path);
        if (b.Length < 52 || b[0] != 0x7F || b[1] != (byte)'E' || b[4] != 1 || b[5] != 1)
            throw new InvalidDataException($"{path}: not a 32-bit little-endian ELF");
        var shoff = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(32));
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(46));
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(48));
        long flash = 0, ram = 0, text = 0;
        for (var i = 0; i < shnum; i++)
        {
            var h = b.AsSpan((int)(shoff + i * shentsize));
            var type = BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(h[8..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
            if ((flags & ShfAlloc) == 0) continue;
            if ((flags & ShfWrite) != 0) ram += size;
            if ((flags & ShfExecInstr) != 0) text += size;
            if (type != ShtNobits) flash += size; // .data's initial values are stored in flash too
        }
        return new ElfSizes(flash, ram, text);
    }
}
