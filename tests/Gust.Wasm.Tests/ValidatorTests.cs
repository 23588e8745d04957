using Gust.Wasm.Validation;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>Validator rules on small modules built in code, one rule per test.</summary>
public class ValidatorTests
{
    private static readonly ValType I32 = ValType.I32, I64 = ValType.I64;

    /// <summary>A module with one function of type [params] -> [results] whose body is <paramref name="body"/> plus End.</summary>
    private static Module Func(ValType[] parameters, ValType[] results, params Instr[] body)
    {
        var m = new Module();
        m.Types.Add(new FuncType(parameters, results));
        m.Funcs.Add(0);
        var code = new Code();
        code.Body.AddRange(body);
        code.Body.Add(Instr.End());
        m.Codes.Add(code);
        return m;
    }

    private static Module Func(params Instr[] body) => Func([], [], body);

    private static Instr I(Op op, uint index = 0) => new(op) { Index = index };

    private static Diagnostic Invalid(Module m)
    {
        var e = Assert.Throws<WasmException>(() => Validator.Validate(m, "t.wasm"));
        Assert.Equal(DiagnosticKind.Invalid, e.Diagnostic.Kind);
        return e.Diagnostic;
    }

    private static void AssertInvalid(Module m, string message) => Assert.Equal(message, Invalid(m).Message);

    [Fact]
    public void AcceptsArithmetic() =>
        Validator.Validate(Func([I32, I32], [I32], I(Op.LocalGet, 0), I(Op.LocalGet, 1), I(Op.I32Add)));

    [Fact]
    public void OperandOfWrongTypeIsTypeMismatch()
    {
        var d = Invalid(Func([], [I32], Instr.I32Const(1), Instr.I64Const(2), I(Op.I32Add)));
        Assert.Equal("type mismatch", d.Message);
        Assert.Equal("func 0, instruction 2 (i32.add)", d.Where);
        Assert.Equal("t.wasm", d.Location.File);
    }

    [Fact]
    public void LeftoverValueAtEndIsTypeMismatch() => AssertInvalid(Func(Instr.I32Const(1)), "type mismatch");

    [Fact]
    public void UnreachableMakesTheStackPolymorphic() =>
        Validator.Validate(Func([], [I64], I(Op.Unreachable), I(Op.I32Add), I(Op.Drop), I(Op.Select)));

    [Fact]
    public void UnreachableStillChecksKnownOperands() =>
        AssertInvalid(Func([], [I32], I(Op.Unreachable), Instr.I64Const(0), I(Op.I32Add)), "type mismatch");

    [Fact]
    public void UntypedSelectRejectsReferences() =>
        AssertInvalid(Func(new Instr(Op.RefNull) { Types = [ValType.FuncRef] }, new Instr(Op.RefNull) { Types = [ValType.FuncRef] },
            Instr.I32Const(1), I(Op.Select), I(Op.Drop)), "type mismatch");

    [Fact]
    public void TypedSelectNeedsOneType() =>
        AssertInvalid(Func(Instr.I32Const(1), Instr.I32Const(1), Instr.I32Const(1), new Instr(Op.SelectT) { Types = [] }), "invalid result arity");

    [Fact]
    public void UnknownIndicesNameTheIndex()
    {
        AssertInvalid(Func(I(Op.LocalGet, 2), I(Op.Drop)), "unknown local 2");
        AssertInvalid(Func(I(Op.GlobalGet, 0), I(Op.Drop)), "unknown global 0");
        AssertInvalid(Func(I(Op.Call, 7)), "unknown function 7");
        AssertInvalid(Func(I(Op.Br, 1)), "unknown label 1");
        AssertInvalid(Func(I(Op.ElemDrop, 4)), "unknown elem segment 4");
        AssertInvalid(Func(I(Op.DataDrop, 1)), "unknown data segment 1");
        AssertInvalid(Func(I(Op.TableSize, 0), I(Op.Drop)), "unknown table 0");
        AssertInvalid(Func(I(Op.MemorySize, 0), I(Op.Drop)), "unknown memory 0");
    }

    [Fact]
    public void MemoryInitChecksTheMemoryBeforeTheSegment() =>
        AssertInvalid(Func(Instr.I32Const(0), Instr.I32Const(0), Instr.I32Const(0), new Instr(Op.MemoryInit) { Index = 1, Index2 = 0 }),
            "unknown memory 0");

