using System.Text;
using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Lowers one function body to IR. The wasm operand stack is simulated at compile time as IR
/// values; locals and branch values live in allocas that -O2 promotes to registers. The lowering of
/// each instruction family is in a partial file of its own (Control, Integer, Float, Conversion,
/// Memory, Call, Trap).
/// </summary>
internal sealed partial class FunctionLowerer
{
    private readonly ModuleContext _m;
    private readonly uint _funcIndex;
    private readonly FuncType _type;
    private readonly Code _code;
    private readonly IrFunctionWriter _w = new();
    private readonly List<Operand> _stack = new();
    private readonly List<Frame> _frames = new();
    private readonly List<(string Slot, ValType Type)> _locals = new();

    public FunctionLowerer(ModuleContext m, uint funcIndex)
    {
        _m = m;
        _funcIndex = funcIndex;
        _type = m.FuncTypes[funcIndex];
        _code = m.Module.Codes[(int)funcIndex - m.Module.ImportedFuncCount];
    }

    private string Name => _m.Names[_funcIndex];

    public void WriteTo(StringBuilder output)
    {
        for (var i = 0; i < _type.Params.Length; i++)
        {
            var slot = _w.Alloca(LlvmTypes.Of(_type.Params[i]));
            _w.Emit($"store {LlvmTypes.Of(_type.Params[i])} %p{i}, ptr {slot}");
            _locals.Add((slot, _type.Params[i]));
        }
        foreach (var t in _code.LocalTypes())
        {
            var slot = _w.Alloca(LlvmTypes.Of(t));
            _w.Emit($"store {LlvmTypes.Of(t)} {LlvmTypes.Zero(t)}, ptr {slot}");
            _locals.Add((slot, t));
        }
        StartNumbering();
        if (ChecksStackLimit) CheckStackLimit();
        _frames.Add(new Frame { Kind = FrameKind.Function, Params = [], Results = _type.Results, Height = 0 });
        foreach (var instr in _code.Body)
        {
            if (_frames.Count == 0) break;
            Lower(instr);
        }
        EmitTrapBlocks();

        var parameters = string.Join(", ", _type.Params.Select((t, i) => $"{LlvmTypes.Of(t)} %p{i}"));
        output.AppendLine($"; func {_funcIndex} \"{LlvmNames.Printable(Name)}\" {_type}");
        // No tail calls: LLVM would turn accumulating recursion into a loop, and wasm's call stack
        // must be exhaustible (assert_exhaustion) however the recursion is written. strictfp: see Strict().
        _w.WriteTo(output, $"define internal {LlvmTypes.Return(_type.Results)} {_m.FunctionSymbol(_funcIndex)}({parameters}) nounwind strictfp \"disable-tail-calls\"=\"true\"");
        output.AppendLine();
    }

    private Frame Top => _frames[^1];

    private void Lower(Instr instr)
    {
        if (Top.Unreachable && !IsStructural(instr.Op)) return;
        if (LowerControl(instr) || LowerInteger(instr) || LowerFloat(instr) || LowerConversion(instr)
            || LowerMemory(instr) || LowerTable(instr) || LowerCall(instr) || LowerVariable(instr) || LowerReference(instr))
            return;
        throw Unsupported.Instruction(instr, $"function {_funcIndex} \"{Name}\"");
    }

    private static bool IsStructural(Op op) => op is Op.Block or Op.Loop or Op.If or Op.Else or Op.End;

    private bool LowerVariable(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.Nop:
                return true;
            case Op.Drop:
                Pop();
                return true;
            case Op.Select:
            case Op.SelectT:
            {
                var c = Pop();
                var b = Pop();
                var a = Pop();
                var cond = _w.Value($"icmp ne i32 {c.Value}, 0");
                Push(a.Type, _w.Value($"select i1 {cond}, {a.Typed}, {b.Typed}"));
                return true;
            }
            case Op.LocalGet:
            {
                var (slot, t) = _locals[(int)instr.Index];
                Push(t, _w.Value($"load {LlvmTypes.Of(t)}, ptr {slot}"), _localNumbers[instr.Index]);
                return true;
            }
            case Op.LocalSet:
            case Op.LocalTee:
            {
                var v = Pop();
                _w.Emit($"store {v.Typed}, ptr {_locals[(int)instr.Index].Slot}");
                var number = _localNumbers[instr.Index] = v.Number ?? FreshNumber();
                if (instr.Op == Op.LocalTee) _stack.Add(v with { Number = number });
                return true;
            }
            case Op.GlobalGet:
            {
                var t = _m.Module.GlobalTypeOf(instr.Index)!.Value.Type;
                Push(t, _w.Value($"load {LlvmTypes.Of(t)}, ptr {_m.GlobalSymbol(instr.Index)}"));
                return true;
            }
            case Op.GlobalSet:
                _w.Emit($"store {Pop().Typed}, ptr {_m.GlobalSymbol(instr.Index)}");
                return true;
            case Op.I32Const:
                Push(ValType.I32, ((int)(uint)instr.Value).ToString(), ConstantNumber((uint)instr.Value));
                return true;
            case Op.I64Const:
                Push(ValType.I64, ((long)instr.Value).ToString());
                return true;
            case Op.F32Const:
                // Through the bits, so every NaN payload survives exactly.
                Push(ValType.F32, _w.Value($"bitcast i32 {(int)(uint)instr.Value} to float"));
                return true;
            case Op.F64Const:
                Push(ValType.F64, _w.Value($"bitcast i64 {(long)instr.Value} to double"));
                return true;
            default:
                return false;
        }
    }

    private bool LowerReference(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.RefNull:
                Push(instr.Types is [var t] ? t : ValType.FuncRef, "null");
                return true;
            case Op.RefIsNull:
                Push(ValType.I32, _w.Value($"zext i1 {_w.Value($"icmp eq ptr {Pop().Value}, null")} to i32"));
                return true;
            case Op.RefFunc:
                Push(ValType.FuncRef, _m.FuncRef(instr.Index));
                return true;
            default:
                return false;
        }
    }

    private void Push(ValType t, string value, int? number = null) => _stack.Add(new Operand(t, value, number));

    private Operand Pop()
    {
        var v = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private Operand Peek() => _stack[^1];

    /// <summary>The top <paramref name="n"/> operands, bottom first, left on the stack.</summary>
    private Operand[] PeekTop(int n) => _stack.GetRange(_stack.Count - n, n).ToArray();

    private Operand[] PopTop(int n)
    {
        var top = PeekTop(n);
        _stack.RemoveRange(_stack.Count - n, n);
        return top;
    }
}
