using Gust.Wasm;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Loads and stores of every width, data segments, memory.size/grow within the window, fill/copy, globals.</summary>
public class MemoryTests
{
    private const string Module = """
        (module
          (memory 1 3)
          (data (i32.const 16) "\80\ff\01\02\03\04\05\06\07\08")
          (global $counter (mut i32) (i32.const 5))
          (global $factor i64 (i64.const -2))
          (func (export "load8_s") (param i32) (result i32) (i32.load8_s offset=16 (local.get 0)))
          (func (export "load8_u") (param i32) (result i32) (i32.load8_u offset=16 (local.get 0)))
          (func (export "load16_s") (param i32) (result i32) (i32.load16_s offset=16 (local.get 0)))
          (func (export "load32_u64") (param i32) (result i64) (i64.load32_u offset=16 (local.get 0)))
          (func (export "load64") (param i32) (result i64) (i64.load offset=16 (local.get 0)))
          (func (export "unaligned_word") (result i32) (i32.load align=4 (i32.const 17)))
          (func (export "store_and_load") (param i32 i64) (result i64)
            (i64.store offset=3 (local.get 0) (local.get 1)) (i64.load offset=3 (local.get 0)))
          (func (export "store16_narrow") (param i32) (result i32)
            (i32.store16 (i32.const 100) (local.get 0)) (i32.load (i32.const 100)))
          (func (export "float_roundtrip") (param f64) (result f64)
            (f64.store (i32.const 200) (local.get 0)) (f64.load (i32.const 200)))
          (func (export "last_byte") (result i32)
            (i32.store8 (i32.const 65535) (i32.const 9)) (i32.load8_u (i32.const 65535)))
          (func (export "size") (result i32) (memory.size))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "after_grow") (result i32)
            (i32.store8 (i32.const 131071) (i32.const 77)) (i32.load8_u (i32.const 131071)))
          (func (export "fill_copy") (result i64)
            (memory.fill (i32.const 300) (i32.const 0xAB) (i32.const 4))
            (memory.copy (i32.const 302) (i32.const 16) (i32.const 4))
            (i64.load (i32.const 300)))
          (func (export "globals") (result i64)
            (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
            (i64.mul (i64.extend_i32_s (global.get $counter)) (global.get $factor))))
        """;

    /// <summary>The window is 4 pages but the maximum is 3: growth stops at the maximum.</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void LoadsStoresAndGrowth(string board) => LoadsStoresAndGrowthWith(board, o => o with { MemoryWindow = 4 * 65536 });

    /// <summary>
    /// The same in a two-bank memory split after its first page, both banks in .bss: the accesses in
    /// the second page (131071 after growth) take the runtime path (FunctionLowerer.Banks.cs).
    /// </summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void LoadsStoresAndGrowthInTwoBanks(string board) => LoadsStoresAndGrowthWith(board, o => o with
    {
        MemoryWindow = 4 * 65536,
        MemoryPlacement = _ => new MemoryPlacement(null, new MemorySplit(65536, null)),
    });

    private static void LoadsStoresAndGrowthWith(string board, Func<CodegenOptions, CodegenOptions> options)
    {
        var r = Results(board, Wat.Parse(Module),
        [
            ("load8_s", [I32(0)]), ("load8_u", [I32(0)]), ("load16_s", [I32(0)]), ("load32_u64", [I32(0)]), ("load64", [I32(2)]),
            ("unaligned_word", []), ("store_and_load", [I32(1001), I64(0x1122334455667788)]), ("store16_narrow", [I32(0x12345)]),
            ("float_roundtrip", [F64(-1.25)]), ("last_byte", []),
            ("size", []), ("grow", [I32(1)]), ("size", []), ("after_grow", []), ("grow", [I32(2)]), ("grow", [I32(1)]), ("size", []), ("grow", [I32(0)]),
            ("fill_copy", []), ("globals", []), ("globals", []),
        ], options);
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
