using Gust.Firmware.Boards;
using Gust.Wasm;
using Gust.Wasm.Wast;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Every trap prints one report line (kind, function index and name) and exits with 100 + kind.</summary>
public class TrapTests
{
    private const string Module = """
        (module
          (memory 1)
          (type $->i32 (func (result i32)))
          (type $->i64 (func (result i64)))
          (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "rem_u64") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
          (func (export "trunc_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
          (func (export "trunc_u64") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
          (func (export "store_offset") (param i32) (i64.store offset=65530 (local.get 0) (i64.const 1)))
          (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 0) (local.get 1)))
          (func (export "crash") (unreachable))
          (global $count (mut i32) (i32.const 0))
          (func (export "count_then_trap") (result i32)
            (global.set $count (i32.add (global.get $count) (i32.const 1))) (i32.div_u (global.get $count) (i32.const 0)))
          (func (export "count") (result i32) (global.get $count))
          (func $recurse (export "recurse") (param i64) (result i64) (i64.add (call $recurse (i64.add (local.get 0) (i64.const 1))) (local.get 0)))
          (func $target (type $->i32) (i32.const 1))
          (func (export "call_at") (param i32) (result i32) (call_indirect (type $->i32) (local.get 0)))
          (func (export "call_wrong_type") (param i32) (result i64) (call_indirect (type $->i64) (local.get 0)))
          (table 4 funcref)
          (elem (i32.const 2) $target))
        """;

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
            data.Add(board, "recurse", [I64(0)], TrapKind.CallStackExhausted);
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
        var m = Wat.Parse(Module);
        var index = m.Exports.Single(e => e.Name == export).Index;
        var r = Run(board, m, [("div_s", [I32(7), I32(2)]), (export, args)]);
        Assert.Equal(TrapKinds.ExitStatusBase + (int)kind, r.ExitStatus);
        Assert.Equal(kind, TrapKinds.FromExitStatus(r.ExitStatus!.Value));
        Assert.Equal($"0: {I32Text(3)}\n1:trap: {Where(board, kind, index, export)}\n", r.Console.Replace("\r", ""));
    }

    /// <summary>
    /// The report after the trap. An MPU stack guard fault loses the program counter (exception
    /// stacking faults too), so on the ARM boards call-stack exhaustion names no function.
    /// </summary>
    public static string Where(string board, TrapKind kind, uint index, string name) =>
        kind == TrapKind.CallStackExhausted && BoardCatalog.Load(board).Stack.Kind == StackGuardKind.Mpu
            ? $"{kind.Message()} in function ? (the stack guard fault does not tell which)"
            : $"{kind.Message()} in function {index} \"{name}\"";

    /// <summary>In a guarded harness a trap is reported and the next call goes on with the state the trap left.</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void HarnessGoesOnAfterTraps(string board)
    {
        var m = Wat.Parse(Module);
        var r = Run(board, m,
        [
            ("div_s", [I32(1), I32(0)]), ("div_s", [I32(7), I32(2)]), ("recurse", [I64(0)]), ("load", [I32(-4)]),
            ("count_then_trap", []), ("count_then_trap", []), ("count", []),
        ], continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        string Index(string name) => m.Exports.Single(e => e.Name == name).Index.ToString();
        Assert.Equal(
            $"0:trap: integer divide by zero in function {Index("div_s")} \"div_s\"\n" +
            $"1: {I32Text(3)}\n" +
            $"2:trap: {Where(board, TrapKind.CallStackExhausted, uint.Parse(Index("recurse")), "recurse")}\n" +
            $"3:trap: out of bounds memory access in function {Index("load")} \"load\"\n" +
            $"4:trap: integer divide by zero in function {Index("count_then_trap")} \"count_then_trap\"\n" +
            $"5:trap: integer divide by zero in function {Index("count_then_trap")} \"count_then_trap\"\n" +
            $"6: {I32Text(2)}\n",
            r.Console.Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void DataSegmentPastTheMemoryTrapsAtInstantiation(string board)
    {
        var m = Wat.Parse("""(module (memory 1) (data (i32.const 65530) "1234567") (func (export "f") (result i32) (i32.const 1)))""");
        var r = Run(board, m, [("f", [])]);
        Assert.Equal(TrapKinds.ExitStatusBase + (int)TrapKind.OutOfBoundsMemory, r.ExitStatus);
        Assert.Equal("trap: out of bounds memory access (instantiating the module)\n", r.Console.Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void WithoutBoundsChecksAnInBoundsAccessStillWorks(string board)
    {
        var m = Wat.Parse("""(module (memory 1) (func (export "rw") (param i32) (result i32) (i32.store (local.get 0) (i32.const 42)) (i32.load (local.get 0))))""");
        var r = Results(board, m, [("rw", [I32(65532)])], o => o with { BoundsChecks = false });
        Assert.Equal([I32Text(42)], r);
    }
}
