using Gust.Wasm.Linking;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>Import subtyping (spec 4.5.4) as <see cref="ImportMatcher"/> decides it.</summary>
public class LinkingTests
{
    private static readonly SourceLocation At = SourceLocation.AtLine("t.wast", 1, 1);

    private static (Module, Import) Importing(Import import, params FuncType[] types)
    {
        var m = new Module();
        m.Types.AddRange(types);
        m.Imports.Add(import);
        return (m, import);
    }

    private static string? Failure(Import import, ExternType? actual, params FuncType[] types)
    {
        var (m, i) = Importing(import, types);
        try
        {
            ImportMatcher.Match(m, i, actual, At);
            return null;
        }
        catch (WasmException e)
        {
            Assert.Equal(DiagnosticKind.Unlinkable, e.Diagnostic.Kind);
            return e.Diagnostic.Message;
        }
    }

    private static Import Table(ulong min, ulong? max, ValType t = ValType.FuncRef) => new("m", "t", ExternKind.Table) { Table = new TableType(t, new Limits(min, max)) };
    private static Import Memory(ulong min, ulong? max, int pageLog2 = 16) => new("m", "mem", ExternKind.Memory) { Memory = new MemoryType(new Limits(min, max), pageLog2) };
    private static ExternType ActualTable(ulong min, ulong? max, ValType t = ValType.FuncRef) => ExternType.Of(new TableType(t, new Limits(min, max)));
    private static ExternType ActualMemory(ulong min, ulong? max, int pageLog2 = 16) => ExternType.Of(new MemoryType(new Limits(min, max), pageLog2));

    [Fact]
    public void Missing_export_is_an_unknown_import()
    {
        Assert.StartsWith("unknown import", Failure(new Import("m", "f", ExternKind.Func), null, new FuncType([], [])));
    }

    [Fact]
    public void Functions_match_only_by_equal_type()
    {
        var t = new FuncType([ValType.I32], [ValType.F64]);
        var f = new Import("m", "f", ExternKind.Func) { FuncTypeIndex = 0 };
        Assert.Null(Failure(f, ExternType.Of(new FuncType([ValType.I32], [ValType.F64])), t));
        Assert.StartsWith("incompatible import type", Failure(f, ExternType.Of(new FuncType([ValType.I64], [ValType.F64])), t));
        Assert.StartsWith("incompatible import type", Failure(f, ExternType.Of(new FuncType([ValType.I32], [])), t));
    }

    [Fact]
    public void Kinds_must_agree()
    {
        var g = new Import("m", "g", ExternKind.Global) { Global = new GlobalType(ValType.I32, false) };
        Assert.StartsWith("incompatible import type", Failure(g, ExternType.Of(new FuncType([], [ValType.I32]))));
    }

    [Fact]
    public void Globals_need_equal_type_and_mutability()
    {
        var g = new Import("m", "g", ExternKind.Global) { Global = new GlobalType(ValType.I32, true) };
        Assert.Null(Failure(g, ExternType.Of(new GlobalType(ValType.I32, true))));
        Assert.NotNull(Failure(g, ExternType.Of(new GlobalType(ValType.I32, false))));
        Assert.NotNull(Failure(g, ExternType.Of(new GlobalType(ValType.I64, true))));
    }

    [Theory]
    [InlineData(10UL, null, 10UL, null, true)]
    [InlineData(10UL, null, 12UL, 20UL, true)]   // larger and bounded is fine
    [InlineData(10UL, null, 9UL, null, false)]   // too small
    [InlineData(10UL, 20UL, 10UL, 20UL, true)]
    [InlineData(10UL, 20UL, 10UL, 15UL, true)]   // tighter maximum is fine
    [InlineData(10UL, 20UL, 10UL, 21UL, false)]  // looser maximum is not
    [InlineData(10UL, 20UL, 10UL, null, false)]  // no maximum where one is required
    public void Limits_match_by_subtyping(ulong min, ulong? max, ulong actualMin, ulong? actualMax, bool matches)
    {
        Assert.Equal(matches, Failure(Table(min, max), ActualTable(actualMin, actualMax)) is null);
        Assert.Equal(matches, Failure(Memory(min, max), ActualMemory(actualMin, actualMax)) is null);
    }

    [Fact]
    public void Table_element_types_must_be_equal()
    {
        Assert.NotNull(Failure(Table(1, null, ValType.ExternRef), ActualTable(1, null)));
    }

    [Fact]
    public void Memory_page_sizes_must_be_equal()
    {
        Assert.Null(Failure(Memory(1, null, 0), ActualMemory(1, null, 0)));
        Assert.NotNull(Failure(Memory(1, null, 0), ActualMemory(1, null)));
        Assert.NotNull(Failure(Memory(1, null), ActualMemory(65536, null, 0)));
    }
}
