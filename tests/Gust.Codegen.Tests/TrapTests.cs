using Gust.Wasm;
using Gust.Wasm.Wast;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Every trap prints one report line (kind, function index and name) and exits with 100 + kind.</summary>
public class TrapTests
{
    private static FlatModule Module() => new FlatModule()
        .Memory(1)
        .Func("div_s", "i32 i32 -> i32", "local.get 0 local.get 1 i32.div_s")
        .Func("rem_u64", "i64 i64 -> i64", "local.get 0 local.get 1 i64.rem_u")
        .Func("trunc_s", "f32 -> i32", "local.get 0 i32.trunc_f32_s")
        .Func("trunc_u64", "f64 -> i64", "local.get 0 i64.trunc_f64_u")
        .Func("load", "i32 -> i32", "local.get 0 i32.load")
        .Func("store_offset", "i32 -> ", "local.get 0 i64.const 1 i64.store offset=65530")
        .Func("fill", "i32 i32 -> ", "local.get 0 i32.const 0 local.get 1 memory.fill 0")
        .Func("crash", "-> ", "unreachable")
        .Func("target", "-> i32", "i32.const 1", export: false)
        .Func("call_at", "i32 -> i32", "local.get 0 call_indirect [->i32]")
        .Func("call_wrong_type", "i32 -> i64", "local.get 0 call_indirect [->i64]")
        .Table(4)
        .Elem(2, "target");

    public static TheoryData<string, string, WastValue[], TrapKind> Cases()
    {
        var data = new TheoryData<string, string, WastValue[], TrapKind>();
        foreach (var board in Boards)
        {
            data.Add(board, "div_s", [I32(1), I32(0)], TrapKind.IntegerDivideByZero);
            data.Add(board, "div_s", [I32(int.MinValue), I32(-1)], TrapKind.IntegerOverflow);
            data.Add(board, "rem_u64", [I64(5), I64(0)], TrapKind.IntegerDivideByZero);
            data.Add(board, "trunc_s", [F32Bits(0x7FC00000)], TrapKind.InvalidConversion);
            data.Add(board, "trunc_s", [F32(2147483648.0f)], TrapKind.IntegerOverflow);
            data.Add(board, "trunc_u64", [F64(-1.0)], TrapKind.IntegerOverflow);
            data.Add(board, "load", [I32(65533)], TrapKind.OutOfBoundsMemory);
            data.Add(board, "load", [I32(-1)], TrapKind.OutOfBoundsMemory);
            data.Add(board, "store_offset", [I32(0)], TrapKind.OutOfBoundsMemory);
            data.Add(board, "fill", [I32(65000), I32(537)], TrapKind.OutOfBoundsMemory);
            data.Add(board, "crash", [], TrapKind.Unreachable);
            data.Add(board, "call_at", [I32(4)], TrapKind.UndefinedElement);
            data.Add(board, "call_at", [I32(0)], TrapKind.UninitializedElement);
            data.Add(board, "call_wrong_type", [I32(2)], TrapKind.IndirectCallTypeMismatch);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrapReportsKindAndFunction(string board, string export, WastValue[] args, TrapKind kind)
    {
        var m = Module().Module;
        var index = m.Exports.Single(e => e.Name == export).Index;
        var r = Run(board, m, [("div_s", [I32(7), I32(2)]), (export, args)]);
        Assert.Equal(TrapKinds.ExitStatusBase + (int)kind, r.ExitStatus);
        Assert.Equal(kind, TrapKinds.FromExitStatus(r.ExitStatus!.Value));
        Assert.Equal($"0: {I32Text(3)}\n1:trap: {kind.Message()} in function {index} \"{export}\"\n", r.Console.Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void DataSegmentPastTheMemoryTrapsAtInstantiation(string board)
    {
        var m = new FlatModule().Memory(1).Data(65530, new byte[7]).Func("f", "-> i32", "i32.const 1").Module;
        var r = Run(board, m, [("f", [])]);
        Assert.Equal(TrapKinds.ExitStatusBase + (int)TrapKind.OutOfBoundsMemory, r.ExitStatus);
        Assert.Equal("trap: out of bounds memory access (instantiating the module)\n", r.Console.Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void WithoutBoundsChecksAnInBoundsAccessStillWorks(string board)
    {
        var m = new FlatModule().Memory(1).Func("rw", "i32 -> i32", "local.get 0 i32.const 42 i32.store local.get 0 i32.load").Module;
        var r = Results(board, m, [("rw", [I32(65532)])], o => o with { BoundsChecks = false });
        Assert.Equal([I32Text(42)], r);
    }
}
