using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Two-bank memories (<see cref="MemorySplit"/>): a memory larger than any one RAM bank keeps bytes
/// [0, low) in one bank and the rest in another. An access compares its address with
/// min(size, low) − reach just as a one-bank access compares it with size − reach, and then reads
/// or writes the low bank inline; an access that fails the compare calls the cold runtime
/// (Runtime/banks.c), which traps when it is out of bounds and otherwise performs it in the high
/// bank, byte by byte across the split. memory.fill, copy and init on such memories, and data
/// segments written into them, are runtime calls that split the range at the banks' seam. The
/// compare stays with bounds checks off too: it is what finds the bank. One-bank memories never
/// come here and compile as before.
/// </summary>
internal sealed partial class FunctionLowerer
{
    public const string BankLoadDeclaration = "declare i64 @gust_bank_load(ptr, ptr, i32, i32, i32, i32, i32, i32) nounwind cold";
    public const string BankStoreDeclaration = "declare void @gust_bank_store(ptr, ptr, i32, i32, i32, i32, i32, i64, i32) nounwind cold";
    public const string BankFillDeclaration = "declare void @gust_bank_fill(ptr, ptr, i32, i32, i32, i32, i32, i32) nounwind";
    public const string BankCopyDeclaration = "declare void @gust_bank_copy(ptr, ptr, i32, i32, i32, ptr, ptr, i32, i32, i32, i32, i32) nounwind";
    public const string BankInitDeclaration = "declare void @gust_bank_init(ptr, ptr, i32, i32, i32, ptr, i32, i32, i32, i32) nounwind";

    /// <summary>Lowers a memory instruction that touches a two-bank memory; false for anything else.</summary>
    private bool LowerTwoBank(Instr instr)
    {
        if (!_m.Memories.Any(m => m.TwoBank)) return false;
        if (Loads.TryGetValue(instr.Op, out var load) && _m.Memories[instr.Index].TwoBank)
            TwoBankLoad(instr, load.Stored, load.Type, load.Signed);
        else if (Stores.TryGetValue(instr.Op, out var stored) && _m.Memories[instr.Index].TwoBank)
            TwoBankStore(instr, stored);
        else if (instr.Op == Op.MemoryFill && _m.Memories[instr.Index].TwoBank)
        {
            var n = Pop();
            var value = Pop();
            var d = Pop();
            var mem = _m.Memories[instr.Index];
            _m.Declare(BankFillDeclaration);
            _w.Emit($"call void @gust_bank_fill({BankArgs(mem, MemorySize(mem))}, i32 {d.Value}, i32 {value.Value}, i32 {n.Value}, i32 {_funcIndex})");
        }
        else if (instr.Op == Op.MemoryCopy && (_m.Memories[instr.Index].TwoBank || _m.Memories[instr.Index2].TwoBank))
        {
            var n = Pop();
            var s = Pop();
            var d = Pop();
            var (to, from) = (_m.Memories[instr.Index], _m.Memories[instr.Index2]);
            _m.Declare(BankCopyDeclaration);
            _w.Emit($"call void @gust_bank_copy({BankArgs(to, MemorySize(to))}, i32 {d.Value}, {BankArgs(from, MemorySize(from))}, i32 {s.Value}, i32 {n.Value}, i32 {_funcIndex})");
        }
        else if (instr.Op == Op.MemoryInit && _m.Memories[instr.Index2].TwoBank)
        {
            var n = Pop();
            var s = Pop();
            var d = Pop();
            var mem = _m.Memories[instr.Index2];
            var length = _w.Value($"load i32, ptr {_m.DataLengthSymbol(instr.Index)}");
            _m.Declare(BankInitDeclaration);
            _w.Emit($"call void @gust_bank_init({BankArgs(mem, MemorySize(mem))}, i32 {d.Value}, ptr {_m.DataSymbol(instr.Index)}, i32 {length}, i32 {s.Value}, i32 {n.Value}, i32 {_funcIndex})");
        }
        else return false;
        return true;
    }

    /// <summary>How the runtime sees a memory: low bank, high bank, the split and the size (a one-bank memory: its window is all low).</summary>
    public static string BankArgs(MemoryLayout mem, string size) =>
        $"ptr {mem.Symbol}, ptr {(mem.TwoBank ? mem.HighSymbol : mem.Symbol)}, i32 {I32(mem.LowWindowBytes)}, i32 {size}";

