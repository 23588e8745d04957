using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Memory instructions (spec 4.4.7). An access of width w at address a with static offset o is in
/// bounds when a ≤ size − (o + w): one 32-bit unsigned compare against a limit that is a constant
/// when the memory cannot grow, and otherwise one subtraction from the size global away (its loads
/// tell LLVM the size is at least the minimum, see <see cref="ModuleContext.SizeRange"/>). Checks
/// proven redundant are left out (the Checks part).
/// </summary>
internal sealed partial class FunctionLowerer
{
    private static readonly Dictionary<Op, (string Stored, ValType Type, bool Signed)> Loads = new()
    {
        [Op.I32Load] = ("i32", ValType.I32, false), [Op.I64Load] = ("i64", ValType.I64, false),
        [Op.F32Load] = ("float", ValType.F32, false), [Op.F64Load] = ("double", ValType.F64, false),
        [Op.I32Load8S] = ("i8", ValType.I32, true), [Op.I32Load8U] = ("i8", ValType.I32, false),
        [Op.I32Load16S] = ("i16", ValType.I32, true), [Op.I32Load16U] = ("i16", ValType.I32, false),
        [Op.I64Load8S] = ("i8", ValType.I64, true), [Op.I64Load8U] = ("i8", ValType.I64, false),
        [Op.I64Load16S] = ("i16", ValType.I64, true), [Op.I64Load16U] = ("i16", ValType.I64, false),
        [Op.I64Load32S] = ("i32", ValType.I64, true), [Op.I64Load32U] = ("i32", ValType.I64, false),
    };

    private static readonly Dictionary<Op, string> Stores = new()
    {
        [Op.I32Store] = "i32", [Op.I64Store] = "i64", [Op.F32Store] = "float", [Op.F64Store] = "double",
        [Op.I32Store8] = "i8", [Op.I32Store16] = "i16", [Op.I64Store8] = "i8", [Op.I64Store16] = "i16", [Op.I64Store32] = "i32",
    };

