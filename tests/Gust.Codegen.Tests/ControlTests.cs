using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Blocks, loops, ifs, branches with values, multi-value, calls and recursion.</summary>
public class ControlTests
{
    private static FlatModule Module() => new FlatModule()
        .Func("fac", "i64 -> i64", "local.get 0 i64.eqz if i64 i64.const 1 else local.get 0 local.get 0 i64.const 1 i64.sub call fac i64.mul end")
        .Func("fib_loop", "i32 -> i32", """
            local i32 local i32 local i32
            i32.const 1 local.set 2
            block loop
              local.get 0 i32.eqz br_if 1
              local.get 1 local.get 2 i32.add local.set 3
              local.get 2 local.set 1 local.get 3 local.set 2
              local.get 0 i32.const 1 i32.sub local.set 0
              br 0
            end end
            local.get 1
            """)
        .Func("switch", "i32 -> i32", """
            block i32 block block block
              local.get 0 br_table 0 1 2
            end i32.const 10 br 2
            end i32.const 20 br 1
            end i32.const 30
            end
            """)
        .Func("br_if_value", "i32 -> i32", "block i32 i32.const 7 local.get 0 br_if 0 drop i32.const 8 end")
        .Func("early_return", "i32 -> i32", "local.get 0 if i32.const 1 return end i32.const 2")
        .Func("divmod", "i32 i32 -> i32 i32", "local.get 0 local.get 1 i32.div_u local.get 0 local.get 1 i32.rem_u")
        .Func("swap_sum", "i32 i32 -> i32", "local.get 0 local.get 1 call divmod block [i32,i32->i32] i32.sub end")
        .Func("loop_params", "i32 -> i32", """
            i32.const 0 local.get 0
            loop [i32,i32->i32]
              local.tee 0 i32.add local.get 0
              i32.const 1 i32.sub local.tee 0
              local.get 0 br_if 0
              drop
            end
            """)
        .Func("if_params", "i32 i32 -> i32", "local.get 0 local.get 1 if [i32->i32] i32.const 100 i32.add else i32.const 200 i32.sub end")
        .Func("if_no_else", "i32 -> i32", "i32.const 5 local.get 0 if [i32->i32] i32.const 1 i32.add end")
        .Func("nested_br", "i32 -> i32", "block i32 block i32 i32.const 1 local.get 0 br_if 1 drop i32.const 2 end i32.const 10 i32.add end")
        .Func("select", "i32 i64 i64 -> i64", "local.get 1 local.get 2 local.get 0 select")
        .Func("dead_code", "-> i32", "block i32 i32.const 3 br 0 i32.const 4 i32.add unreachable end")
        .Func("multi_return", "-> i64 f64 i32", "i64.const -1 f64.const 2.5 i32.const 3 return");

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void ControlFlowAndCalls(string board)
    {
        var r = Results(board, Module().Module,
        [
            ("fac", [I64(20)]), ("fib_loop", [I32(30)]),
            ("switch", [I32(0)]), ("switch", [I32(1)]), ("switch", [I32(2)]), ("switch", [I32(77)]),
            ("br_if_value", [I32(1)]), ("br_if_value", [I32(0)]),
            ("early_return", [I32(1)]), ("early_return", [I32(0)]),
            ("divmod", [I32(47), I32(5)]), ("swap_sum", [I32(47), I32(5)]),
            ("loop_params", [I32(4)]), ("if_params", [I32(1), I32(1)]), ("if_params", [I32(1), I32(0)]),
            ("if_no_else", [I32(1)]), ("if_no_else", [I32(0)]),
            ("nested_br", [I32(1)]), ("nested_br", [I32(0)]),
            ("select", [I32(1), I64(11), I64(22)]), ("select", [I32(0), I64(11), I64(22)]),
            ("dead_code", []), ("multi_return", []),
        ]);
        Assert.Equal(
        [
            I64Text(2432902008176640000), I32Text(832040),
            I32Text(10), I32Text(20), I32Text(30), I32Text(30),
            I32Text(7), I32Text(8),
            I32Text(1), I32Text(2),
            $"{I32Text(9)} {I32Text(2)}", I32Text(7),
            I32Text(10), I32Text(101), I32Text(-199),
            I32Text(6), I32Text(5),
            I32Text(1), I32Text(12),
            I64Text(11), I64Text(22),
            I32Text(3), $"{I64Text(-1)} {F64Text(2.5)} {I32Text(3)}",
        ], r);
    }

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void CallIndirectThroughATable(string board)
    {
        var m = new FlatModule()
            .Func("double", "i32 -> i32", "local.get 0 i32.const 2 i32.mul", export: false)
            .Func("square", "i32 -> i32", "local.get 0 local.get 0 i32.mul", export: false)
            .Func("apply", "i32 i32 -> i32", "local.get 1 local.get 0 call_indirect [i32->i32]")
            .Table(4)
            .Elem(1, "double", "square");
        var r = Results(board, m.Module, [("apply", [I32(1), I32(21)]), ("apply", [I32(2), I32(9)])]);
        Assert.Equal([I32Text(42), I32Text(81)], r);
    }
}
