using Gust.Firmware.Boards;
using Gust.Firmware.Wast;
using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>
/// Memories larger than any one RAM bank (FunctionLowerer.Banks.cs, Runtime/banks.c, MemoryPlan.cs):
/// the scripts in Scripts/ pass on Wasmtime and on the boards, and one-bank memories compile to the
/// IR they always did.
/// </summary>
public class TwoBankMemoryTests
{
    private static readonly string[] ScriptNames = ["two_bank_memory.wast", "two_bank_fixed_memory.wast"];

    public static TheoryData<string> Scripts => new(ScriptNames);

    public static TheoryData<string, string> ScriptsOnBoards()
    {
        var data = new TheoryData<string, string>();
        foreach (var board in (string[])["mps2-an385", "mps2-an386", "virt-rv32"])
            foreach (var script in ScriptNames)
                data.Add(script, board);
        return data;
    }

    private static string Script(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gust.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "tests", "Gust.Codegen.Tests", "Scripts", name);
    }

    private static void AssertPasses(string where, IReadOnlyList<WastCommandResult> results)
    {
        var failures = results.Where(r => r.Status != WastStatus.Passed).Take(20).Select(r => $"{r.Location}: {r.Command}: {r.Message}");
        Assert.True(results.All(r => r.Status == WastStatus.Passed), $"{where}:\n{string.Join("\n", failures)}");
        Assert.True(results.Count > 5);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptExpectationsAreWasmtimes(string script)
    {
        using var host = new WasmtimeHost();
        using var engine = host.CreateEngine();
        AssertPasses("Wasmtime", new WastRunner(engine).Run(WastParser.Parse(File.ReadAllText(Script(script)), Script(script))));
    }

    /// <summary>On the mps2 boards the memories are split at 16 MiB (PSRAM, then main RAM); virt-rv32 has one 128 MiB RAM.</summary>
    [Theory]
    [MemberData(nameof(ScriptsOnBoards))]
    public void ScriptPassesOnTheBoard(string script, string board) =>
        AssertPasses(board, TargetWastRunner.RunFile(Script(script), BoardCatalog.Load(board), TimeSpan.FromMinutes(2)).Results);

    private const string Accesses = """
        (module
          (memory (export "m") 1)
          (data (i32.const 8) "\01\02")
          (data $p "\03")
          (func (export "f") (param i32) (result i64)
            (i32.store16 offset=3 (local.get 0) (i32.const 7))
            (memory.fill (local.get 0) (i32.const 1) (i32.const 4))
            (memory.copy (local.get 0) (i32.const 2) (i32.const 4))
            (memory.init $p (local.get 0) (i32.const 0) (i32.const 1))
            (drop (memory.grow (i32.const 1)))
            (i64.add (i64.load offset=5 (local.get 0)) (i64.extend_i32_u (i32.load8_s (local.get 0))))))
        """;

    /// <summary>A placement that splits nothing (the low bank holds the window) leaves the IR byte for byte as without one.</summary>
    [Theory]
    [InlineData("thumbv7m")]
    [InlineData("rv32imac")]
    public void OneBankMemoriesCompileAsBefore(string target)
    {
        var module = Wat.Parse(Accesses);
        var plain = new CodegenOptions(Target.Find(target)!) { MemoryWindow = 4 * 65536 };
        var placed = plain with
        {
            MemoryPlacement = _ => new MemoryPlacement(null, new MemorySplit(4 * 65536, ".bss.gust_bank1")),
            ImportSplit = _ => null,
        };
        Assert.Equal(ModuleCompiler.EmitIr(module, plain), ModuleCompiler.EmitIr(module, placed));
        Assert.DoesNotContain("gust_bank", ModuleCompiler.EmitIr(module, plain));
    }

    /// <summary>Split: two windows in their sections, the inline check against min(size, low), the runtime for the rest.</summary>
    [Fact]
    public void TwoBankMemoriesCheckTheLowBankInline()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Accesses), new CodegenOptions(Target.Thumbv7m)
        {
            SymbolPrefix = "p",
            MemoryWindow = 4 * 65536,
            MemoryPlacement = _ => new MemoryPlacement(".bss.gust_bank1", new MemorySplit(65536, null)),
        });
        Assert.Contains("@\"p.mem0\" = internal global [65536 x i8] zeroinitializer, section \".bss.gust_bank1\", align 16", ir);
        Assert.Contains("@\"p.mem0.hi\" = internal global [196608 x i8] zeroinitializer, align 16", ir);
        Assert.Contains("@\"p_export_m.hi\" = alias [196608 x i8], ptr @\"p.mem0.hi\"", ir);
        Assert.Contains("call i32 @llvm.umin.i32(i32 %", ir);
        foreach (var helper in (string[])["load", "store", "fill", "copy", "init"])
            Assert.Contains($"@gust_bank_{helper}(ptr @\"p.mem0\", ptr @\"p.mem0.hi\", i32 65536", ir);
        Assert.DoesNotContain("@llvm.mem", ir);
    }
}