    [Fact]
    public void MemoryCopyBetweenMemories()
    {
        var m = Func(Instr.I32Const(0), Instr.I32Const(0), Instr.I32Const(0), new Instr(Op.MemoryCopy) { Index = 1, Index2 = 0 });
        m.Memories.Add(new MemoryType(new Limits(1, null)));
        AssertInvalid(m, "unknown memory 1");
        m.Memories.Add(new MemoryType(new Limits(1, null), 0));
        Validator.Validate(m);
    }

    [Fact]
    public void ImmutableGlobalCannotBeSet()
    {
        var m = Func(Instr.I32Const(1), I(Op.GlobalSet, 0));
        m.Globals.Add(new Global(new GlobalType(I32, false), [Instr.I32Const(0), Instr.End()]));
        AssertInvalid(m, "immutable global");
    }

    [Fact]
    public void BrTableTargetsMustAgreeOnArity()
    {
        var block = new Instr(Op.Block) { Block = BlockType.Of(I32) };
        var m = Func(block, Instr.I32Const(0), Instr.I32Const(0), new Instr(Op.BrTable) { Labels = [0], Index = 1 }, Instr.End(), I(Op.Drop));
        AssertInvalid(m, "type mismatch");
    }

    [Fact]
    public void IfWithoutElseMustPassItsParametersThrough()
    {
        var m = Func([], [I32], Instr.I32Const(0), new Instr(Op.If) { Block = BlockType.Of(I32) }, Instr.I32Const(1), Instr.End());
        AssertInvalid(m, "type mismatch");
    }

    [Fact]
    public void AlignmentIsBoundedByTheNaturalOne()
    {
        var m = Func(Instr.I32Const(0), new Instr(Op.I32Load) { Align = 3 }, I(Op.Drop));
        m.Memories.Add(new MemoryType(new Limits(1, null)));
        AssertInvalid(m, "alignment must not be larger than natural");
    }

    [Fact]
    public void RefFuncInABodyNeedsADeclaration()
    {
        var m = Func(I(Op.RefFunc, 0), I(Op.Drop));
        AssertInvalid(m, "undeclared function reference");
        m.Exports.Add(new Export("f", ExternKind.Func, 0));
        Validator.Validate(m);
    }

    [Fact]
    public void ConstantExpressions()
    {
        var m = new Module();
        m.Imports.Add(new Import("m", "g", ExternKind.Global) { Global = new GlobalType(I32, true) });
        m.Globals.Add(new Global(new GlobalType(I32, false), [Instr.I32Const(1), Instr.I32Const(2), I(Op.I32Mul), Instr.End()]));
        m.Globals.Add(new Global(new GlobalType(I32, false), [I(Op.GlobalGet, 1), Instr.End()]));
        Validator.Validate(m);

        m.Globals.Add(new Global(new GlobalType(I32, false), [I(Op.GlobalGet, 0), Instr.End()]));
        AssertInvalid(m, "constant expression required"); // mutable
        m.Globals[^1] = new Global(new GlobalType(I32, false), [I(Op.GlobalGet, 4), Instr.End()]);
        AssertInvalid(m, "unknown global 4"); // only earlier globals are visible
        m.Globals[^1] = new Global(new GlobalType(I32, false), [Instr.I32Const(0), I(Op.I32Eqz), Instr.End()]);
        AssertInvalid(m, "constant expression required");
        m.Globals[^1] = new Global(new GlobalType(I32, false), [Instr.End()]);
        AssertInvalid(m, "type mismatch");
    }

    [Fact]
    public void MemoryLimits()
    {
        var m = new Module();
        m.Memories.Add(new MemoryType(new Limits(65537, null)));
        Assert.StartsWith("memory size must be at most", Invalid(m).Message);
        m.Memories[0] = new MemoryType(new Limits(65536, 65536));
        Validator.Validate(m);
        m.Memories[0] = new MemoryType(new Limits(uint.MaxValue, null), 0);
        Validator.Validate(m);
        m.Memories[0] = new MemoryType(new Limits(1UL << 32, null), 0);
        Assert.StartsWith("memory size must be at most", Invalid(m).Message);
        m.Memories[0] = new MemoryType(new Limits(0, null), 1);
        AssertInvalid(m, "invalid custom page size");
        m.Memories[0] = new MemoryType(new Limits(2, 1));
        AssertInvalid(m, "size minimum must not be greater than maximum");
    }

    [Fact]
    public void TableLimits()
    {
        var m = new Module();
        m.Tables.Add(new TableType(ValType.FuncRef, new Limits(1UL << 32, null)));
        Assert.StartsWith("table size", Invalid(m).Message);
        m.Tables[0] = new TableType(ValType.FuncRef, new Limits(uint.MaxValue, 0));
        AssertInvalid(m, "size minimum must not be greater than maximum");
    }

