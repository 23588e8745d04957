using System.Text;
using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// The module's instantiation as a function <c>{prefix}_init</c> (spec 4.5.4): active element
/// segments into tables, then active data segments into memories, then the start function. A
/// segment that does not fit traps, as instantiation would, after the ones before it were written.
/// </summary>
internal static class InitWriter
{
    public const uint InitFunctionIndex = uint.MaxValue;

    public static void Write(ModuleContext m, StringBuilder output)
    {
        var w = new IrFunctionWriter();
        var module = m.Module;
        for (var s = 0; s < module.Elems.Count && !w.Terminated; s++)
        {
            var seg = module.Elems[s];
            if (seg.Mode != SegmentMode.Active) continue;
            var offset = ConstantExpr.Offset(seg.Offset!, $"element segment {s}");
            if ((ulong)offset + (ulong)seg.Count > module.TableTypeOf(seg.Table)!.Limits.Min)
            {
                Trap(w, TrapKind.OutOfBoundsTable);
                break;
            }
            for (var k = 0; k < seg.Count; k++)
            {
                var value = seg.FuncIndices is { } fs ? m.FuncRef(fs[k]) : ConstantExpr.Of(m, seg.Exprs![k], $"element segment {s}");
                var slot = w.Value($"getelementptr inbounds ptr, ptr {m.TableSymbol(seg.Table)}, i32 {offset + k}");
                w.Emit($"store ptr {value}, ptr {slot}");
            }
        }
        for (var s = 0; s < module.Datas.Count && !w.Terminated; s++)
        {
            var seg = module.Datas[s];
            if (seg.Mode != SegmentMode.Active) continue;
            var offset = ConstantExpr.Offset(seg.Offset!, $"data segment {s}");
            var mem = m.Memories[seg.Memory];
            if ((ulong)offset + (ulong)seg.Bytes.Length > mem.MinBytes)
            {
                Trap(w, TrapKind.OutOfBoundsMemory);
                break;
            }
            if (seg.Bytes.Length == 0) continue;
            m.Declare("declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)");
            var dst = w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {(int)offset}");
            w.Emit($"call void @llvm.memcpy.p0.p0.i32(ptr {dst}, ptr {m.DataSymbol((uint)s)}, i32 {seg.Bytes.Length}, i1 false)");
        }
        if (module.Start is { } start && !w.Terminated) w.Emit($"call void {m.FunctionSymbol(start)}()");
        if (!w.Terminated) w.Terminate("ret void");
        output.AppendLine("; instantiation: element and data segments, start function");
        w.WriteTo(output, $"define void {LlvmNames.Global(ModuleSymbols.Init(m.Prefix))}() nounwind");
        output.AppendLine();
    }

    private static void Trap(IrFunctionWriter w, TrapKind kind)
    {
        w.Emit($"call void {FunctionLowerer.TrapFunction}(i32 {(int)kind}, i32 {unchecked((int)InitFunctionIndex)})");
        w.Terminate("unreachable");
    }
}
