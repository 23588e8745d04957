using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>Blocks, loops, ifs, branches with values, multi-value, calls and recursion.</summary>
public class ControlTests
{
    private const string Module = """
        (module
          (type $i32->i32 (func (param i32) (result i32)))
          (func $fac (export "fac") (param i64) (result i64)
            (if (result i64) (i64.eqz (local.get 0))
              (then (i64.const 1))
              (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
          (func (export "fib_loop") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $t i32)
            (local.set $b (i32.const 1))
            (block $done
              (loop $next
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $t (i32.add (local.get $a) (local.get $b)))
                (local.set $a (local.get $b))
                (local.set $b (local.get $t))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $next)))
            (local.get $a))
          (func (export "switch") (param i32) (result i32)
            (block $out (result i32)
              (block $c2 (block $c1 (block $c0
                (br_table $c0 $c1 $c2 (local.get 0)))
                (br $out (i32.const 10)))
                (br $out (i32.const 20)))
              (i32.const 30)))
          (func (export "br_if_value") (param i32) (result i32)
            (block (result i32) (drop (br_if 0 (i32.const 7) (local.get 0))) (i32.const 8)))
          (func (export "early_return") (param i32) (result i32)
            (if (local.get 0) (then (return (i32.const 1)))) (i32.const 2))
          (func $divmod (export "divmod") (param i32 i32) (result i32 i32)
            (i32.div_u (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (local.get 1)))
          (func (export "swap_sum") (param i32 i32) (result i32)
            (call $divmod (local.get 0) (local.get 1)) (block (param i32 i32) (result i32) (i32.sub)))
          (func (export "loop_params") (param i32) (result i32)
            (i32.const 0) (local.get 0)
            (loop (param i32 i32) (result i32)
              (local.tee 0) (i32.add) (local.get 0)
              (i32.const 1) (i32.sub) (local.tee 0)
              (br_if 0 (local.get 0))
              (drop)))
          (func (export "if_params") (param i32 i32) (result i32)
            (local.get 0)
            (if (param i32) (result i32) (local.get 1)
              (then (i32.add (i32.const 100)))
              (else (i32.sub (i32.const 200)))))
          (func (export "if_no_else") (param i32) (result i32)
            (i32.const 5) (if (param i32) (result i32) (local.get 0) (then (i32.add (i32.const 1)))))
          (func (export "nested_br") (param i32) (result i32)
            (block $outer (result i32)
              (i32.add (block (result i32) (drop (br_if $outer (i32.const 1) (local.get 0))) (i32.const 2)) (i32.const 10))))
          (func (export "select") (param i32 i64 i64) (result i64)
            (select (local.get 1) (local.get 2) (local.get 0)))
          (func (export "dead_code") (result i32)
            (block (result i32) (br 0 (i32.const 3)) (i32.const 4) (i32.add) (unreachable)))
          (func (export "multi_return") (result i64 f64 i32)
            (return (i64.const -1) (f64.const 2.5) (i32.const 3)))
          (func $double (type $i32->i32) (i32.mul (local.get 0) (i32.const 2)))
          (func $square (type $i32->i32) (i32.mul (local.get 0) (local.get 0)))
          (table 4 funcref)
          (elem (i32.const 1) $double $square)
          (func (export "apply") (param i32 i32) (result i32)
            (call_indirect (type $i32->i32) (local.get 1) (local.get 0))))
        """;

    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void ControlFlowAndCalls(string board)
    {
        var r = Results(board, Wat.Parse(Module),
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
        var r = Results(board, Wat.Parse(Module), [("apply", [I32(1), I32(21)]), ("apply", [I32(2), I32(9)])]);
        Assert.Equal([I32Text(42), I32Text(81)], r);
    }
}
