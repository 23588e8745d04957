namespace Gust.Wasm;

/// <summary>
/// One instruction in the flat form the binary uses: structured control is written as
/// Block/Loop/If … Else … End. Which immediate fields are meaningful is given by the opcode's
/// <see cref="Imm"/> kind in <see cref="OpTable"/>:
/// <list type="bullet">
/// <item>Index: local, global, function, label (br, br_if, br_table default), type (call_indirect),
///   table, memory (memory.size/grow/fill), elem (table.init), data (memory.init).</item>
/// <item>Index2: the second index: table of call_indirect, source of table.copy/memory.copy,
///   table of table.init, memory of memory.init.</item>
/// <item>Value: bits of i32/i64/f32/f64 constants (i32 zero-extended), offset of a memarg.</item>
/// <item>Align: alignment exponent of a memarg; its memory is Index.</item>
/// </list>
/// </summary>
public sealed class Instr
{
    public Instr(Op op) => Op = op;

    public Op Op { get; }
    public uint Index { get; init; }
    public uint Index2 { get; init; }
    public ulong Value { get; init; }
    public uint Align { get; init; }
    public BlockType Block { get; init; }
    public uint[]? Labels { get; init; }
    /// <summary>Types of a typed select, or the heap type of ref.null (one element).</summary>
    public ValType[]? Types { get; init; }

    public OpInfo Info => OpTable.Get(Op);

    public static Instr I32Const(int v) => new(Op.I32Const) { Value = (uint)v };
    public static Instr I64Const(long v) => new(Op.I64Const) { Value = (ulong)v };
    public static Instr F32Const(uint bits) => new(Op.F32Const) { Value = bits };
    public static Instr F64Const(ulong bits) => new(Op.F64Const) { Value = bits };
    public static Instr End() => new(Op.End);

    public override string ToString() => Info.Name;
}
