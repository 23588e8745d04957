using Gust.Host;
using Gust.Wasm.Binary;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>The Wasmtime engine behind `gust wast --target host`: values, spectest, traps, linking.</summary>
public sealed class HostEngineTests : IDisposable
{
    private static readonly Lazy<WasmtimeHost> Host = new(() => new WasmtimeHost());
    private readonly IWastEngine engine = Host.Value.CreateEngine();

    public void Dispose() => engine.Dispose();

    private static Instr I(Op op, uint index = 0) => new(op) { Index = index };

    /// <summary>Builds modules in memory: functions with bodies, exported under their names.</summary>
    private sealed class Builder
    {
        public Module Module { get; } = new();

        public uint Type(FuncType t)
        {
            var i = Module.Types.IndexOf(t);
            if (i >= 0) return (uint)i;
            Module.Types.Add(t);
            return (uint)Module.Types.Count - 1;
        }

        public Builder Func(string? export, FuncType type, params Instr[] body) => Func(export, type, [], body);

        public Builder Func(string? export, FuncType type, ValType[] locals, params Instr[] body)
        {
            Module.Funcs.Add(Type(type));
            var code = new Code();
            foreach (var l in locals) code.Locals.Add(new LocalGroup(1, l));
            code.Body.AddRange(body);
            code.Body.Add(Instr.End());
            Module.Codes.Add(code);
            if (export is not null) Module.Exports.Add(new Export(export, ExternKind.Func, (uint)(Module.FuncCount - 1)));
            return this;
        }
    }

    private IWastInstance Instantiate(Module module, params WastExtern[] imports)
    {
        Validator.Validate(module, "test");
        return engine.Compile(module, ModuleWriter.Write(module)).Instantiate(imports);
    }

    private static FuncType T(ValType[] p, ValType[] r) => new(p, r);

    [Fact]
    public void Nan_payloads_survive_arguments_results_and_globals()
    {
        var m = new Builder()
            .Func("f32", T([ValType.F32], [ValType.F32]), I(Op.LocalGet, 0))
            .Func("f64", T([ValType.F64], [ValType.F64]), I(Op.LocalGet, 0))
            .Func("swap", T([ValType.F32, ValType.F64], [ValType.F64, ValType.F32]), I(Op.LocalGet, 1), I(Op.LocalGet, 0))
            .Module;
        m.Globals.Add(new Global(new GlobalType(ValType.F32, true), [Instr.F32Const(0x7FA0_0001), Instr.End()]));
        m.Exports.Add(new Export("g", ExternKind.Global, 0));
        var inst = Instantiate(m);

        foreach (var bits in new uint[] { 0x7FA0_0001, 0xFFA0_0000, 0x7FC0_0000, 0xFFFF_FFFF, 0x7F80_0001 })
            Assert.Equal(bits, (uint)inst.Invoke("f32", [WastValue.F32(bits)])[0].Bits);
        foreach (var bits in new ulong[] { 0x7FF0_0000_0000_0001, 0xFFF4_0000_0000_0000, 0x7FF8_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF })
            Assert.Equal(bits, inst.Invoke("f64", [WastValue.F64(bits)])[0].Bits);
        var swapped = inst.Invoke("swap", [WastValue.F32(0x7F80_0002), WastValue.F64(0x7FF0_0000_0000_0003)]);
        Assert.Equal([WastValue.F64(0x7FF0_0000_0000_0003), WastValue.F32(0x7F80_0002)], swapped);
        Assert.Equal(WastValue.F32(0x7FA0_0001), inst.Get("g"));
    }

