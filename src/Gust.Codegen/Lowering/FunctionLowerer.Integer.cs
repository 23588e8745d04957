using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>Integer instructions (spec 4.3.2): arithmetic with wasm's wrapping, masking and trapping rules.</summary>
internal sealed partial class FunctionLowerer
{
    private static readonly Dictionary<Op, string> Wrapping = new()
    {
        [Op.I32Add] = "add", [Op.I32Sub] = "sub", [Op.I32Mul] = "mul",
        [Op.I32And] = "and", [Op.I32Or] = "or", [Op.I32Xor] = "xor",
        [Op.I64Add] = "add", [Op.I64Sub] = "sub", [Op.I64Mul] = "mul",
        [Op.I64And] = "and", [Op.I64Or] = "or", [Op.I64Xor] = "xor",
    };

    /// <summary>Shifts take their count modulo the width (spec 4.3.2 ishl etc.); LLVM's would be poison past it.</summary>
    private static readonly Dictionary<Op, string> Shifts = new()
    {
        [Op.I32Shl] = "shl", [Op.I32ShrS] = "ashr", [Op.I32ShrU] = "lshr",
        [Op.I64Shl] = "shl", [Op.I64ShrS] = "ashr", [Op.I64ShrU] = "lshr",
    };

    private static readonly Dictionary<Op, string> Compares = new()
    {
        [Op.I32Eq] = "eq", [Op.I32Ne] = "ne", [Op.I32LtS] = "slt", [Op.I32LtU] = "ult", [Op.I32GtS] = "sgt",
        [Op.I32GtU] = "ugt", [Op.I32LeS] = "sle", [Op.I32LeU] = "ule", [Op.I32GeS] = "sge", [Op.I32GeU] = "uge",
        [Op.I64Eq] = "eq", [Op.I64Ne] = "ne", [Op.I64LtS] = "slt", [Op.I64LtU] = "ult", [Op.I64GtS] = "sgt",
        [Op.I64GtU] = "ugt", [Op.I64LeS] = "sle", [Op.I64LeU] = "ule", [Op.I64GeS] = "sge", [Op.I64GeU] = "uge",
    };

    /// <summary>Bit counts and rotates map to LLVM intrinsics; rotates (funnel shifts) already take the count modulo the width.</summary>
    private static readonly Dictionary<Op, string> Intrinsics = new()
    {
        [Op.I32Clz] = "ctlz", [Op.I32Ctz] = "cttz", [Op.I32Popcnt] = "ctpop", [Op.I32Rotl] = "fshl", [Op.I32Rotr] = "fshr",
        [Op.I64Clz] = "ctlz", [Op.I64Ctz] = "cttz", [Op.I64Popcnt] = "ctpop", [Op.I64Rotl] = "fshl", [Op.I64Rotr] = "fshr",
    };

    private bool LowerInteger(Instr instr)
    {
        var op = instr.Op;
        if (Wrapping.TryGetValue(op, out var name))
        {
            var (a, b) = Pop2();
            Push(a.Type, _w.Value($"{name} {a.Typed}, {b.Value}"), ExpressionNumber(op, a, b));
        }
        else if (Shifts.TryGetValue(op, out name))
        {
            var (a, b) = Pop2();
            var count = _w.Value($"and {b.Typed}, {LlvmTypes.Width(a.Type) - 1}");
            Push(a.Type, _w.Value($"{name} {a.Typed}, {count}"), ExpressionNumber(op, a, b));
        }
        else if (Compares.TryGetValue(op, out name))
        {
            var (a, b) = Pop2();
            PushBool(_w.Value($"icmp {name} {a.Typed}, {b.Value}"));
        }
        else if (Intrinsics.TryGetValue(op, out name))
            LowerBitIntrinsic(name);
        else
            switch (op)
            {
                case Op.I32Eqz:
                case Op.I64Eqz:
                    PushBool(_w.Value($"icmp eq {Pop().Typed}, 0"));
                    break;
                case Op.I32DivS: case Op.I64DivS: DivS(); break;
                case Op.I32RemS: case Op.I64RemS: RemS(); break;
                case Op.I32DivU: case Op.I64DivU: Unsigned("udiv"); break;
                case Op.I32RemU: case Op.I64RemU: Unsigned("urem"); break;
                case Op.I32Extend8S: SignExtendLow("i8"); break;
                case Op.I32Extend16S: SignExtendLow("i16"); break;
                case Op.I64Extend8S: SignExtendLow("i8"); break;
                case Op.I64Extend16S: SignExtendLow("i16"); break;
                case Op.I64Extend32S: SignExtendLow("i32"); break;
                default: return false;
            }
        return true;
    }