    private bool LowerMemory(Instr instr)
    {
        if (LowerTwoBank(instr)) return true;
        if (Loads.TryGetValue(instr.Op, out var load))
        {
            var width = 1 << instr.Info.NaturalAlign;
            var ptr = Address(instr, Pop(), (ulong)width);
            var v = _w.Value($"load {load.Stored}, ptr {ptr}, align {Align(instr)}");
            var result = LlvmTypes.Of(load.Type);
            if (load.Stored != result) v = _w.Value($"{(load.Signed ? "sext" : "zext")} {load.Stored} {v} to {result}");
            Push(load.Type, v);
            return true;
        }
        if (Stores.TryGetValue(instr.Op, out var stored))
        {
            var value = Pop();
            var width = 1 << instr.Info.NaturalAlign;
            var ptr = Address(instr, Pop(), (ulong)width);
            var v = value.Value;
            if (stored != value.Ir) v = _w.Value($"trunc {value.Typed} to {stored}");
            _w.Emit($"store {stored} {v}, ptr {ptr}, align {Align(instr)}");
            return true;
        }
        switch (instr.Op)
        {
            case Op.MemorySize:
            {
                var mem = _m.Memories[instr.Index];
                Push(ValType.I32, _w.Value($"lshr i32 {MemorySize(mem)}, {mem.PageSizeLog2}"));
                return true;
            }
            case Op.MemoryGrow:
                MemoryGrow(_m.Memories[instr.Index]);
                return true;
            case Op.MemoryFill:
                MemoryFill(_m.Memories[instr.Index]);
                return true;
            case Op.MemoryCopy:
                MemoryCopy(_m.Memories[instr.Index], _m.Memories[instr.Index2]);
                return true;
            case Op.MemoryInit:
                MemoryInit(instr.Index, _m.Memories[instr.Index2]);
                return true;
            case Op.DataDrop:
                _w.Emit($"store i32 0, ptr {_m.DataLengthSymbol(instr.Index)}");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// ARM v7-M loads and stores words unaligned, so the IR says align 1 (LDRD, which must be aligned,
    /// is never chosen). RV32 keeps the program's alignment hint so word accesses stay word-sized.
    /// </summary>
    private int Align(Instr instr) => _m.Options.Target.Isa == Isa.Thumb ? 1 : 1 << (int)instr.Align;

    /// <summary>The current size of a memory in bytes: a constant when nothing can grow it.</summary>
    private string MemorySize(MemoryLayout mem) =>
        mem.SizeVaries ? _w.Value($"load i32, ptr {mem.SizeSymbol}{_m.SizeRange(mem)}") : I32(mem.MinBytes);

    /// <summary>An i32 constant from a value below 2^32, spelled signed as IR prints it.</summary>
    private static string I32(ulong v) => ((int)(uint)v).ToString();

    /// <summary>The address of an access, after its bounds check.</summary>
    private string Address(Instr instr, Operand address, ulong width)
    {
        var mem = _m.Memories[instr.Index];
        var offset = instr.Value;
        if (!_m.Options.BoundsChecks)
        {
            var effective = offset == 0 ? address.Value : _w.Value($"add i32 {address.Value}, {I32(offset)}");
            return _w.Value($"getelementptr i8, ptr {mem.Symbol}, i32 {effective}");
        }
        var reach = offset + width;
        if (!ProvenInBounds(mem, address, reach))
        {
            CheckBounds(mem, address.Value, reach);
            Passed(mem, address, reach);
        }
        var based = _w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {address.Value}");
        return offset == 0 ? based : _w.Value($"getelementptr inbounds i8, ptr {based}, i32 {I32(offset)}");
    }

    /// <summary>Traps unless <paramref name="address"/> + <paramref name="reach"/> ≤ the memory's size.</summary>
    private void CheckBounds(MemoryLayout mem, string address, ulong reach)
    {
        if (reach > mem.WindowBytes)
            _w.Terminate($"br label %{TrapLabel(TrapKind.OutOfBoundsMemory)}");
        else if (!mem.SizeVaries)
        {
            if (reach > mem.MinBytes) _w.Terminate($"br label %{TrapLabel(TrapKind.OutOfBoundsMemory)}");
            else TrapIf(_w.Value($"icmp ugt i32 {address}, {I32(mem.MinBytes - reach)}"), TrapKind.OutOfBoundsMemory);
        }
        else
        {
            var size = MemorySize(mem);
            var limit = _w.Value($"sub i32 {size}, {I32(reach)}");
            var outside = _w.Value($"icmp ugt i32 {address}, {limit}");
            // The subtraction wraps only while the memory is smaller than the reach, which its minimum may allow.
            if (reach > mem.MinBytes) outside = _w.Value($"or i1 {outside}, {_w.Value($"icmp ult i32 {size}, {I32(reach)}")}");
            TrapIf(outside, TrapKind.OutOfBoundsMemory);
        }
    }

    /// <summary>memory.grow (spec 4.4.7): the window is zeroed at boot and never shrinks, so new pages are already zero.</summary>
    private void MemoryGrow(MemoryLayout mem)
    {
        var delta = Pop();
        var bytes = _w.Value($"load i32, ptr {mem.SizeSymbol}{_m.SizeRange(mem)}");
        var pages = _w.Value($"lshr i32 {bytes}, {mem.PageSizeLog2}");
        var room = _w.Value($"sub i32 {I32(mem.MaxPages)}, {pages}");
        var fits = _w.Value($"icmp ule i32 {delta.Value}, {room}");
        var grown = _w.Value($"shl i32 {_w.Value($"add i32 {pages}, {delta.Value}")}, {mem.PageSizeLog2}");
        _w.Emit($"store i32 {_w.Value($"select i1 {fits}, i32 {grown}, i32 {bytes}")}, ptr {mem.SizeSymbol}");
        Push(ValType.I32, _w.Value($"select i1 {fits}, i32 {pages}, i32 -1"));
    }

    /// <summary>Traps unless [start, start + length) lies within [0, size): 32-bit math that cannot wrap.</summary>
    private void TrapUnlessWithin(string size, string start, string length, TrapKind kind)
    {
        var tooLong = _w.Value($"icmp ugt i32 {length}, {size}");
        var room = _w.Value($"sub i32 {size}, {length}");
        var past = _w.Value($"icmp ugt i32 {start}, {room}");
        TrapIf(_w.Value($"or i1 {tooLong}, {past}"), kind);
    }

    private void CheckRange(MemoryLayout mem, string start, string length) =>
        TrapUnlessWithin(MemorySize(mem), start, length, TrapKind.OutOfBoundsMemory);

    private void MemoryFill(MemoryLayout mem)
    {
        var n = Pop();
        var value = Pop();
        var d = Pop();
        CheckRange(mem, d.Value, n.Value);
        var dst = _w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {d.Value}");
        var b = _w.Value($"trunc i32 {value.Value} to i8");
        _m.Declare("declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)");
        _w.Emit($"call void @llvm.memset.p0.i32(ptr {dst}, i8 {b}, i32 {n.Value}, i1 false)");
    }

    private void MemoryCopy(MemoryLayout to, MemoryLayout from)
    {
        var n = Pop();
        var s = Pop();
        var d = Pop();
        CheckRange(to, d.Value, n.Value);
        CheckRange(from, s.Value, n.Value);
        var dst = _w.Value($"getelementptr inbounds i8, ptr {to.Symbol}, i32 {d.Value}");
        var src = _w.Value($"getelementptr inbounds i8, ptr {from.Symbol}, i32 {s.Value}");
        _m.Declare("declare void @llvm.memmove.p0.p0.i32(ptr, ptr, i32, i1)");
        _w.Emit($"call void @llvm.memmove.p0.p0.i32(ptr {dst}, ptr {src}, i32 {n.Value}, i1 false)");
    }

    /// <summary>memory.init (spec 4.4.7): a dropped segment has length 0, so only n = 0 at s = 0 passes.</summary>
    private void MemoryInit(uint segment, MemoryLayout mem)
    {
        var n = Pop();
        var s = Pop();
        var d = Pop();
        var length = _w.Value($"load i32, ptr {_m.DataLengthSymbol(segment)}");
        TrapUnlessWithin(length, s.Value, n.Value, TrapKind.OutOfBoundsMemory);
        CheckRange(mem, d.Value, n.Value);
        var dst = _w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {d.Value}");
        var src = _w.Value($"getelementptr inbounds i8, ptr {_m.DataSymbol(segment)}, i32 {s.Value}");
        _m.Declare("declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)");
        _w.Emit($"call void @llvm.memcpy.p0.p0.i32(ptr {dst}, ptr {src}, i32 {n.Value}, i1 false)");
    }
}