    [Fact]
    public void Spectest_provides_the_reference_interpreters_host_module()
    {
        var b = new Builder();
        var m = b.Module;
        m.Imports.Add(new Import("spectest", "print_i32_f32", ExternKind.Func) { FuncTypeIndex = b.Type(T([ValType.I32, ValType.F32], [])) });
        var globals = new[] { ("global_i32", ValType.I32), ("global_i64", ValType.I64), ("global_f32", ValType.F32), ("global_f64", ValType.F64) };
        foreach (var (name, type) in globals)
        {
            m.Imports.Add(new Import("spectest", name, ExternKind.Global) { Global = new GlobalType(type, false) });
            m.Exports.Add(new Export(name, ExternKind.Global, (uint)m.ImportedGlobalCount - 1));
        }
        b.Func("print", T([], []), Instr.I32Const(1), Instr.F32Const(0), I(Op.Call, 0));
        var imports = m.Imports.Select(i => engine.Spectest.Export(i.Name)!).ToArray();
        var inst = Instantiate(m, imports);

        Assert.Empty(inst.Invoke("print", []));
        Assert.Equal(WastValue.I32(666), inst.Get("global_i32"));
        Assert.Equal(WastValue.I64(666), inst.Get("global_i64"));
        Assert.Equal(WastValue.F32(BitConverter.SingleToUInt32Bits(666.6f)), inst.Get("global_f32"));
        Assert.Equal(WastValue.F64(BitConverter.DoubleToUInt64Bits(666.6)), inst.Get("global_f64"));
        Assert.Equal("table 10 20 funcref", engine.Spectest.Export("table")!.Type.ToString());
        Assert.Equal("memory 1 2", engine.Spectest.Export("memory")!.Type.ToString());
        Assert.Equal("func [f64 f64] -> []", engine.Spectest.Export("print_f64_f64")!.Type.ToString());
        Assert.Null(engine.Spectest.Export("nothing"));
    }

