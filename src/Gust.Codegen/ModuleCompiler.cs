using System.Text;
using Gust.Codegen.Llvm;
using Gust.Codegen.Lowering;
using Gust.Wasm;

namespace Gust.Codegen;

/// <summary>
/// Compiles a validated module to native code through textual LLVM IR. The object defines, for
/// prefix p: p_export_NAME for each export, p_init (instantiation), p_names (for trap reports), and
/// needs gust_trap(kind, funcIndex, names) and p_import_MODULE_NAME per import.
/// </summary>
public static class ModuleCompiler
{
    public static byte[] Compile(Module module, CodegenOptions options) => Clang.CompileIr(options.Target, EmitIr(module, options));

    public static string EmitIr(Module module, CodegenOptions options)
    {
        var m = new ModuleContext(module, options);
        var functions = new StringBuilder();
        for (var i = (uint)module.ImportedFuncCount; i < module.FuncCount; i++) new FunctionLowerer(m, i).WriteTo(functions);
        InitWriter.Write(m, functions);

        var ir = new StringBuilder();
        ir.AppendLine($"; gust compile --target {options.Target.Name}{(options.BoundsChecks ? "" : " --bounds-checks off (unsafe: for measurement only)")}");
        ir.AppendLine($"; {module.FuncCount} functions ({module.ImportedFuncCount} imported), {module.MemoryCount} memories, {module.TableCount} tables");
        ir.AppendLine();
        WriteMemories(m, ir);
        WriteGlobals(m, ir);
        WriteTables(m, ir);
        WriteNames(m, ir);
        ir.Append(functions);
        WriteExports(m, ir);
        WriteTrapEntry(m, ir);
        // A module may import the same name twice; it is one symbol.
        foreach (var i in Enumerable.Range(0, module.ImportedFuncCount).DistinctBy(i => m.FunctionSymbol((uint)i)))
            ir.AppendLine($"declare {ModuleContext.Signature(m.FuncTypes[i], m.FunctionSymbol((uint)i))} nounwind");
        foreach (var d in m.Declarations) ir.AppendLine(d);
        return ir.ToString();
    }

    private static void WriteMemories(ModuleContext m, StringBuilder ir)
    {
        foreach (var mem in m.Memories)
        {
            if (mem.Imported)
            {
                ir.AppendLine($"; memory {mem.Index}: imported, window {mem.WindowBytes} bytes{Banks(mem)}");
                // The same import twice is one symbol.
                m.Declare($"{mem.Symbol} = external global [{mem.LowWindowBytes} x i8], align 16");
                if (mem.TwoBank) m.Declare($"{mem.HighSymbol} = external global [{mem.WindowBytes - mem.LowWindowBytes} x i8], align 16");
                m.Declare($"{mem.SizeSymbol} = external global i32");
                continue;
            }
            ir.AppendLine($"; memory {mem.Index}: {mem.MinBytes} bytes at start, window {mem.WindowBytes} bytes{Banks(mem)}");
            ir.AppendLine($"{mem.Symbol} = internal global [{mem.LowWindowBytes} x i8] zeroinitializer{Section(mem.Section)}, align 16");
            if (mem.TwoBank)
                ir.AppendLine($"{mem.HighSymbol} = internal global [{mem.WindowBytes - mem.LowWindowBytes} x i8] zeroinitializer{Section(mem.HighSection)}, align 16");
            ir.AppendLine($"{mem.SizeSymbol} = internal global i32 {(int)(uint)mem.MinBytes}");
        }
        for (var s = 0u; s < m.Module.Datas.Count; s++)
        {
            var seg = m.Module.Datas[(int)s];
            // Active segments are dropped once instantiation has copied them (spec 4.5.4).
            var length = seg.Mode == SegmentMode.Passive ? seg.Bytes.Length : 0;
            ir.AppendLine($"{m.DataSymbol(s)} = private unnamed_addr constant [{seg.Bytes.Length} x i8] {LlvmNames.Bytes(seg.Bytes)}");
            ir.AppendLine($"{m.DataLengthSymbol(s)} = internal global i32 {length}");
        }
        ir.AppendLine();
    }

    private static string Banks(MemoryLayout mem) => mem.LowBytes is { } low ? $", two banks split at {low}" : "";

