using System.Text;
using Gust.Codegen;
using Gust.Codegen.Llvm;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Harness;

/// <summary>
/// Builds <c>gust_main</c> as IR from numbered steps over compiled modules (each known by its symbol
/// prefix). Step N prints one line: "N:" then " type:0xbits" per result (floats as bits, so NaN
/// payloads show; references as "ref:null" or "ref:0xaddress"). A trap prints "N:trap: …" (the
/// runtime's report) and either ends the run or, when steps are guarded, goes on with the next.
/// </summary>
public sealed class HarnessBuilder(bool guarded)
{
    private readonly StringBuilder _decls = new();
    private readonly StringBuilder _steps = new();
    private readonly StringBuilder _main = new();
    private readonly HashSet<string> _declared = new();
    private int _count;
    private IReadOnlyList<string> _probes = [];

    /// <summary>
    /// After every step, a line "N#" then " i32:0x…" per global in <paramref name="sizeGlobals"/>
    /// (i32 symbols; <paramref name="external"/> says which are defined outside the harness).
    /// </summary>
    public void ProbeAfterEachStep(IReadOnlyList<string> sizeGlobals, Func<string, bool> external)
    {
        _probes = sizeGlobals.Select(LlvmNames.Global).ToList();
        foreach (var (symbol, name) in _probes.Zip(sizeGlobals))
            if (external(name)) Declare(symbol, $"{symbol} = external global i32");
        if (_probes.Count > 0) Declare("@gust_put_dec", "declare void @gust_put_dec(i32)\ndeclare void @gust_putc(i8)");
    }

    /// <summary>Instantiates a module before the steps, unguarded and unnumbered: a trap there ends the run.</summary>
    public void InitFirst(string prefix) => _main.AppendLine($"  call void {InitSymbol(prefix)}()");

    /// <summary>A step that instantiates a module (segments, start function).</summary>
    public void Instantiate(string prefix) => Step(body => body.AppendLine($"  call void {InitSymbol(prefix)}()"));

    public void Invoke(string prefix, string export, FuncType type, IReadOnlyList<WastValue> args) => Step(body =>
    {
        var symbol = LlvmNames.Global(ModuleSymbols.Export(prefix, export));
        var ret = LlvmTypes.Return(type.Results);
        Declare(symbol, $"declare {ret} {symbol}({LlvmTypes.Params(type.Params)})");
        var call = $"call {ret} {symbol}({string.Join(", ", args.Select(Constant))})";
        if (type.Results.Length == 0)
        {
            body.AppendLine($"  {call}");
            return;
        }
        body.AppendLine($"  %r = {call}");
        for (var i = 0; i < type.Results.Length; i++)
        {
            var value = "%r";
            if (type.Results.Length > 1) body.AppendLine($"  {value = $"%r{i}"} = extractvalue {ret} %r, {i}");
            Print(body, type.Results[i], value, $"%p{i}");
        }
    });

    /// <summary>A step that reads an exported global.</summary>
    public void Get(string prefix, string export, ValType type) => Step(body =>
    {
        var symbol = LlvmNames.Global(ModuleSymbols.Export(prefix, export));
        Declare(symbol, $"{symbol} = external global {LlvmTypes.Of(type)}");
        body.AppendLine($"  %g = load {LlvmTypes.Of(type)}, ptr {symbol}");
        Print(body, type, "%g", "%p");
    });

    /// <summary>Defines an imported function: a call of <paramref name="target"/> (an export's symbol), or a no-op when null.</summary>
    public void DefineImport(string symbol, FuncType type, string? target)
    {
        if (!_declared.Add(symbol)) return; // imported twice under one name
        var ret = LlvmTypes.Return(type.Results);
        var ps = string.Join(", ", type.Params.Select((p, i) => $"{LlvmTypes.Of(p)} %a{i}"));
        var body = "  ret void";
        if (target is not null)
        {
            var t = LlvmNames.Global(target);
            Declare(t, $"declare {ret} {t}({LlvmTypes.Params(type.Params)})");
            body = type.Results.Length == 0 ? $"  call void {t}({ps})\n  ret void" : $"  %r = call {ret} {t}({ps})\n  ret {ret} %r";
        }
        _decls.AppendLine($"define {ret} {LlvmNames.Global(symbol)}({ps}) {{\n{body}\n}}");
    }

    public string Build()
    {
        var ir = new StringBuilder();
        foreach (var t in new[] { "i32", "i64", "f32", "f64" })
            ir.AppendLine($"declare void @gust_result_{t}({(t is "i64" or "f64" ? "i64" : "i32")})");
        ir.AppendLine("declare void @gust_result_ref(ptr)\ndeclare void @gust_result_begin(i32)\ndeclare void @gust_result_end()\ndeclare i32 @gust_guarded(ptr)");
        ir.Append(_decls);
        ir.Append(_steps);
        ir.AppendLine("define void @gust_main() {");
        ir.Append(_main);
        ir.AppendLine("  ret void\n}");
        return ir.ToString();
    }

    private void Step(Action<StringBuilder> action)
    {
        var n = _count++;
        var body = new StringBuilder();
        body.AppendLine($"  call void @gust_result_begin(i32 {n})");
        action(body);
        body.AppendLine("  call void @gust_result_end()");
        _steps.AppendLine($"define internal void @gust_step_{n}() {{");
        _steps.Append(body);
        _steps.AppendLine("  ret void\n}");
        _main.AppendLine(guarded ? $"  call i32 @gust_guarded(ptr @gust_step_{n})" : $"  call void @gust_step_{n}()");
        if (_probes.Count == 0) return;
        _main.AppendLine($"  call void @gust_put_dec(i32 {n})\n  call void @gust_putc(i8 35)");
        for (var k = 0; k < _probes.Count; k++)
            _main.AppendLine($"  %size.{n}.{k} = load volatile i32, ptr {_probes[k]}\n  call void @gust_result_i32(i32 %size.{n}.{k})");
        _main.AppendLine("  call void @gust_result_end()");
    }

    private string InitSymbol(string prefix)
    {
        var init = LlvmNames.Global(ModuleSymbols.Init(prefix));
        Declare(init, $"declare void {init}()");
        return init;
    }

    private void Declare(string symbol, string declaration)
    {
        if (_declared.Add(symbol)) _decls.AppendLine(declaration);
    }

    private static void Print(StringBuilder body, ValType type, string value, string temp)
    {
        if (type.IsRef())
        {
            body.AppendLine($"  call void @gust_result_ref(ptr {value})");
            return;
        }
        var bits = value;
        if (type is ValType.F32 or ValType.F64)
            body.AppendLine($"  {bits = temp} = bitcast {LlvmTypes.Of(type)} {value} to {LlvmTypes.BitsOf(type)}");
        body.AppendLine($"  call void @gust_result_{type.Name()}({LlvmTypes.BitsOf(type)} {bits})");
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