    [Fact]
    public void ExportsAndStart()
    {
        var m = Func([I32], []);
        m.Exports.Add(new Export("a", ExternKind.Func, 0));
        m.Exports.Add(new Export("a", ExternKind.Func, 0));
        AssertInvalid(m, "duplicate export name");
        m.Exports.RemoveAt(1);
        m.Start = 0;
        AssertInvalid(m, "start function");
    }

    [Fact]
    public void ActiveElementSegmentMustMatchItsTable()
    {
        var m = new Module();
        m.Tables.Add(new TableType(ValType.ExternRef, new Limits(1, null)));
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Active, Offset = [Instr.I32Const(0), Instr.End()], FuncIndices = [] });
        AssertInvalid(m, "type mismatch");
    }

    [Fact]
    public void LoopLabelsTakeTheLoopParameters()
    {
        // (loop (param i32) (result i64) ... br 0) branches back with an i32, not the i64 result.
        var m = Func([], [I64], Instr.I32Const(0), new Instr(Op.Loop) { Block = BlockType.Indexed(1) }, I(Op.Br, 0), Instr.End());
        m.Types.Add(new FuncType([I32], [I64]));
        Validator.Validate(m);
        m.Codes[0].Body[2] = Instr.I64Const(0);
        m.Codes[0].Body.Insert(3, I(Op.Br, 0));
        AssertInvalid(m, "type mismatch");
    }

    [Fact]
    public void BrTableInUnreachableCodeAcceptsAnyOperands()
    {
        var outer = new Instr(Op.Block) { Block = BlockType.Of(I32) };
        var inner = new Instr(Op.Block) { Block = BlockType.Of(I32) };
        var m = Func([], [I32], outer, inner, I(Op.Unreachable), new Instr(Op.BrTable) { Labels = [0], Index = 1 }, Instr.End(), Instr.End());
        Validator.Validate(m);
    }

    [Fact]
    public void RefFuncInAGlobalDeclaresTheFunction()
    {
        var m = Func(I(Op.RefFunc, 0), I(Op.Drop));
        m.Globals.Add(new Global(new GlobalType(ValType.FuncRef, false), [I(Op.RefFunc, 0), Instr.End()]));
        Validator.Validate(m);
        m.Globals[0] = new Global(new GlobalType(ValType.FuncRef, false), [I(Op.RefFunc, 5), Instr.End()]);
        AssertInvalid(m, "unknown function 5");
    }

    [Fact]
    public void CallIndirectNeedsAFuncrefTable()
    {
        var m = Func(Instr.I32Const(0), new Instr(Op.CallIndirect) { Index = 0, Index2 = 0 });
        m.Tables.Add(new TableType(ValType.ExternRef, new Limits(1, null)));
        AssertInvalid(m, "type mismatch");
        m.Tables[0] = new TableType(ValType.FuncRef, new Limits(1, null));
        Validator.Validate(m);
    }

    [Fact]
    public void ModuleItemsNameWhereTheyFail()
    {
        var m = new Module();
        m.Datas.Add(new DataSegment { Mode = SegmentMode.Active, Memory = 1, Offset = [Instr.I32Const(0), Instr.End()] });
        var d = Invalid(m);
        Assert.Equal(("unknown memory 1", "data segment 0"), (d.Message, d.Where));
        m.Datas.Clear();
        m.Exports.Add(new Export("g", ExternKind.Global, 0));
        d = Invalid(m);
        Assert.Equal(("unknown global 0", "export \"g\""), (d.Message, d.Where));
        m.Exports.Clear();
        m.Start = 0;
        d = Invalid(m);
        Assert.Equal(("unknown function 0", "start"), (d.Message, d.Where));
    }

    [Fact]
    public void DeepNestingDoesNotOverflowTheStack()
    {
        const int depth = 200_000;
        var body = new List<Instr>();
        for (var i = 0; i < depth; i++) body.Add(new Instr(Op.Block) { Block = BlockType.Empty });
        for (var i = 0; i < depth; i++) body.Add(Instr.End());
        Validator.Validate(Func(body.ToArray()));
    }

    [Fact]
    public void MalformedModelsAreReportedNotCrashed()
    {
        AssertInvalid(Func(new Instr(Op.BrTable)), "type mismatch"); // no Labels, empty stack
        Invalid(Func(new Instr((Op)0x06)));
        Invalid(Func(new Instr(Op.Else)));
        var noEnd = Func();
        noEnd.Codes[0].Body.Clear();
        Invalid(noEnd);
    }
}
