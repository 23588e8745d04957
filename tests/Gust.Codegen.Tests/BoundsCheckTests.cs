using System.Text.RegularExpressions;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>
/// Which bounds checks the compiler leaves out (constant addresses within the minimum, checks
/// dominated by one of the same address with at least the reach) and which it must keep; and that
/// accesses whose check was left out behave on the boards, after memory.grow too.
/// </summary>
public class BoundsCheckTests
{
    /// <summary>memory.grow makes the size a run-time value: no check folds to a constant compare.</summary>
    private const string Growing = """
        (module
          (memory 1 4)
          (func $grow (drop (memory.grow (i32.const 1))))
          (func (export "constants") (result i32)
            (i32.add (i32.load (i32.const 0))
              (i32.add (i32.load offset=65528 (i32.const 4))      ;; ends at the minimum: no check
                (i32.add (i32.load (i32.add (i32.const 65530) (i32.const 2)))  ;; so does this one
                  (i32.load (i32.const 65533))))))                ;; past it: checked
          (func (export "dominated") (param $a i32) (result i32)
            (i32.load offset=8 (local.get $a))                    ;; checked, reach 12
            (call $grow)                                          ;; memories never shrink
            (i32.add (i32.load offset=4 (local.get $a)))
            (i32.add (i32.load8_u offset=11 (local.get $a))))
          (func (export "widening") (param $a i32) (result i32)
            (i32.load8_u (local.get $a))                          ;; checked, reach 1
            (i32.add (i32.load (local.get $a)))                   ;; reach 4: checked again
            (i32.add (i32.load16_u offset=2 (local.get $a))))     ;; reach 4: covered
          (func (export "branches") (param $a i32) (param $c i32) (result i32)
            (if (result i32) (local.get $c)
              (then (i32.load (local.get $a)))                    ;; checked
              (else (i32.load (local.get $a))))                   ;; checked: the then branch's does not reach here
            (i32.add (i32.load (local.get $a)))                   ;; checked: neither branch's dominates
            (i32.add (i32.load (local.get $a))))                  ;; covered
          (func (export "loops") (param $a i32) (param $n i32) (result i32) (local $sum i32)
            (local.set $sum (i32.add (i32.load (local.get $a)) (i32.load (local.get $n))))  ;; both checked
            (loop $l
              (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $a))))  ;; covered: $a is not set in the loop
              (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $n))))  ;; checked: $n is
              (local.set $n (i32.sub (local.get $n) (i32.const 4)))
              (br_if $l (local.get $n)))
            (local.get $sum))
          (func (export "copies") (param $a i32) (param $b i32) (result i32)
            (local.set $b (local.get $a))
            (i32.load (i32.add (local.get $a) (i32.const 16)))    ;; checked
            (i32.add (i32.load (i32.add (i32.const 16) (local.get $b)))))  ;; the same value: covered
          (func (export "set_in_branch") (param $a i32) (param $b i32) (param $c i32) (result i32)
            (i32.add (i32.load (local.get $a)) (i32.load8_u (local.get $b)))     ;; both checked
            (if (local.get $c) (then (local.set $b (local.get $a))))
            (i32.add (i32.load (local.get $b))))                  ;; checked: $b may be the old one, checked for a byte
          (func (export "offsets") (param $p i32) (result i32)
            (i32.load offset=4 (i32.add (local.get $p) (i32.const 8)))               ;; checked: [p + 8, p + 16)
            (i32.add (i32.load (i32.sub (i32.add (local.get $p) (i32.const 16)) (i32.const 4))))  ;; [p + 12, p + 16): covered
            (i32.add (i32.load (local.get $p))))                  ;; checked: p + 8 may have wrapped past 0
          (func (export "reassigned") (param $a i32) (result i32)
            (i32.load (local.get $a))                             ;; checked
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (i32.add (i32.load (local.get $a)))))                 ;; checked: another value
        """;

