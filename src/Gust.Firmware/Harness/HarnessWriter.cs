using System.Text;
using Gust.Codegen;
using Gust.Codegen.Llvm;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Harness;

/// <summary>
/// Generates <c>gust_main</c> as IR: instantiate the module, then make each invocation in order and
/// print one line "N: type:0xbits …" with its results (floats as bits, so NaN payloads show;
/// references as "ref:null" or "ref:0xaddress", an externref's address being the host value). A trap
/// prints "N:trap: …" (the runtime's report line) and either ends the run or, with
/// <paramref name="continueAfterTrap"/>, goes on with the next invocation (gust_guarded).
/// </summary>
public static class HarnessWriter
{
    public static string Write(Module module, string prefix, IReadOnlyList<Invocation> invocations, bool continueAfterTrap = false)
    {
        var ir = new StringBuilder();
        var names = LlvmNames.Global(ModuleSymbols.FuncNames(prefix));
        ir.AppendLine($"{names} = external constant [{module.FuncCount} x ptr]");
        ir.AppendLine($"@gust_names = constant {{ ptr, i32 }} {{ ptr {names}, i32 {module.FuncCount} }}");
        ir.AppendLine($"declare void {LlvmNames.Global(ModuleSymbols.Init(prefix))}()");
        foreach (var t in new[] { "i32", "i64", "f32", "f64" })
            ir.AppendLine($"declare void @gust_result_{t}({(t is "i64" or "f64" ? "i64" : "i32")})");
        ir.AppendLine("declare void @gust_result_ref(ptr)");
        ir.AppendLine("declare void @gust_result_begin(i32)\ndeclare void @gust_result_end()\ndeclare i32 @gust_guarded(ptr)");

        var declared = new HashSet<string>();
        var main = new StringBuilder();
        main.AppendLine($"  call void {LlvmNames.Global(ModuleSymbols.Init(prefix))}()");
        for (var n = 0; n < invocations.Count; n++)
        {
            var body = new StringBuilder();
            var next = 0;
            string Temp() => $"%h{next++}";
            var inv = invocations[n];
            var type = ExportType(module, inv.Export);
            var symbol = LlvmNames.Global(ModuleSymbols.Export(prefix, inv.Export));
            var ret = LlvmTypes.Return(type.Results);
            if (declared.Add(symbol)) ir.AppendLine($"declare {ret} {symbol}({LlvmTypes.Params(type.Params)})");
            var args = string.Join(", ", inv.Args.Select(Constant));
            body.AppendLine($"  call void @gust_result_begin(i32 {n})");
            var result = Temp();
            body.AppendLine(type.Results.Length == 0 ? $"  call void {symbol}({args})" : $"  {result} = call {ret} {symbol}({args})");
            for (var i = 0; i < type.Results.Length; i++)
            {
                var value = result;
                if (type.Results.Length > 1) body.AppendLine($"  {value = Temp()} = extractvalue {ret} {result}, {i}");
                var rt = type.Results[i];
                if (rt.IsRef())
                {
                    body.AppendLine($"  call void @gust_result_ref(ptr {value})");
                    continue;
                }
                var bits = value;
                if (rt is ValType.F32 or ValType.F64)
                    body.AppendLine($"  {bits = Temp()} = bitcast {LlvmTypes.Of(rt)} {value} to {LlvmTypes.BitsOf(rt)}");
                body.AppendLine($"  call void @gust_result_{rt.Name()}({LlvmTypes.BitsOf(rt)} {bits})");
            }
            body.AppendLine("  call void @gust_result_end()");
            ir.AppendLine($"define internal void @gust_invoke_{n}() {{");
            ir.Append(body);
            ir.AppendLine("  ret void\n}");
            main.AppendLine(continueAfterTrap ? $"  call i32 @gust_guarded(ptr @gust_invoke_{n})" : $"  call void @gust_invoke_{n}()");
        }
        ir.AppendLine("define void @gust_main() {");
        ir.Append(main);
        ir.AppendLine("  ret void\n}");
        return ir.ToString();
    }

    private static FuncType ExportType(Module module, string name)
    {
        var e = module.Exports.FirstOrDefault(x => x.Name == name && x.Kind == ExternKind.Func)
            ?? throw FirmwareError.Of($"harness: the module exports no function \"{name}\"");
        return module.FuncTypeOf(e.Index)!;
    }

    private static string Constant(WastValue v) => v.Type switch
    {
        ValType.I32 => $"i32 {(int)(uint)v.Bits}",
        ValType.I64 => $"i64 {(long)v.Bits}",
        ValType.F32 => $"float bitcast (i32 {(int)(uint)v.Bits} to float)",
        ValType.F64 => $"double bitcast (i64 {(long)v.Bits} to double)",
        _ when v.IsNull => "ptr null",
        ValType.ExternRef => $"ptr inttoptr (i32 {(int)(uint)v.Bits} to ptr)",
        _ => throw FirmwareError.Of($"harness: non-null {v.Type.Name()} arguments are not supported"),
    };
}
