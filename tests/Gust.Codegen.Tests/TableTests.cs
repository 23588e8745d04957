using Gust.Codegen;
using Gust.Wasm;
using Gust.Wasm.Wast;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Reference and table instructions, passive segments with table.init / memory.init and their drops.</summary>
public class TableTests
{
    private const string Module = """
        (module
          (type $->i32 (func (result i32)))
          (table $t 2 5 funcref)
          (table $ext 1 externref)
          (memory 1)
          (func $one (type $->i32) (i32.const 1))
          (func $two (type $->i32) (i32.const 2))
          (elem $passive func $one $two)
          (elem declare func $two)
          (data $bytes "\01\02\03\04")
          (func (export "size") (result i32) (table.size $t))
          (func (export "grow") (param i32) (result i32) (table.grow $t (ref.func $two) (local.get 0)))
          (func (export "call") (param i32) (result i32) (call_indirect $t (type $->i32) (local.get 0)))
          (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
          (func (export "set_null") (param i32) (table.set $t (local.get 0) (ref.null func)))
          (func (export "table_oob_get") (result i32) (ref.is_null (table.get $t (i32.const 4))))
          (func (export "init") (param i32 i32 i32) (table.init $t $passive (local.get 0) (local.get 1) (local.get 2)))
          (func (export "drop_elem") (elem.drop $passive))
          (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
          (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.func $one) (local.get 1)))
          (func (export "ext_set") (param externref) (table.set $ext (i32.const 0) (local.get 0)))
          (func (export "ext_get") (result externref) (table.get $ext (i32.const 0)))
          (func (export "mem_init") (param i32 i32 i32) (result i32)
            (memory.init $bytes (local.get 0) (local.get 1) (local.get 2)) (i32.load (local.get 0)))
          (func (export "drop_data") (data.drop $bytes)))
        """;

    private static readonly WastValue Extern42 = new(ValType.ExternRef, 42);

    /// <summary>The table window is 8 entries but the maximum is 5: growth stops at the maximum.</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void TablesGrowFillCopyAndInitialize(string board)
    {
        var m = Wat.Parse(Module);
        string In(string export) => $"in function {m.Exports.Single(e => e.Name == export).Index} \"{export}\"";
        var r = Run(board, m,
        [
            ("size", []), ("is_null", [I32(0)]), ("call", [I32(0)]),
            ("init", [I32(0), I32(0), I32(2)]), ("call", [I32(0)]), ("call", [I32(1)]),
            ("grow", [I32(2)]), ("size", []), ("call", [I32(3)]), ("grow", [I32(2)]), ("size", []),
            ("fill", [I32(2), I32(2)]), ("call", [I32(3)]), ("copy", [I32(0), I32(1), I32(3)]), ("call", [I32(0)]), ("call", [I32(2)]),
            ("set_null", [I32(1)]), ("is_null", [I32(1)]), ("table_oob_get", []),
            ("drop_elem", []), ("init", [I32(0), I32(0), I32(1)]), ("init", [I32(0), I32(0), I32(0)]),
            ("ext_set", [Extern42]), ("ext_get", []), ("ext_set", [new WastValue(ValType.ExternRef, 0, IsNull: true)]), ("ext_get", []),
            ("mem_init", [I32(8), I32(1), I32(3)]), ("mem_init", [I32(8), I32(2), I32(3)]),
            ("drop_data", []), ("mem_init", [I32(8), I32(0), I32(0)]), ("mem_init", [I32(8), I32(0), I32(1)]),
        ], o => o with { TableWindow = 8 }, continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        var oob = TrapKind.OutOfBoundsTable.Message();
        var lines = r.Console.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"0: {I32Text(2)}", $"1: {I32Text(1)}", $"2:trap: uninitialized element {In("call")}",
            "3:", $"4: {I32Text(1)}", $"5: {I32Text(2)}",
            $"6: {I32Text(2)}", $"7: {I32Text(4)}", $"8: {I32Text(2)}", $"9: {I32Text(-1)}", $"10: {I32Text(4)}",
            "11:", $"12: {I32Text(1)}", "13:", $"14: {I32Text(2)}", $"15: {I32Text(1)}",
            "16:", $"17: {I32Text(1)}", $"18:trap: {oob} {In("table_oob_get")}",
            "19:", $"20:trap: {oob} {In("init")}", "21:",
            "22:", "23: ref:0x0000002a", "24:", "25: ref:null",
            $"26: {I32Text(0x040302)}", $"27:trap: {TrapKind.OutOfBoundsMemory.Message()} {In("mem_init")}",
            "28:", $"29: {I32Text(0x040302)}", $"30:trap: {TrapKind.OutOfBoundsMemory.Message()} {In("mem_init")}",
        ], lines);
    }
}
