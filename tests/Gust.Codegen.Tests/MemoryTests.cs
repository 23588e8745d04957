using Gust.Wasm;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Loads and stores of every width, data segments, memory.size/grow within the window, fill/copy, globals.</summary>
public class MemoryTests
{
    private static FlatModule Module() => new FlatModule()
        .Memory(1, 3)
        .Data(16, [0x80, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08])
        .Global(ValType.I32, true, Instr.I32Const(5))
        .Global(ValType.I64, false, Instr.I64Const(-2))
        .Func("load8_s", "i32 -> i32", "local.get 0 i32.load8_s offset=16")
        .Func("load8_u", "i32 -> i32", "local.get 0 i32.load8_u offset=16")
        .Func("load16_s", "i32 -> i32", "local.get 0 i32.load16_s offset=16")
        .Func("load32_u64", "i32 -> i64", "local.get 0 i64.load32_u offset=16")
        .Func("load64", "i32 -> i64", "local.get 0 i64.load offset=16")
        .Func("unaligned_word", "-> i32", "i32.const 17 i32.load align=4")
        .Func("store_and_load", "i32 i64 -> i64", "local.get 0 local.get 1 i64.store offset=3 local.get 0 i64.load offset=3")
        .Func("store16_narrow", "i32 -> i32", "i32.const 100 local.get 0 i32.store16 i32.const 100 i32.load")
        .Func("float_roundtrip", "f64 -> f64", "i32.const 200 local.get 0 f64.store i32.const 200 f64.load")
        .Func("last_byte", "-> i32", "i32.const 65535 i32.const 9 i32.store8 i32.const 65535 i32.load8_u")
        .Func("size", "-> i32", "memory.size 0")
        .Func("grow", "i32 -> i32", "local.get 0 memory.grow 0")
        .Func("after_grow", "-> i32", "i32.const 131071 i32.const 77 i32.store8 i32.const 131071 i32.load8_u")
        .Func("fill_copy", "-> i64", "i32.const 300 i32.const 0xAB i32.const 4 memory.fill 0 i32.const 302 i32.const 16 i32.const 4 memory.copy i32.const 300 i64.load")
        .Func("globals", "-> i64", "global.get 0 i32.const 1 i32.add global.set 0 global.get 0 i64.extend_i32_s global.get 1 i64.mul");

    /// <summary>The window is 4 pages but the maximum is 3: growth stops at the maximum.</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void LoadsStoresAndGrowth(string board)
    {
        var r = Results(board, Module().Module,
        [
            ("load8_s", [I32(0)]), ("load8_u", [I32(0)]), ("load16_s", [I32(0)]), ("load32_u64", [I32(0)]), ("load64", [I32(2)]),
            ("unaligned_word", []), ("store_and_load", [I32(1001), I64(0x1122334455667788)]), ("store16_narrow", [I32(0x12345)]),
            ("float_roundtrip", [F64(-1.25)]), ("last_byte", []),
            ("size", []), ("grow", [I32(1)]), ("size", []), ("after_grow", []), ("grow", [I32(2)]), ("grow", [I32(1)]), ("size", []), ("grow", [I32(0)]),
            ("fill_copy", []), ("globals", []), ("globals", []),
        ], o => o with { MemoryWindow = 4 * 65536 });
        Assert.Equal(
        [
            I32Text(-128), I32Text(0x80), I32Text(unchecked((short)0xFF80)), I64Text(0x0201FF80), I64Text(0x0807060504030201),
            I32Text(0x030201FF), I64Text(0x1122334455667788), I32Text(0x2345),
            F64Text(-1.25), I32Text(9),
            I32Text(1), I32Text(1), I32Text(2), I32Text(77), I32Text(-1), I32Text(2), I32Text(3), I32Text(3),
            I64Text(0x0201FF80ABAB), I64Text(-12), I64Text(-14),
        ], r);
    }
}