    private (Operand A, Operand B) Pop2()
    {
        var b = Pop();
        return (Pop(), b);
    }

    private void PushBool(string i1) => Push(ValType.I32, _w.Value($"zext i1 {i1} to i32"));

    private void LowerBitIntrinsic(string name)
    {
        var t = LlvmTypes.Of(Peek().Type);
        var callee = $"@llvm.{name}.{t}";
        if (name is "fshl" or "fshr")
        {
            var (a, b) = Pop2();
            _m.Declare($"declare {t} {callee}({t}, {t}, {t})");
            Push(a.Type, _w.Value($"call {t} {callee}({a.Typed}, {a.Typed}, {b.Typed})"));
        }
        else if (name == "ctpop")
        {
            var a = Pop();
            _m.Declare($"declare {t} {callee}({t})");
            Push(a.Type, _w.Value($"call {t} {callee}({a.Typed})"));
        }
        else
        {
            // is_zero_poison = false: clz/ctz of 0 is the width, as wasm defines it.
            var a = Pop();
            _m.Declare($"declare {t} {callee}({t}, i1)");
            Push(a.Type, _w.Value($"call {t} {callee}({a.Typed}, i1 false)"));
        }
    }

    private void DivS()
    {
        var (a, b) = Pop2();
        TrapIf(_w.Value($"icmp eq {b.Typed}, 0"), TrapKind.IntegerDivideByZero);
        var isMin = _w.Value($"icmp eq {a.Typed}, {MinSigned(a.Type)}");
        var isMinusOne = _w.Value($"icmp eq {b.Typed}, -1");
        TrapIf(_w.Value($"and i1 {isMin}, {isMinusOne}"), TrapKind.IntegerOverflow);
        Push(a.Type, _w.Value($"sdiv {a.Typed}, {b.Value}"));
    }

    /// <summary>rem_s of MIN by -1 is 0 in wasm but undefined in LLVM: divide by 1 instead, which gives the same 0.</summary>
    private void RemS()
    {
        var (a, b) = Pop2();
        TrapIf(_w.Value($"icmp eq {b.Typed}, 0"), TrapKind.IntegerDivideByZero);
        var isMinusOne = _w.Value($"icmp eq {b.Typed}, -1");
        var divisor = _w.Value($"select i1 {isMinusOne}, {b.Ir} 1, {b.Typed}");
        Push(a.Type, _w.Value($"srem {a.Typed}, {divisor}"));
    }

    private void Unsigned(string name)
    {
        var (a, b) = Pop2();
        TrapIf(_w.Value($"icmp eq {b.Typed}, 0"), TrapKind.IntegerDivideByZero);
        Push(a.Type, _w.Value($"{name} {a.Typed}, {b.Value}"));
    }

    private void SignExtendLow(string narrow)
    {
        var a = Pop();
        var low = _w.Value($"trunc {a.Typed} to {narrow}");
        Push(a.Type, _w.Value($"sext {narrow} {low} to {a.Ir}"));
    }

    private static string MinSigned(ValType t) => t == ValType.I32 ? int.MinValue.ToString() : long.MinValue.ToString();
}
