using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// call and call_indirect (spec 4.4.8). A funcref is the address of a descriptor {code, type id};
/// call_indirect checks the index against the table size, the entry against null, and the type id,
/// trapping with the spec's three kinds.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private bool LowerCall(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.Call:
                EmitCall(_m.FuncTypes[instr.Index], _m.FunctionSymbol(instr.Index));
                return true;
            case Op.CallIndirect:
                CallIndirect(instr.Index, instr.Index2);
                return true;
            default:
                return false;
        }
    }

    private void CallIndirect(uint typeIndex, uint table)
    {
        var type = _m.Module.Types[(int)typeIndex];
        var index = Pop();
        TrapIf(_w.Value($"icmp uge i32 {index.Value}, {TableSize(table)}"), TrapKind.UndefinedElement);
        var descriptor = _w.Value($"load ptr, ptr {Entry(table, index.Value)}");
        TrapIf(_w.Value($"icmp eq ptr {descriptor}, null"), TrapKind.UninitializedElement);
        var idField = _w.Value($"getelementptr inbounds {{ ptr, ptr }}, ptr {descriptor}, i32 0, i32 1");
        var id = _w.Value($"load ptr, ptr {idField}");
        TrapIf(_w.Value($"icmp ne ptr {id}, {_m.TypeId(type)}"), TrapKind.IndirectCallTypeMismatch);
        EmitCall(type, _w.Value($"load ptr, ptr {descriptor}"));
    }

    private void EmitCall(FuncType type, string callee)
    {
        var args = string.Join(", ", PopTop(type.Params.Length).Select(a => a.Typed));
        var ret = LlvmTypes.Return(type.Results);
        if (type.Results.Length == 0)
        {
            _w.Emit($"call void {callee}({args})");
            return;
        }
        var result = _w.Value($"call {ret} {callee}({args})");
        if (type.Results.Length == 1)
        {
            Push(type.Results[0], result);
            return;
        }
        for (var i = 0; i < type.Results.Length; i++)
            Push(type.Results[i], _w.Value($"extractvalue {ret} {result}, {i}"));
    }
}