    private void TwoBankLoad(Instr instr, string stored, ValType type, bool signed)
    {
        var mem = _m.Memories[instr.Index];
        var width = 1 << instr.Info.NaturalAlign;
        var address = Pop().Value;
        var size = MemorySize(mem);
        var (fast, slow, join) = (_w.NewLabel("low"), _w.NewLabel("banks"), _w.NewLabel("loaded"));
        BranchOnLowBank(mem, size, address, instr.Value + (ulong)width, fast, slow);
        _w.Label(fast);
        var inline = _w.Value($"load {stored}, ptr {LowBankAddress(mem, address, instr.Value)}, align {Align(instr)}");
        _w.Terminate($"br label %{join}");
        _w.Label(slow);
        _m.Declare(BankLoadDeclaration);
        var bits = _w.Value($"call i64 @gust_bank_load({BankArgs(mem, size)}, i32 {address}, i32 {I32(instr.Value)}, i32 {width}, i32 {_funcIndex})");
        var called = stored switch
        {
            "i64" => bits,
            "double" => _w.Value($"bitcast i64 {bits} to double"),
            "float" => _w.Value($"bitcast i32 {_w.Value($"trunc i64 {bits} to i32")} to float"),
            _ => _w.Value($"trunc i64 {bits} to {stored}"),
        };
        _w.Terminate($"br label %{join}");
        _w.Label(join);
        var v = _w.Value($"phi {stored} [ {inline}, %{fast} ], [ {called}, %{slow} ]");
        var result = LlvmTypes.Of(type);
        if (stored != result) v = _w.Value($"{(signed ? "sext" : "zext")} {stored} {v} to {result}");
        Push(type, v);
    }

    private void TwoBankStore(Instr instr, string stored)
    {
        var mem = _m.Memories[instr.Index];
        var value = Pop();
        var address = Pop().Value;
        var width = 1 << instr.Info.NaturalAlign;
        var size = MemorySize(mem);
        var (fast, slow, join) = (_w.NewLabel("low"), _w.NewLabel("banks"), _w.NewLabel("stored"));
        BranchOnLowBank(mem, size, address, instr.Value + (ulong)width, fast, slow);
        _w.Label(fast);
        var v = stored == value.Ir ? value.Value : _w.Value($"trunc {value.Typed} to {stored}");
        _w.Emit($"store {stored} {v}, ptr {LowBankAddress(mem, address, instr.Value)}, align {Align(instr)}");
        _w.Terminate($"br label %{join}");
        _w.Label(slow);
        var bits = value.Type switch
        {
            ValType.I64 => value.Value,
            ValType.F64 => _w.Value($"bitcast double {value.Value} to i64"),
            ValType.F32 => _w.Value($"zext i32 {_w.Value($"bitcast float {value.Value} to i32")} to i64"),
            _ => _w.Value($"zext i32 {value.Value} to i64"),
        };
        _m.Declare(BankStoreDeclaration);
        _w.Emit($"call void @gust_bank_store({BankArgs(mem, size)}, i32 {address}, i32 {I32(instr.Value)}, i32 {width}, i64 {bits}, i32 {_funcIndex})");
        _w.Terminate($"br label %{join}");
        _w.Label(join);
    }

    /// <summary>
    /// To <paramref name="fast"/> when the whole access lies in the low bank and the memory, i.e.
    /// address ≤ min(size, low) − reach, else to <paramref name="slow"/>.
    /// </summary>
    private void BranchOnLowBank(MemoryLayout mem, string size, string address, ulong reach, string fast, string slow)
    {
        var low = mem.LowBytes!.Value;
        var inline = Math.Min(mem.MinBytes, low);
        if (reach > low || (!mem.SizeVaries && reach > inline))
        {
            _w.Terminate($"br label %{slow}");
            return;
        }
        string limit;
        if (mem.SizeVaries)
        {
            _m.Declare("declare i32 @llvm.umin.i32(i32, i32)");
            limit = _w.Value($"call i32 @llvm.umin.i32(i32 {size}, i32 {I32(low)})");
        }
        else limit = I32(inline);
        var outside = _w.Value($"icmp ugt i32 {address}, {_w.Value($"sub i32 {limit}, {I32(reach)}")}");
        // The subtraction wraps only while the memory is smaller than the reach, which its minimum may allow.
        if (reach > inline) outside = _w.Value($"or i1 {outside}, {_w.Value($"icmp ult i32 {limit}, {I32(reach)}")}");
        _w.Terminate($"br i1 {outside}, label %{slow}, label %{fast}");
    }

    private string LowBankAddress(MemoryLayout mem, string address, ulong offset)
    {
        var based = _w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {address}");
        return offset == 0 ? based : _w.Value($"getelementptr inbounds i8, ptr {based}, i32 {I32(offset)}");
    }
}