    [Fact]
    public void Traps_map_to_spec_kinds()
    {
        var i32 = new[] { ValType.I32 };
        var b = new Builder();
        var voidType = b.Type(T([], []));
        var m = b
            .Func("div", T(i32, i32), Instr.I32Const(1), I(Op.LocalGet, 0), I(Op.I32DivS))
            .Func("overflow", T([], i32), Instr.I32Const(int.MinValue), Instr.I32Const(-1), I(Op.I32DivS))
            .Func("convert", T([], i32), Instr.F32Const(0x7FC0_0000), I(Op.I32TruncF32S))
            .Func("unreachable", T([], []), I(Op.Unreachable))
            .Func("load", T(i32, i32), I(Op.LocalGet, 0), new Instr(Op.I32Load) { Align = 2 })
            .Func("call", T(i32, []), I(Op.LocalGet, 0), new Instr(Op.CallIndirect) { Index = voidType })
            .Func("recurse", T([], []), I(Op.Call, 6))
            .Func(null, T(i32, i32), I(Op.LocalGet, 0))
            .Module;
        m.Memories.Add(new MemoryType(new Limits(1, null)));
        m.Tables.Add(new TableType(ValType.FuncRef, new Limits(2, null)));
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Active, Offset = [Instr.I32Const(1), Instr.End()], FuncIndices = [7] });
        var inst = Instantiate(m);

        TrapKind[] Trap(string name, params WastValue[] args) => Assert.Throws<WastTrapException>(() => inst.Invoke(name, args)).Kinds.ToArray();
        Assert.Equal([TrapKind.IntegerDivideByZero], Trap("div", WastValue.I32(0)));
        Assert.Equal([WastValue.I32(1)], inst.Invoke("div", [WastValue.I32(1)]));
        Assert.Equal([TrapKind.IntegerOverflow], Trap("overflow"));
        Assert.Equal([TrapKind.InvalidConversionToInteger], Trap("convert"));
        Assert.Equal([TrapKind.Unreachable], Trap("unreachable"));
        Assert.Equal([TrapKind.OutOfBoundsMemoryAccess], Trap("load", WastValue.I32(65533)));
        Assert.Equal([TrapKind.UninitializedElement], Trap("call", WastValue.I32(0)));
        Assert.Equal([TrapKind.IndirectCallTypeMismatch], Trap("call", WastValue.I32(1)));
        Assert.Contains(TrapKind.UndefinedElement, Trap("call", WastValue.I32(2)));
        Assert.Equal([TrapKind.CallStackExhausted], Trap("recurse"));
        Assert.Equal([WastValue.I32(0)], inst.Invoke("load", [WastValue.I32(0)])); // the store still works after a trap
    }

    [Fact]
    public void Instantiation_traps_are_reported_as_traps()
    {
        var m = new Builder().Func(null, T([], []), I(Op.Unreachable)).Module;
        m.Start = 0;
        Assert.Equal([TrapKind.Unreachable], Assert.Throws<WastTrapException>(() => Instantiate(m)).Kinds);
    }

    [Fact]
    public void Externref_values_keep_their_host_number()
    {
        var ext = new[] { ValType.ExternRef };
        var inst = Instantiate(new Builder().Func("id", T(ext, ext), I(Op.LocalGet, 0)).Module);
        Assert.Equal([WastValue.Extern(5)], inst.Invoke("id", [WastValue.Extern(5)]));
        Assert.Equal([WastValue.NullRef(ValType.ExternRef)], inst.Invoke("id", [WastValue.NullRef(ValType.ExternRef)]));
    }

    [Fact]
    public void Instances_link_through_exports_and_report_current_sizes()
    {
        var i32 = new[] { ValType.I32 };
        var provider = new Builder()
            .Func("get", T([], i32), Instr.I32Const(0), new Instr(Op.I32Load) { Align = 2 })
            .Func("grow", T(i32, i32), I(Op.LocalGet, 0), I(Op.MemoryGrow))
            .Module;
        provider.Memories.Add(new MemoryType(new Limits(1, 4)));
        provider.Exports.Add(new Export("mem", ExternKind.Memory, 0));
        var a = Instantiate(provider);
        Assert.Equal("memory 1 4", a.Export("mem")!.Type.ToString());
        a.Invoke("grow", [WastValue.I32(2)]);
        Assert.Equal("memory 3 4", a.Export("mem")!.Type.ToString());

        var b = new Builder();
        b.Module.Imports.Add(new Import("A", "mem", ExternKind.Memory) { Memory = new MemoryType(new Limits(2, null)) });
        b.Module.Imports.Add(new Import("A", "get", ExternKind.Func) { FuncTypeIndex = b.Type(T([], i32)) });
        b.Func("set", T(i32, []), Instr.I32Const(0), I(Op.LocalGet, 0), new Instr(Op.I32Store) { Align = 2 });
        b.Module.Exports.Add(new Export("get", ExternKind.Func, 0));
        var c = Instantiate(b.Module, a.Export("mem")!, a.Export("get")!);
        c.Invoke("set", [WastValue.I32(42)]);
        Assert.Equal([WastValue.I32(42)], a.Invoke("get", []));
        Assert.Equal([WastValue.I32(42)], c.Invoke("get", []));
    }

    [Fact]
    public void Memories_may_have_one_byte_pages()
    {
        var m = new Builder().Func("size", T([], [ValType.I32]), I(Op.MemorySize)).Module;
        m.Memories.Add(new MemoryType(new Limits(3, 10), PageSizeLog2: 0) { HasCustomPageSize = true });
        m.Exports.Add(new Export("mem", ExternKind.Memory, 0));
        var inst = Instantiate(m);
        Assert.Equal([WastValue.I32(3)], inst.Invoke("size", []));
        Assert.Equal("memory 3 10 (pagesize 1)", inst.Export("mem")!.Type.ToString());
    }

    [Fact]
    public void Runaway_calls_trap_at_the_time_limit()
    {
        using var host = new WasmtimeHost(TimeSpan.FromMilliseconds(200));
        using var limited = host.CreateEngine();
        var m = new Builder()
            .Func("spin", T([], []), new Instr(Op.Loop) { Block = BlockType.Empty }, I(Op.Br, 0), Instr.End())
            .Func("one", T([], [ValType.I32]), Instr.I32Const(1))
            .Module;
        var inst = limited.Compile(m, ModuleWriter.Write(m)).Instantiate([]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trap = Assert.Throws<WastTrapException>(() => inst.Invoke("spin", []));
        Assert.Equal([TrapKind.Other], trap.Kinds);
        Assert.Contains("time limit", trap.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.1, 5);
        Assert.Equal([WastValue.I32(1)], inst.Invoke("one", [])); // the next call gets a fresh deadline
    }
}
