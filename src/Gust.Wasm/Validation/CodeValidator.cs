namespace Gust.Wasm.Validation;

/// <summary>
/// Type-checks instruction sequences — function bodies and constant expressions — with the operand and
/// control stacks of the spec's validation algorithm (appendix 7.3): an unreachable frame makes its part of
/// the operand stack polymorphic, so pops there yield <see cref="Unknown"/>. Iterative, so nesting depth is
/// bounded only by memory. One instance is reused for every sequence of a module to keep allocation flat.
/// </summary>
internal sealed class CodeValidator
{
    /// <summary>The appendix's "Unknown": a value of any type, popped from the polymorphic stack.</summary>
    private const ValType Unknown = 0;

    private struct Frame
    {
        public Op Opcode;
        public ValType[] StartTypes;
        public ValType[] EndTypes;
        public int Height;
        public bool Unreachable;

        public readonly ValType[] LabelTypes => Opcode == Op.Loop ? StartTypes : EndTypes;
    }

    private readonly ModuleContext c;
    private readonly List<ValType> vals = new();
    private readonly List<Frame> ctrls = new();
    private readonly List<ValType> scratch = new();

    // The sequence being checked.
    private LocalTypes locals;
    private bool constant;
    private int visibleGlobals;
    private Site subject;
    private InstrPositions? positions;
    private int position;
    private Instr? current;

    /// <summary><see cref="Here"/> as a delegate made once, for the context's lookups.</summary>
    private readonly Func<Site> at;

    public CodeValidator(ModuleContext context)
    {
        c = context;
        at = () => Here;
    }

    /// <summary>Validates the body of function <paramref name="funcIndex"/> (spec 3.4.1).</summary>
    public void ValidateFunction(uint funcIndex, FuncType type, Code code)
    {
        subject = c.At($"func {funcIndex}", code.At);
        positions = Matching(code.Positions, code.Body);
        current = null;
        position = 0;
        foreach (var g in code.Locals) CheckValType(g.Type);
        locals = new LocalTypes(type.Params, code.Locals);
        constant = false;
        visibleGlobals = c.Globals.Length;
        Run(code.Body, type.Results);
    }

    /// <summary>
    /// Validates a constant expression of type <paramref name="expected"/> (spec 3.3.10, with extended-const's
    /// add/sub/mul). Only the first <paramref name="visibleGlobals"/> globals may be read: a global's initializer
    /// sees the globals before it.
    /// </summary>
    public void ValidateConst(List<Instr>? expr, InstrPositions? positions, ValType expected, int visibleGlobals, Site where)
    {
        subject = where;
        this.positions = Matching(positions, expr);
        locals = default;
        constant = true;
        this.visibleGlobals = visibleGlobals;
        Run(expr ?? throw c.Fail("missing constant expression", where), [expected]);
    }

    /// <summary>A position table is used only while it lines up with its instructions: a module edited after reading may not.</summary>
    private static InstrPositions? Matching(InstrPositions? positions, List<Instr>? instrs) =>
        positions is not null && positions.Count == instrs?.Count ? positions : null;

    private void Run(List<Instr> body, ValType[] results)
    {
        vals.Clear();
        ctrls.Clear();
        PushCtrl(Op.Block, [], results);
        current = null;
        for (position = 0; position < body.Count; position++)
        {
            current = body[position] ?? throw Fail("missing instruction");
            if (ctrls.Count == 0) throw Fail("instructions after the final end");
            if (constant && !IsConstant(current.Op)) throw Fail("constant expression required");
            Step(current);
        }
        current = null;
        if (ctrls.Count != 0) throw Fail("expression must end with end");
    }

    private static bool IsConstant(Op op) => op is Op.I32Const or Op.I64Const or Op.F32Const or Op.F64Const
        or Op.RefNull or Op.RefFunc or Op.GlobalGet or Op.End
        or Op.I32Add or Op.I32Sub or Op.I32Mul or Op.I64Add or Op.I64Sub or Op.I64Mul;

