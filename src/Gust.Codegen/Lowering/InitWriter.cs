using System.Text;
using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// The module's instantiation as a function <c>{prefix}_init</c> (spec 4.5.4): globals initialized
/// from imported ones, active element segments into tables, then active data segments into
/// memories, then the start function. A segment that does not fit the table or memory as it is now
/// (an imported one may have grown) traps, as instantiation would, after the ones before it were written.
/// </summary>
internal static class InitWriter
{
    public const uint InitFunctionIndex = uint.MaxValue;

    public static void Write(ModuleContext m, StringBuilder output)
    {
        var w = new IrFunctionWriter();
        var module = m.Module;
        var traps = new SortedSet<TrapKind>();
        for (var i = 0; i < module.Globals.Count; i++)
        {
            var g = module.Globals[i];
            if (ConstantExpr.IsConstant(g.Init)) continue;
            var index = (uint)(module.ImportedGlobalCount + i);
            w.Emit($"store {LlvmTypes.Of(g.Type.Type)} {ConstantExpr.Value(m, w, g.Init, $"global {index}")}, ptr {m.GlobalSymbol(index)}");
        }
        for (var s = 0; s < module.Elems.Count; s++)
        {
            var seg = module.Elems[s];
            if (seg.Mode != SegmentMode.Active) continue;
            var offset = ConstantExpr.Value(m, w, seg.Offset!, $"element segment {s}");
            CheckFits(w, traps, offset, seg.Count, w.Value($"load i32, ptr {m.TableSizeSymbol(seg.Table)}"), TrapKind.OutOfBoundsTable);
            for (var k = 0; k < seg.Count; k++)
            {
                var value = seg.FuncIndices is { } fs ? m.FuncRef(fs[k]) : ConstantExpr.Value(m, w, seg.Exprs![k], $"element segment {s}");
                var slot = w.Value($"getelementptr inbounds ptr, ptr {m.TableSymbol(seg.Table)}, i32 {w.Value($"add i32 {offset}, {k}")}");
                w.Emit($"store ptr {value}, ptr {slot}");
            }
        }
        for (var s = 0; s < module.Datas.Count; s++)
        {
            var seg = module.Datas[s];
            if (seg.Mode != SegmentMode.Active) continue;
            var offset = ConstantExpr.Value(m, w, seg.Offset!, $"data segment {s}");
            var mem = m.Memories[seg.Memory];
            CheckFits(w, traps, offset, seg.Bytes.Length, w.Value($"load i32, ptr {mem.SizeSymbol}"), TrapKind.OutOfBoundsMemory);
            if (seg.Bytes.Length == 0) continue;
            if (mem.TwoBank)
            {
                // The range fits (checked above); the runtime splits it at the banks' seam.
                m.Declare(FunctionLowerer.BankInitDeclaration);
                var size = w.Value($"load i32, ptr {mem.SizeSymbol}");
                w.Emit($"call void @gust_bank_init({FunctionLowerer.BankArgs(mem, size)}, i32 {offset}, ptr {m.DataSymbol((uint)s)}, i32 {seg.Bytes.Length}, i32 0, i32 {seg.Bytes.Length}, i32 -1)");
                continue;
            }
            m.Declare("declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)");
            var dst = w.Value($"getelementptr inbounds i8, ptr {mem.Symbol}, i32 {offset}");
            w.Emit($"call void @llvm.memcpy.p0.p0.i32(ptr {dst}, ptr {m.DataSymbol((uint)s)}, i32 {seg.Bytes.Length}, i1 false)");
        }
        if (module.Start is { } start) w.Emit($"call void {m.FunctionSymbol(start)}()");
        w.Terminate("ret void");
        foreach (var kind in traps)
        {
            w.Label(Label(kind));
            w.Emit($"call void {m.TrapSymbol}(i32 {(int)kind}, i32 {unchecked((int)InitFunctionIndex)})");
            w.Terminate("unreachable");
        }
        output.AppendLine("; instantiation: globals, element and data segments, start function");
        w.WriteTo(output, $"define void {LlvmNames.Global(ModuleSymbols.Init(m.Prefix))}() nounwind");
        output.AppendLine();
    }

    private static string Label(TrapKind kind) => $"trap.{kind}";

    /// <summary>Traps unless offset + count ≤ size, in 64 bits so the sum cannot wrap.</summary>
    private static void CheckFits(IrFunctionWriter w, SortedSet<TrapKind> traps, string offset, int count, string size, TrapKind kind)
    {
        traps.Add(kind);
        var end = w.Value($"add i64 {w.Value($"zext i32 {offset} to i64")}, {count}");
        var outside = w.Value($"icmp ugt i64 {end}, {w.Value($"zext i32 {size} to i64")}");
        var ok = w.NewLabel("fits");
        w.Terminate($"br i1 {outside}, label %{Label(kind)}, label %{ok}");
        w.Label(ok);
    }
}
