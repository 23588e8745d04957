namespace Gust.Wasm.Binary;

/// <summary>Encodes instructions (spec 5.4), the mirror of <see cref="InstrDecoder"/> field for field.</summary>
internal static class InstrEncoder
{
    public static void WriteExpr(WasmWriter w, List<Instr> expr)
    {
        foreach (var instr in expr) Write(w, instr);
    }

    public static void Write(WasmWriter w, Instr instr)
    {
        var info = instr.Info;
        w.Byte(info.Byte);
        if (info.IsPrefixed) w.U32(info.SubOpcode);
        switch (info.Imm)
        {
            case Imm.None:
                break;
            case Imm.Block:
                WriteBlockType(w, instr.Block);
                break;
            case Imm.Label or Imm.Func or Imm.Local or Imm.Global or Imm.Table or Imm.Memory or Imm.Elem or Imm.Data:
                w.U32(instr.Index);
                break;
            case Imm.BrTable:
            {
                var labels = instr.Labels ?? Array.Empty<uint>();
                w.Length(labels.Length);
                foreach (var label in labels) w.U32(label);
                w.U32(instr.Index);
                break;
            }
            case Imm.CallIndirect or Imm.TableInit or Imm.MemoryInit or Imm.MemoryCopy or Imm.TableCopy:
                w.U32(instr.Index);
                w.U32(instr.Index2);
                break;
            case Imm.MemArg:
                WriteMemArg(w, instr);
                break;
            case Imm.I32:
                w.S32((int)(uint)instr.Value);
                break;
            case Imm.I64:
                w.S64((long)instr.Value);
                break;
            case Imm.F32:
                w.Fixed32((uint)instr.Value);
                break;
            case Imm.F64:
                w.Fixed64(instr.Value);
                break;
            case Imm.RefNull:
                w.S33(TypeEncoder.HeapTypeCode(instr.Types is [var heap, ..] ? heap : ValType.FuncRef));
                break;
            case Imm.SelectT:
            {
                var types = instr.Types ?? Array.Empty<ValType>();
                w.Length(types.Length);
                foreach (var t in types) w.Byte((byte)t);
                break;
            }
            default:
                throw new InvalidOperationException($"no encoder for immediate kind {info.Imm}");
        }
    }

    private static void WriteBlockType(WasmWriter w, BlockType block)
    {
        switch (block.Kind)
        {
            case BlockTypeKind.Empty:
                w.Byte(0x40);
                break;
            case BlockTypeKind.Value:
                w.Byte((byte)block.Value);
                break;
            default:
                w.S33(block.TypeIndex);
                break;
        }
    }

    private static void WriteMemArg(WasmWriter w, Instr instr)
    {
        var explicitZero = w.Replay.NextMemArgExplicitZero();
        var hasMemory = instr.Index != 0 || explicitZero;
        w.U32(instr.Align | (hasMemory ? InstrDecoder.MemArgHasMemory : 0));
        if (hasMemory) w.U32(instr.Index);
        w.U64(instr.Value);
    }
}
