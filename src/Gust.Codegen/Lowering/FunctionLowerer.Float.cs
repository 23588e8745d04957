using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Float instructions (spec 4.3.3). Arithmetic becomes soft-float calls (libgcc); neg, abs and
/// copysign are bit operations so NaN payloads pass unchanged; min and max are written out by hand
/// (llvm.minimum/maximum crash LLVM 16's soft-float backends); sqrt is libm's, and ceil, floor, trunc
/// and nearest are the runtime's gust_fN_* (wasm_math.c), since the libcs got them wrong.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private static readonly Dictionary<Op, string> FloatArithmetic = new()
    {
        [Op.F32Add] = "fadd", [Op.F32Sub] = "fsub", [Op.F32Mul] = "fmul", [Op.F32Div] = "fdiv",
        [Op.F64Add] = "fadd", [Op.F64Sub] = "fsub", [Op.F64Mul] = "fmul", [Op.F64Div] = "fdiv",
    };

    private static readonly Dictionary<Op, string> FloatCompares = new()
    {
        [Op.F32Eq] = "oeq", [Op.F32Ne] = "une", [Op.F32Lt] = "olt", [Op.F32Gt] = "ogt", [Op.F32Le] = "ole", [Op.F32Ge] = "oge",
        [Op.F64Eq] = "oeq", [Op.F64Ne] = "une", [Op.F64Lt] = "olt", [Op.F64Gt] = "ogt", [Op.F64Le] = "ole", [Op.F64Ge] = "oge",
    };

    /// <summary>Unary float operations as calls: an LLVM intrinsic or a runtime function.</summary>
    private static readonly Dictionary<Op, string> FloatCalls = new()
    {
        [Op.F32Ceil] = "@gust_f32_ceil", [Op.F32Floor] = "@gust_f32_floor",
        [Op.F32Trunc] = "@gust_f32_trunc", [Op.F32Nearest] = "@gust_f32_nearest",
        [Op.F64Ceil] = "@gust_f64_ceil", [Op.F64Floor] = "@gust_f64_floor",
        [Op.F64Trunc] = "@gust_f64_trunc", [Op.F64Nearest] = "@gust_f64_nearest",
    };

    private bool LowerFloat(Instr instr)
    {
        var op = instr.Op;
        if (FloatArithmetic.TryGetValue(op, out var name))
        {
            var (a, b) = Pop2();
            Push(a.Type, Strict(name, a.Type, a, b));
        }
        else if (FloatCompares.TryGetValue(op, out name))
        {
            var (a, b) = Pop2();
            PushBool(_w.Value($"fcmp {name} {a.Typed}, {b.Value}"));
        }
        else if (FloatCalls.TryGetValue(op, out var callee))
        {
            var a = Pop();
            _m.Declare($"declare {a.Ir} {callee}({a.Ir}) nounwind readnone");
            Push(a.Type, _w.Value($"call {a.Ir} {callee}({a.Typed})"));
        }
        else
            switch (op)
            {
                case Op.F32Abs: case Op.F64Abs: SignBit(Pop(), "and", invertMask: true); break;
                case Op.F32Neg: case Op.F64Neg: SignBit(Pop(), "xor", invertMask: false); break;
                case Op.F32Copysign: case Op.F64Copysign: Copysign(); break;
                case Op.F32Sqrt: case Op.F64Sqrt: Push(Peek().Type, Strict("sqrt", Peek().Type, Pop())); break;
                case Op.F32Min: case Op.F64Min: MinMax(isMin: true); break;
                case Op.F32Max: case Op.F64Max: MinMax(isMin: false); break;
                default: return false;
            }
        return true;
    }

    /// <summary>
    /// A float operation as LLVM's constrained intrinsic with strict exceptions: LLVM then keeps
    /// x * 1.0, x - 0.0 and the like, which it would fold to x — wrong for a signalling NaN, which
    /// wasm requires to come out quieted (an arithmetic NaN, spec 4.3.3).
    /// </summary>
    private string Strict(string op, ValType result, params Operand[] args)
    {
        var t = LlvmTypes.Of(result);
        var suffix = args[0].Type == result ? Suffix(result) : $"{Suffix(result)}.{Suffix(args[0].Type)}";
        var callee = $"@llvm.experimental.constrained.{op}.{suffix}";
        var rounding = op == "fpext" ? "" : "metadata, ";
        _m.Declare($"declare {t} {callee}({string.Join(", ", args.Select(a => a.Ir))}, {rounding}metadata)");
        var roundingArg = op == "fpext" ? "" : "metadata !\"round.tonearest\", ";
        return _w.Value($"call {t} {callee}({string.Join(", ", args.Select(a => a.Typed))}, {roundingArg}metadata !\"fpexcept.strict\") strictfp");
    }

    private static string Suffix(ValType t) => t == ValType.F32 ? "f32" : "f64";

    private static string SignMask(ValType t, bool invert) => t == ValType.F32
        ? (invert ? int.MaxValue : int.MinValue).ToString()
        : (invert ? long.MaxValue : long.MinValue).ToString();

    private string Bits(Operand f) => _w.Value($"bitcast {f.Typed} to {LlvmTypes.BitsOf(f.Type)}");

    private string FromBits(ValType t, string bits) => _w.Value($"bitcast {LlvmTypes.BitsOf(t)} {bits} to {LlvmTypes.Of(t)}");

    private void SignBit(Operand a, string op, bool invertMask)
    {
        var bits = _w.Value($"{op} {LlvmTypes.BitsOf(a.Type)} {Bits(a)}, {SignMask(a.Type, invertMask)}");
        Push(a.Type, FromBits(a.Type, bits));
    }

    private void Copysign()
    {
        var (a, b) = Pop2();
        var it = LlvmTypes.BitsOf(a.Type);
        var magnitude = _w.Value($"and {it} {Bits(a)}, {SignMask(a.Type, invert: true)}");
        var sign = _w.Value($"and {it} {Bits(b)}, {SignMask(a.Type, invert: false)}");
        Push(a.Type, FromBits(a.Type, _w.Value($"or {it} {magnitude}, {sign}")));
    }

    /// <summary>
    /// wasm min/max (spec 4.3.3 fmin/fmax): a NaN operand gives a NaN (here a + b, which quiets it);
    /// among equal operands the zeros differ only in sign, and OR (min) or AND (max) of the bits picks -0 or +0.
    /// </summary>
    private void MinMax(bool isMin)
    {
        var (a, b) = Pop2();
        var it = LlvmTypes.BitsOf(a.Type);
        var pick = isMin ? "olt" : "ogt";
        var aWins = _w.Value($"fcmp {pick} {a.Typed}, {b.Value}");
        var bWins = _w.Value($"fcmp {pick} {b.Typed}, {a.Value}");
        var unordered = _w.Value($"fcmp uno {a.Typed}, {b.Value}");
        var tie = FromBits(a.Type, _w.Value($"{(isMin ? "or" : "and")} {it} {Bits(a)}, {Bits(b)}"));
        var nan = Strict("fadd", a.Type, a, b);
        var equalOrNan = _w.Value($"select i1 {unordered}, {a.Ir} {nan}, {a.Ir} {tie}");
        var notA = _w.Value($"select i1 {bWins}, {b.Typed}, {a.Ir} {equalOrNan}");
        Push(a.Type, _w.Value($"select i1 {aWins}, {a.Typed}, {a.Ir} {notA}"));
    }
}
