using Gust.Wasm;
using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>The compiler's outputs without running them: IR shape, objects per target, errors.</summary>
public class CompileTests
{
    private const string Source = """
        (module
          (memory 1)
          (func $load (export "load") (param i32) (result i32) (i32.load offset=8 (local.get 0)))
          (func (export "twice") (param i32) (result i32) (i32.add (call $load (local.get 0)) (call $load (local.get 0)))))
        """;

    [Fact]
    public void IrKeepsWasmFunctionNamesAndIndices()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Source), new CodegenOptions(Target.Thumbv7m));
        Assert.Contains("; func 0 \"load\" [i32] -> [i32]", ir);
        Assert.Contains("define internal i32 @\"wasm.f0.load\"(i32 %p0)", ir);
        Assert.Contains("@\"wasm_export_twice\" = alias i32 (i32), ptr @\"wasm.f1.twice\"", ir);
        Assert.Contains("call void @\"wasm.trap\"(i32 4, i32 0)", ir);
        // The module's trap entry passes its own names, so several modules in one image each name theirs.
        Assert.Contains("call void @gust_trap(i32 %kind, i32 %func, ptr @\"wasm_names\")", ir);
    }

    [Fact]
    public void BoundsCheckIsOneCompareAgainstAConstantLimitWhenTheMemoryCannotGrow()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Source), new CodegenOptions(Target.Rv32imac));
        // limit = size - offset - width = 65536 - 8 - 4
        Assert.Matches(@"icmp ugt i32 %t\d+, 65524\n", ir.Replace("\r", ""));
    }

    [Fact]
    public void BoundsChecksOffLeavesNoMemoryTrap()
    {
        var ir = ModuleCompiler.EmitIr(Wat.Parse(Source), new CodegenOptions(Target.Rv32imac) { BoundsChecks = false });
        Assert.DoesNotContain("OutOfBoundsMemory", ir);
        Assert.Contains("--bounds-checks off", ir);
    }

    [Theory]
    [InlineData("thumbv7m", 40)]
    [InlineData("thumbv7em", 40)]
    [InlineData("rv32imac", 243)]
    public void CompilesToAnElfObjectForEachTarget(string target, int machine)
    {
        var obj = ModuleCompiler.Compile(Wat.Parse(Source), new CodegenOptions(Target.Find(target)!));
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], obj[..4]);
        Assert.Equal(1, obj[4]); // ELFCLASS32
        Assert.Equal(1, BitConverter.ToUInt16(obj, 16)); // ET_REL
        Assert.Equal(machine, BitConverter.ToUInt16(obj, 18));
    }

    [Fact]
    public void ImportsAreTheProvidersSymbolsAndReExportsAreLeftToTheLinker()
    {
        var m = Wat.Parse("""
            (module
              (import "env" "mem" (memory 1 4)) (import "env" "g" (global i32)) (import "env" "t" (table 2 funcref))
              (global $h i32 (i32.add (global.get 0) (i32.const 1)))
              (export "mem" (memory 0)) (export "h" (global $h))
              (func (export "f") (result i32) (memory.size)))
            """);
        var ir = ModuleCompiler.EmitIr(m, new CodegenOptions(Target.Thumbv7m) { SymbolPrefix = "p", ImportCapacity = _ => 4 * 65536 });
        Assert.Contains("@\"p_import_env_mem\" = external global [262144 x i8]", ir);
        Assert.Contains("@\"p_import_env_mem.size\" = external global i32", ir);
        Assert.Contains("@\"p_import_env_g\" = external global i32", ir);
        Assert.Contains("@\"p_import_env_t.size\" = external global i32", ir);
        Assert.Contains("load i32, ptr @\"p_import_env_mem.size\"", ir); // another module may grow it
        Assert.Contains("re-exports an import", ir);
        Assert.DoesNotContain("@\"p_export_mem\" =", ir);
        Assert.Contains("@\"p_export_h\" = alias", ir);
        Assert.Contains("load i32, ptr @\"p_import_env_g\"", ir); // $h is set by instantiation
    }

    [Fact]
    public void TypeIdsAreOneSymbolPerSignatureAcrossModules()
    {
        var a = ModuleCompiler.EmitIr(Wat.Parse("(module (type (func)) (type (func (param i32) (result f64))) (table 1 funcref) (func (type 1) (f64.const 0)) (elem (i32.const 0) 0))"),
            new CodegenOptions(Target.Thumbv7m) { SymbolPrefix = "a" });
        var b = ModuleCompiler.EmitIr(Wat.Parse("(module (type (func (param i32) (result f64))) (table 1 funcref) (func (export \"c\") (result f64) (call_indirect (type 0) (i32.const 0) (i32.const 0))))"),
            new CodegenOptions(Target.Thumbv7m) { SymbolPrefix = "b" });
        const string id = "@gust_type_i32_to_f64 = linkonce_odr constant i8 0, comdat";
        Assert.Contains(id, a);
        Assert.Contains(id, b);
    }

    [Fact]
    public void TargetsAreFoundByNameOrShortName()
    {
        Assert.Same(Target.Thumbv7m, Target.Find("m3"));
        Assert.Same(Target.Thumbv7em, Target.Find("thumbv7em"));
        Assert.Same(Target.Rv32imac, Target.Find("rv32"));
        Assert.Null(Target.Find("x86"));
    }
}
