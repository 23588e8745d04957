using System.Globalization;
using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// Instructions in the flat (unfolded) text form (spec 6.5), one per line, with numeric indices
/// so the text reads back to exactly the same instructions.
/// </summary>
internal static class WatInstrPrinter
{
    /// <summary>Nesting deeper than this is not indented further, so pathological depth cannot blow up the text quadratically.</summary>
    private const int MaxIndentDepth = 64;

    /// <summary>A function body, without its final <c>end</c> (the closing parenthesis of the function stands for it).</summary>
    public static void AppendBody(StringBuilder sb, IReadOnlyList<Instr> body, int indent, Func<uint, string?> funcName)
    {
        var depth = 0;
        for (var i = 0; i < ExprLength(body); i++)
        {
            var instr = body[i];
            if (instr.Op is Op.End or Op.Else) depth = Math.Max(0, depth - 1);
            sb.Append(' ', indent + 2 * Math.Min(depth, MaxIndentDepth));
            AppendInstr(sb, instr, funcName);
            sb.Append('\n');
            if (instr.Op is Op.Block or Op.Loop or Op.If or Op.Else) depth++;
        }
    }

    /// <summary>
    /// A constant expression on one line, without its final <c>end</c>. A single plain instruction
    /// is written folded, <c>(i32.const 0)</c>, which globals, offsets and items all accept (spec
    /// 6.6.7, 6.6.11); longer ones (extended constants) go flat inside <c>(keyword …)</c>, or bare
    /// where the field takes the instructions directly (<paramref name="keyword"/> null: globals).
    /// </summary>
    public static void AppendConstExpr(StringBuilder sb, IReadOnlyList<Instr> expr, string? keyword, Func<uint, string?> funcName)
    {
        var length = ExprLength(expr);
        if (length == 1 && expr[0].Op is not (Op.Block or Op.Loop or Op.If or Op.Else or Op.End))
        {
            sb.Append(" (");
            AppendInstr(sb, expr[0], funcName);
            sb.Append(')');
            return;
        }
        if (keyword is not null) sb.Append(" (").Append(keyword);
        for (var i = 0; i < length; i++)
        {
            sb.Append(' ');
            AppendInstr(sb, expr[i], funcName);
        }
        if (keyword is not null) sb.Append(')');
    }

    private static int ExprLength(IReadOnlyList<Instr> expr) => expr.Count > 0 && expr[^1].Op == Op.End ? expr.Count - 1 : expr.Count;

    private static void AppendInstr(StringBuilder sb, Instr instr, Func<uint, string?> funcName)
    {
        if (!OpTable.TryGet(instr.Op, out var info)) throw WatPrinter.Unprintable($"opcode 0x{(ushort)instr.Op:x}");
        sb.Append(info.Name);
        switch (info.Imm)
        {
            case Imm.None:
                break;
            case Imm.Block:
                AppendBlockType(sb, instr.Block);
                break;
            case Imm.Label or Imm.Local or Imm.Global or Imm.Table or Imm.Elem or Imm.Data:
                sb.Append(' ').Append(instr.Index);
                break;
            case Imm.Func:
                sb.Append(' ').Append(instr.Index);
                WatPrinter.AppendNameComment(sb, funcName(instr.Index));
                break;
            case Imm.BrTable:
                foreach (var label in instr.Labels ?? Array.Empty<uint>()) sb.Append(' ').Append(label);
                sb.Append(' ').Append(instr.Index);
                break;
            case Imm.CallIndirect:
                // The table index may be left out when it is 0 (spec 6.5.3).
                if (instr.Index2 != 0) sb.Append(' ').Append(instr.Index2);
                sb.Append(" (type ").Append(instr.Index).Append(')');
                break;
            case Imm.Memory:
                AppendMemory(sb, instr.Index);
                break;
            case Imm.MemArg:
                AppendMemory(sb, instr.Index);
                AppendMemArg(sb, instr, info.NaturalAlign);
                break;
            case Imm.I32:
                sb.Append(' ').Append((int)(uint)instr.Value);
                break;
            case Imm.I64:
                sb.Append(' ').Append((long)instr.Value);
                break;
            case Imm.F32:
                sb.Append(' ').Append(WatLiteralPrinter.F32((uint)instr.Value));
                AppendDecimalComment(sb, BitConverter.Int32BitsToSingle((int)instr.Value));
                break;
            case Imm.F64:
                sb.Append(' ').Append(WatLiteralPrinter.F64(instr.Value));
                AppendDecimalComment(sb, BitConverter.Int64BitsToDouble((long)instr.Value));
                break;
            case Imm.RefNull:
                if (instr.Types is not [var heap] || !heap.IsRef() || !ValTypes.IsDefined((byte)heap))
                    throw WatPrinter.Unprintable("ref.null without a reference type");
                sb.Append(' ').Append(heap.HeapName());
                break;
            case Imm.SelectT:
                sb.Append(" (result");
                foreach (var t in instr.Types ?? Array.Empty<ValType>()) sb.Append(' ').Append(WatPrinter.TypeName(t));
                sb.Append(')');
                break;
            case Imm.MemoryInit:
                // Binary order is data then memory; text puts the optional memory first.
                AppendMemory(sb, instr.Index2);
                sb.Append(' ').Append(instr.Index);
                break;
            case Imm.MemoryCopy:
                // Both memories or neither (spec 6.5.6).
                if (instr.Index != 0 || instr.Index2 != 0) sb.Append(' ').Append(instr.Index).Append(' ').Append(instr.Index2);
                break;
            case Imm.TableInit:
                sb.Append(' ').Append(instr.Index2).Append(' ').Append(instr.Index);
                break;
            case Imm.TableCopy:
                sb.Append(' ').Append(instr.Index).Append(' ').Append(instr.Index2);
                break;
            default:
                throw WatPrinter.Unprintable($"immediate kind {info.Imm}");
        }
    }

    /// <summary>The hexadecimal literal is exact but hard to read, so finite non-zero values get their shortest decimal form in a comment.</summary>
    private static void AppendDecimalComment(StringBuilder sb, double value)
    {
        if (double.IsFinite(value) && value != 0) sb.Append(" (;=").Append(value.ToString(CultureInfo.InvariantCulture)).Append(";)");
    }

    private static void AppendDecimalComment(StringBuilder sb, float value)
    {
        if (float.IsFinite(value) && value != 0) sb.Append(" (;=").Append(value.ToString(CultureInfo.InvariantCulture)).Append(";)");
    }

    private static void AppendBlockType(StringBuilder sb, BlockType type)
    {
        switch (type.Kind)
        {
            case BlockTypeKind.Value:
                sb.Append(" (result ").Append(WatPrinter.TypeName(type.Value)).Append(')');
                break;
            case BlockTypeKind.TypeIndex:
                sb.Append(" (type ").Append(type.TypeIndex).Append(')');
                break;
        }
    }

    /// <summary>Memory 0 is the default and is left out, as in single-memory text.</summary>
    private static void AppendMemory(StringBuilder sb, uint memory)
    {
        if (memory != 0) sb.Append(' ').Append(memory);
    }

    private static void AppendMemArg(StringBuilder sb, Instr instr, int naturalAlign)
    {
        if (instr.Value != 0) sb.Append(" offset=").Append(instr.Value);
        if (instr.Align == naturalAlign) return;
        // Text gives the alignment in bytes as a u64 (spec 6.5.6 with memory64), so exponents past 63 have no text form.
        if (instr.Align > 63) throw WatPrinter.Unprintable($"alignment 2^{instr.Align}");
        sb.Append(" align=").Append(1UL << (int)instr.Align);
    }
}