    private static string Section(string? name) => name is null ? "" : $", section \"{name}\"";

    private static void WriteGlobals(ModuleContext m, StringBuilder ir)
    {
        for (var i = 0u; i < m.Module.ImportedGlobalCount; i++)
            m.Declare($"{m.GlobalSymbol(i)} = external global {LlvmTypes.Of(m.Module.GlobalTypeOf(i)!.Value.Type)}");
        for (var i = 0; i < m.Module.Globals.Count; i++)
        {
            var g = m.Module.Globals[i];
            var index = (uint)(m.Module.ImportedGlobalCount + i);
            // A global initialized from an imported one is set by instantiation (InitWriter).
            var constant = ConstantExpr.IsConstant(g.Init);
            var kind = g.Type.Mutable || !constant ? "global" : "constant";
            var value = constant ? ConstantExpr.Of(m, g.Init, $"global {index}") : "zeroinitializer";
            ir.AppendLine($"{m.GlobalSymbol(index)} = internal {kind} {LlvmTypes.Of(g.Type.Type)} {value}");
        }
        ir.AppendLine();
    }

    private static void WriteTables(ModuleContext m, StringBuilder ir)
    {
        var entries = Enumerable.Range(0, m.Module.FuncCount)
            .Select(i => $"{{ ptr, ptr }} {{ ptr {m.FunctionSymbol((uint)i)}, ptr {m.TypeId(m.FuncTypes[i])} }}");
        ir.AppendLine("; function descriptors {code, type id}: what a funcref points at");
        ir.AppendLine($"{m.DescriptorsSymbol} = internal constant [{m.Module.FuncCount} x {{ ptr, ptr }}] [{string.Join(", ", entries)}]");
        for (var t = 0u; t < m.Module.TableCount; t++)
        {
            var type = m.Module.TableTypeOf(t)!;
            if (t < m.Module.ImportedTableCount)
            {
                ir.AppendLine($"; table {t}: imported, room for {m.TableCapacity(t)}");
                m.Declare($"{m.TableSymbol(t)} = external global [{m.TableCapacity(t)} x ptr]");
                m.Declare($"{m.TableSizeSymbol(t)} = external global i32");
                continue;
            }
            ir.AppendLine($"; table {t}: {type.Limits.Min} {type.ElemType.Name()} entries at start, room for {m.TableCapacity(t)}");
            ir.AppendLine($"{m.TableSymbol(t)} = internal global [{m.TableCapacity(t)} x ptr] zeroinitializer");
            ir.AppendLine($"{m.TableSizeSymbol(t)} = internal global i32 {type.Limits.Min}");
        }
        for (var s = 0u; s < m.Module.Elems.Count; s++)
        {
            var seg = m.Module.Elems[(int)s];
            // Instantiation computes an active segment's items that are not IR constants; nothing reads them here.
            var refs = Enumerable.Range(0, seg.Count).Select(k => "ptr " + (seg.FuncIndices is { } fs ? m.FuncRef(fs[k])
                : seg.Mode == SegmentMode.Active && !ConstantExpr.IsConstant(seg.Exprs![k]) ? "null"
                : ConstantExpr.Of(m, seg.Exprs![k], $"element segment {s}")));
            // Active and declarative segments are dropped by instantiation (spec 4.5.4).
            var length = seg.Mode == SegmentMode.Passive ? seg.Count : 0;
            ir.AppendLine($"{m.ElemSymbol(s)} = internal constant [{seg.Count} x ptr] [{string.Join(", ", refs)}]");
            ir.AppendLine($"{m.ElemLengthSymbol(s)} = internal global i32 {length}");
        }
        ir.AppendLine();
    }

    private static void WriteNames(ModuleContext m, StringBuilder ir)
    {
        var refs = new List<string>();
        for (var i = 0; i < m.Names.Length; i++)
        {
            var symbol = LlvmNames.Global($"{m.Prefix}.name{i}");
            var text = LlvmNames.CString(m.Names[i], out var length);
            ir.AppendLine($"{symbol} = private unnamed_addr constant [{length} x i8] {text}");
            refs.Add($"ptr {symbol}");
        }
        var array = LlvmNames.Global($"{m.Prefix}.names");
        ir.AppendLine($"{array} = private unnamed_addr constant [{refs.Count} x ptr] [{string.Join(", ", refs)}]");
        ir.AppendLine($"{LlvmNames.Global(ModuleSymbols.Names(m.Prefix))} = constant {{ ptr, i32 }} {{ ptr {array}, i32 {refs.Count} }}");
        ir.AppendLine();
    }