    [Theory]
    [InlineData("constants", 1)]
    [InlineData("dominated", 1)]
    [InlineData("widening", 2)]
    [InlineData("branches", 3)]
    [InlineData("loops", 3)]
    [InlineData("copies", 1)]
    [InlineData("set_in_branch", 3)]
    [InlineData("offsets", 2)]
    [InlineData("reassigned", 2)]
    public void OnlyChecksProvenRedundantAreLeftOut(string export, int checks)
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Growing), new CodegenOptions(Target.Rv32imac));
        Assert.Equal(checks, Checks(ir, export));
    }

    [Fact]
    public void ConstantAddressesWithinTheMinimumHaveNoCompareWhenTheMemoryCannotGrowEither()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse("""
            (module (memory 1)
              (func (export "f") (result i32) (i32.add (i32.load (i32.const 8)) (i32.load offset=65531 (i32.const 1)))))
            """), new CodegenOptions(Target.Thumbv7m) { StackGuard = 1 << 20 }); // a stack guard: no stack limit compare
        Assert.Equal(0, Checks(ir, "f"));
        Assert.DoesNotContain("icmp", Body(ir, "f"));
    }

    /// <summary>
    /// Where the memory can grow, a check compares with the size less the reach, and the size loads
    /// say it is never below the minimum (memories never shrink), which lets LLVM drop checks of
    /// addresses whose range it knows.
    /// </summary>
    [Fact]
    public void SizeLoadsOfAGrowingMemoryAreAtLeastItsMinimum()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Growing), new CodegenOptions(Target.Rv32imac)).Replace("\r", "");
        var body = Body(ir, "reassigned");
        var range = Regex.Match(body, @"%t\d+ = load i32, ptr @""wasm\.mem0\.bytes"", !range (!\d+)\n  %(t\d+) = sub i32 %t\d+, 4\n  %(t\d+) = icmp ugt i32 %t\d+, %\2\n  br i1 %\3, label %trap\.OutOfBoundsMemory");
        Assert.True(range.Success, body);
        Assert.Contains($"{range.Groups[1].Value} = !{{i32 65536, i32 0}}", ir);
        Assert.DoesNotContain("load i32, ptr @\"wasm.mem0.bytes\"\n", ir);
    }

    /// <summary>
    /// A store's check covers the load after memory.grow (memories never shrink), also where the
    /// address lies in pages grown earlier; a byte's check does not cover a word at the same address,
    /// nor does p + 8's cover p (p + 8 wraps to 0 for p = −8).
    /// </summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void AccessesCoveredByAnEarlierCheckBehave(string board)
    {
        var m = Wat.Parse("""
            (module
              (memory 1 3)
              (func (export "store_grow_load") (param $a i32) (result i32)
                (i32.store (local.get $a) (i32.const 0x1234567))
                (drop (memory.grow (i32.const 1)))
                (i32.load (local.get $a)))
              (func (export "byte_then_word") (param $a i32) (result i32)
                (i32.add (i32.load8_u (local.get $a)) (i32.load (local.get $a))))
              (func (export "wrapped") (param $p i32) (result i32)
                (i32.add (i32.load (i32.add (local.get $p) (i32.const 8))) (i32.load (local.get $p))))
              (func (export "size") (result i32) (memory.size)))
            """);
        var ir = ModuleCompiler.EmitIr(m, new CodegenOptions(Target.Rv32imac));
        Assert.Equal(1, Checks(ir, "store_grow_load"));
        Assert.Equal(2, Checks(ir, "byte_then_word"));
        Assert.Equal(2, Checks(ir, "wrapped"));
        string Index(string name) => m.Exports.Single(e => e.Name == name).Index.ToString();
        var r = Run(board, m,
        [
            ("store_grow_load", [I32(65536)]), ("store_grow_load", [I32(100)]), ("store_grow_load", [I32(131068)]), ("size", []),
            ("byte_then_word", [I32(196606)]), ("byte_then_word", [I32(131068)]), ("store_grow_load", [I32(196608)]),
            ("wrapped", [I32(-8)]), ("wrapped", [I32(100)]),
        ], o => o with { MemoryWindow = 3 * 65536 }, continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        Assert.Equal(
            $"0:trap: out of bounds memory access in function {Index("store_grow_load")} \"store_grow_load\"\n" +
            $"1: {I32Text(0x1234567)}\n" +
            $"2: {I32Text(0x1234567)}\n" +
            $"3: {I32Text(3)}\n" +
            $"4:trap: out of bounds memory access in function {Index("byte_then_word")} \"byte_then_word\"\n" +
            $"5: {I32Text(0x1234567 + 0x67)}\n" +
            $"6:trap: out of bounds memory access in function {Index("store_grow_load")} \"store_grow_load\"\n" +
            $"7:trap: out of bounds memory access in function {Index("wrapped")} \"wrapped\"\n" +
            $"8: {I32Text(0x1234567)}\n",
            r.Console.Replace("\r", ""));
    }

    /// <summary>The body of the function an export names (its symbol ends with the export's name).</summary>
    private static string Body(string ir, string export)
    {
        var match = Regex.Match(ir.Replace("\r", ""), $@"define internal [^\n]*\.{export}""\([^\n]*\{{\n(.*?)\n\}}", RegexOptions.Singleline);
        Assert.True(match.Success, $"no function {export} in the IR");
        return match.Groups[1].Value;
    }

    /// <summary>Bounds checks in a function: its branches to the out-of-bounds trap.</summary>
    private static int Checks(string ir, string export) => Regex.Matches(Body(ir, export), "label %trap.OutOfBoundsMemory").Count;
}
