using System.Text;
using Gust.Codegen.Llvm;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Linking;
using Gust.Firmware.Qemu;
using Gust.Wasm;
using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

/// <summary>
/// Call-stack exhaustion caught by the boards' stack guards (an MPU region on the MPS2 boards, a
/// locked PMP entry on virt; boards/*.toml [stack]) and reported as a trap the harness goes on after.
/// </summary>
public class StackGuardTests
{
    public static TheoryData<string> GuardedBoards => new("mps2-an385", "mps2-an386", "virt-rv32");

    private const string Recursion = """
        (module
          (func $recurse (export "recurse") (param i64) (result i64) (i64.add (call $recurse (i64.add (local.get 0) (i64.const 1))) (local.get 0)))
          (func $fib (export "fib") (param i32) (result i32)
            (if (result i32) (i32.lt_u (local.get 0) (i32.const 2)) (then (local.get 0))
              (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1))) (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
        """;

    [Theory]
    [MemberData(nameof(GuardedBoards))]
    public void DeepRecursionTrapsAndTheHarnessGoesOn(string board)
    {
        Assert.NotEqual(StackGuardKind.Check, BoardCatalog.Load(board).Stack.Kind);
        var m = Wat.Parse(Recursion);
        var r = Run(board, m, [("recurse", [I64(0)]), ("fib", [I32(20)]), ("recurse", [I64(5)]), ("fib", [I32(10)])], continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        var trap = TrapTests.Where(board, TrapKind.CallStackExhausted, 0, "recurse");
        Assert.Equal($"0:trap: {trap}\n1: {I32Text(6765)}\n2:trap: {trap}\n3: {I32Text(55)}\n", r.Console.Replace("\r", ""));
    }

    [Theory]
    [MemberData(nameof(GuardedBoards))]
    public void WithoutAHarnessTheTrapEndsTheRunWithItsStatus(string board)
    {
        var r = Run(board, Wat.Parse(Recursion), [("recurse", [I64(0)])]);
        Assert.Equal(TrapKinds.ExitStatusBase + (int)TrapKind.CallStackExhausted, r.ExitStatus);
        Assert.Equal($"0:trap: {TrapTests.Where(board, TrapKind.CallStackExhausted, 0, "recurse")}\n", r.Console.Replace("\r", ""));
    }

    /// <summary>
    /// A frame of about 10 KiB (1200 i64 values loaded before the call, used after it), more than the
    /// 4 KiB margin a limit check leaves: each frame runs into the guard rather than over it, the
    /// harness goes on, and the memory the module left is intact.
    /// </summary>
    [Theory]
    [MemberData(nameof(GuardedBoards))]
    public void BigFramesCannotSkipTheGuard(string board)
    {
        var r = Run(board, BigFrame(1200), [("big", [I64(1)]), ("peek", [I32(8)])], continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        var lines = r.Console.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("0:trap: call stack exhausted", lines[0]);
        Assert.Equal($"1: {I64Text(2)}", lines[1]);
    }

    /// <summary>A recursive function with <paramref name="values"/> i64 values live across its call; memory holds 1, 2, 3, … at 0, 8, 16, ….</summary>
    private static Module BigFrame(int values)
    {
        var wat = new StringBuilder("(module (memory 1) (data (i32.const 0) \"");
        for (var k = 0; k < values; k++)
            foreach (var b in BitConverter.GetBytes((long)k + 1)) wat.Append($"\\{b:x2}");
        wat.Append("\")\n(func (export \"peek\") (param i32) (result i64) (i64.load (local.get 0)))\n");
        wat.Append("(func $big (export \"big\") (param i64) (result i64)");
        for (var k = 0; k < values; k++) wat.Append($" (local $v{k} i64)");
        for (var k = 0; k < values; k++) wat.Append($"\n  (local.set $v{k} (i64.load offset={8 * k} (i32.const 0)))");
        // The store keeps the loads above the call: the callee writes memory.
        wat.Append("\n  (i64.store (i32.const 65528) (local.get 0))\n  (call $big (i64.add (local.get 0) (i64.const 1)))");
        for (var k = 0; k < values; k++) wat.Append($"\n  (i64.add (local.get $v{k}))");
        wat.Append("))");
        return Wat.Parse(wat.ToString());
    }

    /// <summary>Code compiled without the guard (gust compile's default) checks the limit on the same image layout, and names the function on every board.</summary>
    [Theory]
    [MemberData(nameof(GuardedBoards))]
    public void TheLimitCheckStillWorksBelowTheGuard(string board)
    {
        var r = Run(board, Wat.Parse(Recursion), [("recurse", [I64(0)]), ("fib", [I32(10)])], o => o with { StackGuard = null }, continueAfterTrap: true);
        Assert.Equal(0, r.ExitStatus);
        Assert.Equal($"0:trap: call stack exhausted in function 0 \"recurse\"\n1: {I32Text(55)}\n", r.Console.Replace("\r", ""));
    }

    [Fact]
    public void OnlyFunctionsWhoseFrameCouldExceedTheGuardCheckTheLimit()
    {
        const string stackSave = "call ptr @llvm.stacksave()";
        var small = Wat.Parse("(module (func (export \"f\") (result i32) (i32.const 1)))");
        Assert.Contains(stackSave, ModuleCompiler.EmitIr(small, new CodegenOptions(Target.Thumbv7m)));
        Assert.DoesNotContain(stackSave, ModuleCompiler.EmitIr(small, new CodegenOptions(Target.Thumbv7m) { StackGuard = 4096 }));
        // 1200 values and 3600 instructions: the bound (8 bytes a value, 32 an instruction) passes 4 KiB, not 1 MiB.
        Assert.Contains(stackSave, ModuleCompiler.EmitIr(BigFrame(1200), new CodegenOptions(Target.Rv32imac) { StackGuard = 4096 }));
        Assert.DoesNotContain(stackSave, ModuleCompiler.EmitIr(BigFrame(1200), new CodegenOptions(Target.Rv32imac) { StackGuard = 1 << 20 }));
    }

    /// <summary>Two modules in one image (as gust wast builds them): each trap report names the function of the module it happened in.</summary>
    [Theory]
    [MemberData(nameof(BoardData.All), MemberType = typeof(BoardData))]
    public void EachModuleNamesItsOwnFunctions(string board)
    {
        var manifest = BoardCatalog.Load(board);
        var a = Wat.Parse("(module (func $a0 (result i32) (i32.const 0)) (func $first (export \"crash\") (unreachable)))");
        var b = Wat.Parse("(module (func $b0) (func $b1) (func $second (export \"crash\") (unreachable)) (func $deep (export \"deep\") (call $deep)))");
        var dir = Directory.CreateTempSubdirectory("gust-guard-test-");
        try
        {
            var h = new HarnessBuilder(guarded: true);
            var objects = new List<string>();
            foreach (var (prefix, module) in new[] { ("a", a), ("b", b) })
            {
                var o = Path.Combine(dir.FullName, prefix + ".o");
                File.WriteAllBytes(o, ModuleCompiler.Compile(module, new CodegenOptions(manifest.Target) { SymbolPrefix = prefix, StackGuard = manifest.Stack.CodegenGuard }));
                objects.Add(o);
                h.InitFirst(prefix);
            }
            var noResult = new FuncType([], []);
            h.Invoke("a", "crash", noResult, []);
            h.Invoke("b", "crash", noResult, []);
            h.Invoke("b", "deep", noResult, []);
            h.Invoke("a", "crash", noResult, []);
            var ll = Path.Combine(dir.FullName, "harness.ll");
            File.WriteAllText(ll, h.Build());
            objects.Add(Path.ChangeExtension(ll, ".o"));
            Clang.CompileFile(manifest.Target, ll, objects[^1]);
            var elf = Path.Combine(dir.FullName, "image.elf");
            FirmwareLinker.Link(manifest, objects, elf);
            var r = QemuRunner.Run(manifest, elf, TimeSpan.FromSeconds(30));
            Assert.Equal(0, r.ExitStatus);
            Assert.Equal(
                "0:trap: unreachable in function 1 \"crash\"\n" +
                "1:trap: unreachable in function 2 \"crash\"\n" +
                $"2:trap: {TrapTests.Where(board, TrapKind.CallStackExhausted, 3, "deep")}\n" +
                "3:trap: unreachable in function 1 \"crash\"\n",
                r.Console.Replace("\r", ""));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
