using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>Constant expressions (spec 3.3.10) as IR constants; only forms with no imported globals for now.</summary>
internal static class ConstantExpr
{
    public static string Of(ModuleContext m, List<Instr> expr, string where)
    {
        if (expr.Count != 2 || expr[1].Op != Op.End) throw Unsupported.Error($"{where}: extended constant expressions are not supported yet");
        var i = expr[0];
        return i.Op switch
        {
            Op.I32Const => ((int)(uint)i.Value).ToString(),
            Op.I64Const => ((long)i.Value).ToString(),
            Op.F32Const => $"bitcast (i32 {(int)(uint)i.Value} to float)",
            Op.F64Const => $"bitcast (i64 {(long)i.Value} to double)",
            Op.RefNull => "null",
            Op.RefFunc => m.FuncRef(i.Index),
            _ => throw Unsupported.Error($"{where}: {i.Info.Name} in a constant expression is not supported yet"),
        };
    }

    /// <summary>The value of an i32 offset expression, known at compile time.</summary>
    public static uint Offset(List<Instr> expr, string where) =>
        expr is [{ Op: Op.I32Const } c, { Op: Op.End }]
            ? (uint)c.Value
            : throw Unsupported.Error($"{where}: only i32.const offsets are supported yet");
}
