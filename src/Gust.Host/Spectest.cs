using Gust.Wasm;
using Gust.Wasm.Linking;
using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>
/// The spec interpreter's host module <c>spectest</c> (WebAssembly/spec interpreter/host/spectest.ml):
/// print functions that do nothing visible, immutable globals of 666, a funcref table of 10..20
/// elements and a memory of 1..2 pages.
/// </summary>
public static class Spectest
{
    public static WasmtimeInstance Create(Store store, WasmtimeHost host)
    {
        var exports = new Dictionary<string, WastExtern>(StringComparer.Ordinal);
        void Func(string name, Function f, params ValType[] parameters) =>
            exports[name] = new WastExtern(ExternType.Of(new FuncType(parameters, [])), f);
        void Global(string name, ValType type, object value) =>
            exports[name] = new WastExtern(ExternType.Of(new GlobalType(type, false)),
                new Wasmtime.Global(store, WasmtimeValues.KindOf(type), value, Mutability.Immutable));

        Func("print", Function.FromCallback(store, () => { }));
        Func("print_i32", Function.FromCallback(store, (int _) => { }), ValType.I32);
        Func("print_i64", Function.FromCallback(store, (long _) => { }), ValType.I64);
        Func("print_f32", Function.FromCallback(store, (float _) => { }), ValType.F32);
        Func("print_f64", Function.FromCallback(store, (double _) => { }), ValType.F64);
        Func("print_i32_f32", Function.FromCallback(store, (int _, float _) => { }), ValType.I32, ValType.F32);
        Func("print_f64_f64", Function.FromCallback(store, (double _, double _) => { }), ValType.F64, ValType.F64);
        Global("global_i32", ValType.I32, 666);
        Global("global_i64", ValType.I64, 666L);
        Global("global_f32", ValType.F32, 666.6f);
        Global("global_f64", ValType.F64, 666.6);
        var table = new TableType(ValType.FuncRef, new Limits(10, 20));
        exports["table"] = new WastExtern(ExternType.Of(table), new Table(store, TableKind.FuncRef, null, 10, 20));
        var memory = new MemoryType(new Limits(1, 2));
        exports["memory"] = new WastExtern(ExternType.Of(memory), new Memory(store, 1, 2, false));

        return new WasmtimeInstance(store, host, name => exports.TryGetValue(name, out var e) ? e with { Type = WasmtimeInstance.Current(e.Type, e.Handle) } : null);
    }
}
