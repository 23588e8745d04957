namespace Gust.Wasm.Binary;

/// <summary>
/// Decodes expressions (spec 5.4) into the flat instruction list. Nesting is tracked with an explicit
/// stack, so deeply nested input cannot overflow the call stack.
/// </summary>
internal static class InstrDecoder
{
    private const byte BlockFrame = 0;
    private const byte ThenFrame = 1;
    private const byte ElseFrame = 2;

    /// <summary>Reads instructions up to and including the End that closes the expression.</summary>
    /// <param name="positions">Receives each instruction's opcode offset, parallel to <paramref name="into"/>; cleared first.</param>
    /// <param name="frames">Scratch stack, reused across expressions.</param>
    /// <param name="usesDataIndex">Set when memory.init or data.drop occurs (they need the data count section).</param>
    public static void ReadExpr(ref WasmReader r, List<Instr> into, PositionRecorder positions, List<byte> frames, ref bool usesDataIndex)
    {
        positions.Clear();
        frames.Clear();
        frames.Add(BlockFrame);
        while (true)
        {
            var at = r.Pos;
            var b = r.ReadByte();
            if (b == (byte)Op.End)
            {
                into.Add(Instr.End());
                positions.AddOffset(at);
                frames.RemoveAt(frames.Count - 1);
                if (frames.Count == 0) return;
                continue;
            }
            if (b == (byte)Op.Else)
            {
                if (frames[^1] != ThenFrame) throw r.Malformed("END opcode expected", at);
                frames[^1] = ElseFrame;
                into.Add(new Instr(Op.Else));
                positions.AddOffset(at);
                continue;
            }
            var info = ReadOpcode(ref r, b, at);
            into.Add(ReadImmediates(ref r, info, ref usesDataIndex));
            positions.AddOffset(at);
            if (info.Imm == Imm.Block) frames.Add(info.Op == Op.If ? ThenFrame : BlockFrame);
        }
    }

    private static OpInfo ReadOpcode(ref WasmReader r, byte b, int at)
    {
        var sub = b is 0xFC or 0xFD ? r.ReadU32() : 0;
        if (OpTable.TryDecode(b, sub, out var info)) return info;
        // An expression that runs past the end of its section is cut short, whatever follows.
        if (at >= r.SectionEnd) throw r.Malformed(WasmReader.UnexpectedEnd, at);
        throw b switch
        {
            // Relaxed SIMD occupies subopcodes 0x100-0x113 of the SIMD prefix.
            0xFD when sub is >= 0x100 and <= 0x113 => r.Unsupported(Features.RelaxedSimd, "a relaxed SIMD instruction", at),
            0xFD => r.Unsupported(Features.Simd, "a SIMD instruction", at),
            0xFB or 0xD3 => r.Unsupported(Features.Gc, "a GC instruction", at),
            0xFE => r.Unsupported(Features.Threads, "an atomic instruction", at),
            0x08 or 0x0A or 0x1F => r.Unsupported(Features.Exceptions, "an exception-handling instruction", at),
            0x12 or 0x13 or 0x15 => r.Unsupported(Features.TailCall, "a tail call", at),
            0x14 or 0xD4 or 0xD5 or 0xD6 => r.Unsupported(Features.FunctionReferences, "a typed function reference instruction", at),
            0xFC => r.Malformed($"illegal opcode fc {sub:x2}", at),
            _ => r.Malformed($"illegal opcode {b:x2}", at),
        };
    }

    private static Instr ReadImmediates(ref WasmReader r, OpInfo info, ref bool usesDataIndex)
    {
        var op = info.Op;
        switch (info.Imm)
        {
            case Imm.None:
                return new Instr(op);
            case Imm.Block:
                return new Instr(op) { Block = TypeDecoder.ReadBlockType(ref r) };
            case Imm.Label or Imm.Func or Imm.Local or Imm.Global or Imm.Table or Imm.Memory or Imm.Elem:
                return new Instr(op) { Index = r.ReadU32() };
            case Imm.Data:
                usesDataIndex = true;
                return new Instr(op) { Index = r.ReadU32() };
            case Imm.BrTable:
            {
                var labels = new uint[r.ReadLength()];
                for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadU32();
                return new Instr(op) { Labels = labels, Index = r.ReadU32() };
            }
            case Imm.CallIndirect or Imm.TableInit:
            {
                // call_indirect: type then table; table.init: elem then table.
                var first = r.ReadU32();
                return new Instr(op) { Index = first, Index2 = r.ReadU32() };
            }
            case Imm.MemoryInit:
            {
                usesDataIndex = true;
                var data = r.ReadU32();
                return new Instr(op) { Index = data, Index2 = r.ReadU32() };
            }
            case Imm.MemoryCopy or Imm.TableCopy:
            {
                var destination = r.ReadU32();
                return new Instr(op) { Index = destination, Index2 = r.ReadU32() };
            }
            case Imm.MemArg:
                return ReadMemArg(ref r, op);
            case Imm.I32:
                return new Instr(op) { Value = (uint)r.ReadS32() };
            case Imm.I64:
                return new Instr(op) { Value = (ulong)r.ReadS64() };
            case Imm.F32:
                return new Instr(op) { Value = r.ReadFixed32() };
            case Imm.F64:
                return new Instr(op) { Value = r.ReadFixed64() };
            case Imm.RefNull:
                return new Instr(op) { Types = [TypeDecoder.ReadHeapType(ref r)] };
            case Imm.SelectT:
            {
                var types = new ValType[r.ReadLength()];
                for (var i = 0; i < types.Length; i++) types[i] = TypeDecoder.ReadValType(ref r);
                return new Instr(op) { Types = types };
            }
            default:
                throw new InvalidOperationException($"no decoder for immediate kind {info.Imm}");
        }
    }

    /// <summary>Bit 6 of the alignment field says a memory index follows (multi-memory); the low 6 bits are the alignment exponent.</summary>
    private static Instr ReadMemArg(ref WasmReader r, Op op)
    {
        var at = r.Pos;
        var flags = r.ReadU32();
        if (flags >= 0x80) throw r.Malformed("malformed memop flags", at);
        var hasMemory = (flags & MemArgHasMemory) != 0;
        var memory = hasMemory ? r.ReadU32() : 0;
        r.Layout.NoteMemArg(hasMemory && memory == 0);
        return new Instr(op) { Align = flags & 0x3F, Index = memory, Value = r.ReadU64() };
    }

    internal const uint MemArgHasMemory = 0x40;
}
