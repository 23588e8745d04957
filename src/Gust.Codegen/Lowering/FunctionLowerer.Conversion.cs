using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>Conversions (spec 4.3.4): wrap/extend, trapping and saturating float→int truncation, int→float, demote/promote, reinterpret.</summary>
internal sealed partial class FunctionLowerer
{
    private bool LowerConversion(Instr instr)
    {
        var info = instr.Info;
        switch (instr.Op)
        {
            case Op.I32WrapI64: Cast("trunc", ValType.I32); break;
            case Op.I64ExtendI32S: Cast("sext", ValType.I64); break;
            case Op.I64ExtendI32U: Cast("zext", ValType.I64); break;
            case Op.F32DemoteF64: Push(ValType.F32, Strict("fptrunc", ValType.F32, Pop())); break;
            case Op.F64PromoteF32: Push(ValType.F64, Strict("fpext", ValType.F64, Pop())); break;
            case Op.I32ReinterpretF32: case Op.I64ReinterpretF64: case Op.F32ReinterpretI32: case Op.F64ReinterpretI64:
                Cast("bitcast", info.Results[0]);
                break;
            case Op.F32ConvertI32S: case Op.F32ConvertI64S: case Op.F64ConvertI32S: case Op.F64ConvertI64S:
                Cast("sitofp", info.Results[0]);
                break;
            case Op.F32ConvertI32U: case Op.F32ConvertI64U: case Op.F64ConvertI32U: case Op.F64ConvertI64U:
                Cast("uitofp", info.Results[0]);
                break;
            case Op.I32TruncF32S: case Op.I32TruncF64S: case Op.I64TruncF32S: case Op.I64TruncF64S:
                TrappingTruncate(info.Results[0], signed: true);
                break;
            case Op.I32TruncF32U: case Op.I32TruncF64U: case Op.I64TruncF32U: case Op.I64TruncF64U:
                TrappingTruncate(info.Results[0], signed: false);
                break;
            case Op.I32TruncSatF32S: case Op.I32TruncSatF64S: case Op.I64TruncSatF32S: case Op.I64TruncSatF64S:
                SaturatingTruncate(info.Results[0], "fptosi");
                break;
            case Op.I32TruncSatF32U: case Op.I32TruncSatF64U: case Op.I64TruncSatF32U: case Op.I64TruncSatF64U:
                SaturatingTruncate(info.Results[0], "fptoui");
                break;
            default:
                return false;
        }
        return true;
    }

    private void Cast(string op, ValType to)
    {
        var a = Pop();
        Push(to, _w.Value($"{op} {a.Typed} to {LlvmTypes.Of(to)}"));
    }

    /// <summary>
    /// trunc traps on NaN (invalid conversion) and on values whose truncation does not fit (overflow).
    /// The fitting range is open or closed at each end as the bounds are exact in the source type:
    /// e.g. f64→i32_s fits for -2^31-1 &lt; x &lt; 2^31, f32→i32_s for -2^31 ≤ x &lt; 2^31.
    /// </summary>
    private void TrappingTruncate(ValType to, bool signed)
    {
        var x = Pop();
        var bits = LlvmTypes.Width(to);
        double low, high = Math.Pow(2, signed ? bits - 1 : bits);
        string lowCmp;
        if (!signed) (low, lowCmp) = (-1.0, "ogt");
        else if (bits == 32 && x.Type == ValType.F64) (low, lowCmp) = (-2147483649.0, "ogt");
        else (low, lowCmp) = (-high, "oge");
        var aboveLow = _w.Value($"fcmp {lowCmp} {x.Typed}, {FloatLiteral(low)}");
        var belowHigh = _w.Value($"fcmp olt {x.Typed}, {FloatLiteral(high)}");
        var fits = _w.Value($"and i1 {aboveLow}, {belowHigh}");
        var convert = _w.NewLabel("trunc_ok");
        var bad = _w.NewLabel("trunc_bad");
        _w.Terminate($"br i1 {fits}, label %{convert}, label %{bad}");
        _w.Label(bad);
        var nan = _w.Value($"fcmp uno {x.Typed}, {x.Value}");
        _w.Terminate($"br i1 {nan}, label %{TrapLabel(TrapKind.InvalidConversion)}, label %{TrapLabel(TrapKind.IntegerOverflow)}");
        _w.Label(convert);
        Push(to, _w.Value($"{(signed ? "fptosi" : "fptoui")} {x.Typed} to {LlvmTypes.Of(to)}"));
    }

    /// <summary>trunc_sat (spec 4.3.4): NaN gives 0, out of range clamps; exactly LLVM's fpto[su]i.sat.</summary>
    private void SaturatingTruncate(ValType to, string op)
    {
        var x = Pop();
        var it = LlvmTypes.Of(to);
        var callee = $"@llvm.{op}.sat.{it}.{(x.Type == ValType.F32 ? "f32" : "f64")}";
        _m.Declare($"declare {it} {callee}({x.Ir})");
        Push(to, _w.Value($"call {it} {callee}({x.Typed})"));
    }

    /// <summary>A float constant in IR's hexadecimal double form (exact for both float and double when representable).</summary>
    private static string FloatLiteral(double v) => "0x" + BitConverter.DoubleToInt64Bits(v).ToString("X16");
}
