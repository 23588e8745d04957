using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Constant expressions (spec 3.3.10): a single constant is an IR constant; global.get and the
/// extended forms (i32/i64 add, sub, mul) are computed by instantiation (<see cref="Value"/>).
/// </summary>
internal static class ConstantExpr
{
    public static string Of(ModuleContext m, List<Instr> expr, string where)
    {
        if (!IsConstant(expr)) throw Unsupported.Error($"{where}: a constant expression that reads globals or computes is only supported where instantiation computes it");
        return Single(m, expr[0], where);
    }

    private static string Single(ModuleContext m, Instr i, string where) =>
        i.Op switch
        {
            Op.I32Const => ((int)(uint)i.Value).ToString(),
            Op.I64Const => ((long)i.Value).ToString(),
            Op.F32Const => $"bitcast (i32 {(int)(uint)i.Value} to float)",
            Op.F64Const => $"bitcast (i64 {(long)i.Value} to double)",
            Op.RefNull => "null",
            Op.RefFunc => m.FuncRef(i.Index),
            _ => throw Unsupported.Error($"{where}: {i.Info.Name} in a constant expression is not supported yet"),
        };

    /// <summary>Whether the expression is an IR constant (<see cref="Of"/>), not a read of a global.</summary>
    public static bool IsConstant(List<Instr> expr) =>
        expr is [{ Op: Op.I32Const or Op.I64Const or Op.F32Const or Op.F64Const or Op.RefNull or Op.RefFunc }, { Op: Op.End }];

    /// <summary>The expression's value computed inside a function (instantiation): globals it reads are loaded.</summary>
    public static string Value(ModuleContext m, IrFunctionWriter w, List<Instr> expr, string where)
    {
        var stack = new Stack<string>();
        foreach (var i in expr)
        {
            var op = i.Op switch
            {
                Op.I32Add => "add i32", Op.I32Sub => "sub i32", Op.I32Mul => "mul i32",
                Op.I64Add => "add i64", Op.I64Sub => "sub i64", Op.I64Mul => "mul i64",
                _ => null,
            };
            if (op is not null)
            {
                var b = stack.Pop();
                stack.Push(w.Value($"{op} {stack.Pop()}, {b}"));
            }
            else if (i.Op == Op.GlobalGet)
                stack.Push(w.Value($"load {LlvmTypes.Of(m.Module.GlobalTypeOf(i.Index)!.Value.Type)}, ptr {m.GlobalSymbol(i.Index)}"));
            else if (i.Op != Op.End)
                stack.Push(Single(m, i, where));
        }
        return stack.Pop();
    }
}