    private void Step(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.Unreachable: Unreachable(); break;
            case Op.Nop: break;
            case Op.Block:
            case Op.Loop:
            {
                var (start, end) = BlockSignature(instr.Block);
                PopVals(start);
                PushCtrl(instr.Op, start, end);
                break;
            }
            case Op.If:
            {
                var (start, end) = BlockSignature(instr.Block);
                Pop(ValType.I32);
                PopVals(start);
                PushCtrl(Op.If, start, end);
                break;
            }
            case Op.Else:
            {
                if (ctrls[^1].Opcode != Op.If) throw Fail("else without if");
                var frame = PopCtrl();
                PushCtrl(Op.Else, frame.StartTypes, frame.EndTypes);
                break;
            }
            case Op.End:
            {
                var frame = PopCtrl();
                // An if without else behaves as if its else passed the block's parameters through.
                if (frame.Opcode == Op.If && !frame.StartTypes.AsSpan().SequenceEqual(frame.EndTypes)) throw Fail("type mismatch");
                PushVals(frame.EndTypes);
                break;
            }
            case Op.Br:
                PopVals(Label(instr.Index).LabelTypes);
                Unreachable();
                break;
            case Op.BrIf:
            {
                var types = Label(instr.Index).LabelTypes;
                Pop(ValType.I32);
                PopVals(types);
                PushVals(types);
                break;
            }
            case Op.BrTable: BrTable(instr); break;
            case Op.Return:
                PopVals(ctrls[0].EndTypes);
                Unreachable();
                break;
            case Op.Call:
            {
                var type = c.Func(instr.Index, at);
                PopVals(type.Params);
                PushVals(type.Results);
                break;
            }
            case Op.CallIndirect:
            {
                if (c.Table(instr.Index2, at).ElemType != ValType.FuncRef) throw Fail("type mismatch");
                var type = c.TypeAt(instr.Index, at);
                Pop(ValType.I32);
                PopVals(type.Params);
                PushVals(type.Results);
                break;
            }
            case Op.Drop: Pop(); break;
            case Op.Select: Select(); break;
            case Op.SelectT:
            {
                if (instr.Types is not { Length: 1 }) throw Fail("invalid result arity");
                var t = CheckValType(instr.Types[0]);
                Pop(ValType.I32);
                Pop(t);
                Pop(t);
                Push(t);
                break;
            }
            case Op.LocalGet: Push(Local(instr.Index)); break;
            case Op.LocalSet: Pop(Local(instr.Index)); break;
            case Op.LocalTee:
            {
                var t = Local(instr.Index);
                Pop(t);
                Push(t);
                break;
            }
            case Op.GlobalGet:
            {
                if (instr.Index >= visibleGlobals) throw Fail($"unknown global {instr.Index}");
                var g = c.Globals[instr.Index];
                if (constant && g.Mutable) throw Fail("constant expression required");
                Push(g.Type);
                break;
            }
            case Op.GlobalSet:
            {
                if (instr.Index >= visibleGlobals) throw Fail($"unknown global {instr.Index}");
                var g = c.Globals[instr.Index];
                if (!g.Mutable) throw Fail("immutable global");
                Pop(g.Type);
                break;
            }
            case Op.TableGet:
            {
                var t = c.Table(instr.Index, at).ElemType;
                Pop(ValType.I32);
                Push(t);
                break;
            }
            case Op.TableSet:
            {
                var t = c.Table(instr.Index, at).ElemType;
                Pop(t);
                Pop(ValType.I32);
                break;
            }
            case Op.TableSize:
                c.Table(instr.Index, at);
                Push(ValType.I32);
                break;
            case Op.TableGrow:
            {
                var t = c.Table(instr.Index, at).ElemType;
                Pop(ValType.I32);
                Pop(t);
                Push(ValType.I32);
                break;
            }
            case Op.TableFill:
            {
                var t = c.Table(instr.Index, at).ElemType;
                Pop(ValType.I32);
                Pop(t);
                Pop(ValType.I32);
                break;
            }
            case Op.TableCopy:
            {
                var dst = c.Table(instr.Index, at).ElemType;
                var src = c.Table(instr.Index2, at).ElemType;
                if (dst != src) throw Fail("type mismatch");
                PopI32s(3);
                break;
            }
            case Op.TableInit:
            {
                var table = c.Table(instr.Index2, at).ElemType;
                if (c.Elem(instr.Index, at) != table) throw Fail("type mismatch");
                PopI32s(3);
                break;
            }
            case Op.ElemDrop: c.Elem(instr.Index, at); break;
            case Op.MemorySize:
                c.Memory(instr.Index, at);
                Push(ValType.I32);
                break;
            case Op.MemoryGrow:
                c.Memory(instr.Index, at);
                Pop(ValType.I32);
                Push(ValType.I32);
                break;
            case Op.MemoryFill:
                c.Memory(instr.Index, at);
                PopI32s(3);
                break;
            case Op.MemoryCopy:
                c.Memory(instr.Index, at);
                c.Memory(instr.Index2, at);
                PopI32s(3);
                break;
            case Op.MemoryInit:
                c.Memory(instr.Index2, at);
                c.Data(instr.Index, at);
                PopI32s(3);
                break;
            case Op.DataDrop: c.Data(instr.Index, at); break;
            case Op.RefNull:
            {
                if (instr.Types is not { Length: 1 } || !instr.Types[0].IsRef()) throw Fail("type mismatch");
                Push(instr.Types[0]);
                break;
            }
            case Op.RefIsNull:
            {
                var t = Pop();
                if (t != Unknown && !t.IsRef()) throw Fail("type mismatch");
                Push(ValType.I32);
                break;
            }
            case Op.RefFunc:
                c.Func(instr.Index, at);
                if (!constant && !c.Refs.Contains(instr.Index)) throw Fail("undeclared function reference");
                Push(ValType.FuncRef);
                break;
            default: Plain(instr); break;
        }
    }

    /// <summary>The opcode table's signatures, parsed once.</summary>
    private static readonly Dictionary<Op, (ValType[] Operands, ValType[] Results)> PlainSignatures =
        OpTable.All.Where(i => i.Signature is not null).ToDictionary(i => i.Op, i => (i.Operands, i.Results));

    /// <summary>Loads, stores and numeric instructions: typed by the opcode table's signature.</summary>
    private void Plain(Instr instr)
    {
        if (!OpTable.TryGet(instr.Op, out var info) || info.Signature is null) throw Fail("unknown instruction");
        if (info.Imm == Imm.MemArg)
        {
            c.Memory(instr.Index, at);
            if (instr.Align > info.NaturalAlign) throw Fail("alignment must not be larger than natural");
            if (instr.Value > uint.MaxValue) throw Fail("offset out of range");
        }
        var (operands, results) = PlainSignatures[info.Op];
        PopVals(operands);
        PushVals(results);
    }

    private void BrTable(Instr instr)
    {
        Pop(ValType.I32);
        var labels = instr.Labels ?? [];
        var arity = Label(instr.Index).LabelTypes.Length;
        foreach (var n in labels)
        {
            var types = Label(n).LabelTypes;
            if (types.Length != arity) throw Fail("type mismatch");
            // Pop then push back what was popped, so each target sees the same stack.
            PopVals(types, scratch);
            for (var i = scratch.Count - 1; i >= 0; i--) Push(scratch[i]);
        }
        PopVals(Label(instr.Index).LabelTypes);
        Unreachable();
    }

    private void Select()
    {
        Pop(ValType.I32);
        var t1 = Pop();
        var t2 = Pop();
        if (!IsNumOrUnknown(t1) || !IsNumOrUnknown(t2)) throw Fail("type mismatch");
        if (t1 != t2 && t1 != Unknown && t2 != Unknown) throw Fail("type mismatch");
        Push(t1 == Unknown ? t2 : t1);
    }

    private static bool IsNumOrUnknown(ValType t) => t == Unknown || t.IsNum();

    private (ValType[] Start, ValType[] End) BlockSignature(BlockType bt)
    {
        switch (bt.Kind)
        {
            case BlockTypeKind.Empty: return ([], []);
            case BlockTypeKind.Value: return ([], [CheckValType(bt.Value)]);
            case BlockTypeKind.TypeIndex:
                var ft = c.TypeAt(bt.TypeIndex, at);
                return (ft.Params, ft.Results);
            default: throw Fail("invalid block type");
        }
    }

    private ref Frame Label(uint depth)
    {
        if (depth >= ctrls.Count) throw Fail($"unknown label {depth}");
        return ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ctrls)[ctrls.Count - 1 - (int)depth];
    }

    private ValType Local(uint index) => locals.TypeOf(index) ?? throw Fail($"unknown local {index}");

    private ValType CheckValType(ValType t) => ValTypes.IsDefined((byte)t) ? t : throw Fail("invalid value type");

    // The appendix's stack operations.

    private void Push(ValType t) => vals.Add(t);

    private void PushVals(ValType[] types)
    {
        foreach (var t in types) vals.Add(t);
    }

    private ValType Pop()
    {
        var frame = ctrls[^1];
        if (vals.Count == frame.Height)
        {
            if (frame.Unreachable) return Unknown;
            throw Fail("type mismatch");
        }
        var t = vals[^1];
        vals.RemoveAt(vals.Count - 1);
        return t;
    }

    private ValType Pop(ValType expect)
    {
        var actual = Pop();
        if (actual != expect && actual != Unknown && expect != Unknown) throw Fail("type mismatch");
        return actual;
    }

    private void PopI32s(int n)
    {
        for (var i = 0; i < n; i++) Pop(ValType.I32);
    }

    private void PopVals(ValType[] types)
    {
        for (var i = types.Length - 1; i >= 0; i--) Pop(types[i]);
    }

    /// <summary>Pops <paramref name="types"/> into <paramref name="popped"/>, top of stack first.</summary>
    private void PopVals(ValType[] types, List<ValType> popped)
    {
        popped.Clear();
        for (var i = types.Length - 1; i >= 0; i--) popped.Add(Pop(types[i]));
    }

    private void PushCtrl(Op opcode, ValType[] start, ValType[] end)
    {
        ctrls.Add(new Frame { Opcode = opcode, StartTypes = start, EndTypes = end, Height = vals.Count });
        PushVals(start);
    }

    private Frame PopCtrl()
    {
        var frame = ctrls[^1];
        PopVals(frame.EndTypes);
        if (vals.Count != frame.Height) throw Fail("type mismatch");
        ctrls.RemoveAt(ctrls.Count - 1);
        return frame;
    }

    private void Unreachable()
    {
        ref var frame = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ctrls)[^1];
        vals.RemoveRange(frame.Height, vals.Count - frame.Height);
        frame.Unreachable = true;
    }

    /// <summary>
    /// The instruction being checked (or, past the end, the last one), placed where the source has it;
    /// the item's own place when the module keeps no positions for it.
    /// </summary>
    private Site Here
    {
        get
        {
            if (current is null && position == 0) return subject;
            var where = current is null ? $"{subject.Where}, after instruction {position - 1}"
                : $"{subject.Where}, instruction {position} ({(OpTable.TryGet(current.Op, out var info) ? info.Name : $"opcode 0x{(ushort)current.Op:x}")})";
            var index = current is null ? position - 1 : position;
            var location = positions is not null && index >= 0 ? positions[index].In(c.File) : subject.Location;
            return new Site(where, location);
        }
    }

    private WasmException Fail(string message) => c.Fail(message, Here);
}
