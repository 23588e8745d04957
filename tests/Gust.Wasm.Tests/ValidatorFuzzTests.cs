using CsCheck;
using Gust.Wasm.Validation;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>Random instruction sequences, in-scope or not, well-nested or not: the validator answers or reports, never crashes.</summary>
public class ValidatorFuzzTests
{
    private static readonly ValType[] AnyTypes = [ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.FuncRef, ValType.ExternRef, (ValType)0x55];

    private static readonly Gen<ValType> GenType = Gen.Int[0, AnyTypes.Length - 1].Select(i => AnyTypes[i]);

    private static readonly Gen<BlockType> GenBlock = Gen.Int[0, 2].SelectMany(k => k switch
    {
        0 => Gen.Const(BlockType.Empty),
        1 => GenType.Select(BlockType.Of),
        _ => Gen.UInt[0, 3].Select(BlockType.Indexed),
    });

    private static readonly Gen<Instr> GenInstr =
        from op in Gen.Frequency((9, Gen.Int[0, OpTable.All.Count - 1].Select(i => OpTable.All[i].Op)), (1, Gen.UShort.Select(u => (Op)u)))
        from index in Gen.Frequency((9, Gen.UInt[0, 3]), (1, Gen.UInt))
        from index2 in Gen.UInt[0, 3]
        from align in Gen.UInt[0, 4]
        from value in Gen.ULong
        from block in GenBlock
        from labels in Gen.UInt[0, 3].Array[0, 3]
        from types in GenType.Array[0, 2]
        select new Instr(op) { Index = index, Index2 = index2, Align = align, Value = value, Block = block, Labels = labels, Types = types };

    private static Module ModuleWith(List<Instr> body)
    {
        var m = new Module();
        m.Types.Add(new FuncType([ValType.I32], [ValType.I32]));
        m.Types.Add(new FuncType([], []));
        m.Funcs.Add(0);
        m.Tables.Add(new TableType(ValType.FuncRef, new Limits(1, null)));
        m.Memories.Add(new MemoryType(new Limits(1, 2)));
        m.Globals.Add(new Global(new GlobalType(ValType.I64, true), [Instr.I64Const(0), Instr.End()]));
        m.Elems.Add(new ElemSegment { Mode = SegmentMode.Declarative, FuncIndices = [0] });
        m.Datas.Add(new DataSegment { Mode = SegmentMode.Passive });
        var code = new Code();
        code.Locals.Add(new LocalGroup(2, ValType.F32));
        code.Body.AddRange(body);
        m.Codes.Add(code);
        return m;
    }

    [Fact]
    public void RandomBodiesGiveDiagnosticsOnly()
    {
        GenInstr.List[0, 30].Sample(body =>
        {
            var m = ModuleWith(body);
            try { Validator.Validate(m); }
            catch (WasmException e) { Assert.Equal(DiagnosticKind.Invalid, e.Diagnostic.Kind); }
        }, iter: 20_000);
    }
}