    /// <summary>
    /// The module's trap entry: gust_trap with this module's names, so the report names the right
    /// function when several modules share an image. Kept out of line: trap blocks stay one call.
    /// </summary>
    private static void WriteTrapEntry(ModuleContext m, StringBuilder ir)
    {
        ir.AppendLine("declare void @gust_trap(i32, i32, ptr) noreturn nounwind cold");
        ir.AppendLine($"define internal void {m.TrapSymbol}(i32 %kind, i32 %func) noinline noreturn nounwind cold {{");
        ir.AppendLine($"  call void @gust_trap(i32 %kind, i32 %func, ptr {LlvmNames.Global(ModuleSymbols.Names(m.Prefix))})");
        ir.AppendLine("  unreachable\n}");
    }

    private static void WriteExports(ModuleContext m, StringBuilder ir)
    {
        foreach (var e in m.Module.Exports)
        {
            var name = ModuleSymbols.Export(m.Prefix, e.Name);
            var symbol = LlvmNames.Global(name);
            if (e.Index < ImportedCount(m.Module, e.Kind))
            {
                // A re-exported import is its provider's: whoever links defines this name as the provider's symbol.
                ir.AppendLine($"; export \"{LlvmNames.Printable(e.Name)}\" re-exports an import");
                continue;
            }
            switch (e.Kind)
            {
                case ExternKind.Func:
                    var t = m.FuncTypes[e.Index];
                    ir.AppendLine($"{symbol} = alias {LlvmTypes.Return(t.Results)} ({LlvmTypes.Params(t.Params)}), ptr {m.FunctionSymbol(e.Index)}");
                    break;
                case ExternKind.Memory:
                    var mem = m.Memories[e.Index];
                    ir.AppendLine($"{symbol} = alias [{mem.LowWindowBytes} x i8], ptr {mem.Symbol}");
                    if (mem.TwoBank)
                        ir.AppendLine($"{LlvmNames.Global(ModuleSymbols.High(name))} = alias [{mem.WindowBytes - mem.LowWindowBytes} x i8], ptr {mem.HighSymbol}");
                    ir.AppendLine($"{LlvmNames.Global(ModuleSymbols.Size(name))} = alias i32, ptr {mem.SizeSymbol}");
                    break;
                case ExternKind.Global:
                    var g = m.Module.GlobalTypeOf(e.Index)!.Value;
                    ir.AppendLine($"{symbol} = alias {LlvmTypes.Of(g.Type)}, ptr {m.GlobalSymbol(e.Index)}");
                    break;
                case ExternKind.Table:
                    ir.AppendLine($"{symbol} = alias [{m.TableCapacity(e.Index)} x ptr], ptr {m.TableSymbol(e.Index)}");
                    ir.AppendLine($"{LlvmNames.Global(ModuleSymbols.Size(name))} = alias i32, ptr {m.TableSizeSymbol(e.Index)}");
                    break;
            }
        }
        ir.AppendLine();
    }

    private static int ImportedCount(Module module, ExternKind kind) => module.Imports.Count(i => i.Kind == kind);

    /// <summary>
    /// The room a compiled module reserves for its memory (bytes) or table (entries) <paramref name="index"/>:
    /// what a module importing it may grow it to.
    /// </summary>
    public static ulong Capacity(Module module, CodegenOptions options, ExternKind kind, uint index)
    {
        var m = new ModuleContext(module, options);
        return kind == ExternKind.Memory ? m.Memories[index].WindowBytes : m.TableCapacity(index);
    }

    /// <summary>The low bank's length of memory <paramref name="index"/> if the compiled module keeps it in two banks, else null.</summary>
    public static ulong? MemorySplit(Module module, CodegenOptions options, uint index) =>
        new ModuleContext(module, options).Memories[index].LowBytes;
}
