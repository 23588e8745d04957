using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>Structured control flow (spec 4.4.8): block, loop, if, br*, return, unreachable.</summary>
internal sealed partial class FunctionLowerer
{
    private bool LowerControl(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.Block:
            case Op.Loop:
            case Op.If:
                OpenFrame(instr);
                return true;
            case Op.Else:
                LowerElse();
                return true;
            case Op.End:
                CloseFrame();
                return true;
            case Op.Br:
                Branch(Label(instr.Index));
                MarkUnreachable();
                return true;
            case Op.BrIf:
                BranchIf(instr.Index);
                return true;
            case Op.BrTable:
                BranchTable(instr);
                MarkUnreachable();
                return true;
            case Op.Return:
                Return();
                MarkUnreachable();
                return true;
            case Op.Unreachable:
                _w.Terminate($"br label %{TrapLabel(TrapKind.Unreachable)}");
                MarkUnreachable();
                return true;
            default:
                return false;
        }
    }

    private (ValType[] Params, ValType[] Results) BlockSignature(BlockType bt) => bt.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [bt.Value]),
        _ => (_m.Module.Types[(int)bt.TypeIndex].Params, _m.Module.Types[(int)bt.TypeIndex].Results),
    };

    private void OpenFrame(Instr instr)
    {
        var (ps, rs) = BlockSignature(instr.Block);
        var kind = instr.Op switch { Op.Loop => FrameKind.Loop, Op.If => FrameKind.If, _ => FrameKind.Block };
        if (Top.Unreachable)
        {
            _frames.Add(new Frame { Kind = kind, Params = ps, Results = rs, Height = _stack.Count, Dead = true, Unreachable = true });
            return;
        }
        string? cond = kind == FrameKind.If ? _w.Value($"icmp ne i32 {Pop().Value}, 0") : null;
        var height = _stack.Count - ps.Length;
        var assigned = _assigned[instr];
        switch (kind)
        {
            case FrameKind.Block:
                _frames.Add(new Frame { Kind = kind, Params = ps, Results = rs, Height = height, Target = _w.NewLabel("block_end"), Slots = Slots(rs), Assigned = assigned });
                break;
            case FrameKind.Loop:
            {
                var frame = new Frame { Kind = kind, Params = ps, Results = rs, Height = height, Target = _w.NewLabel("loop"), Slots = Slots(ps), Assigned = assigned };
                StoreSlots(frame.Slots, PopTop(ps.Length));
                _w.Terminate($"br label %{frame.Target}");
                _w.Label(frame.Target);
                Renumber(assigned);
                LoadSlots(frame.Slots, ps);
                _frames.Add(frame);
                break;
            }
            case FrameKind.If:
            {
                var frame = new Frame
                {
                    Kind = kind, Params = ps, Results = rs, Height = height, Target = _w.NewLabel("if_end"), Slots = Slots(rs),
                    ElseLabel = _w.NewLabel("else"), IfParams = PeekTop(ps.Length),
                    Assigned = assigned, NumbersAtEntry = (int[])_localNumbers.Clone(),
                };
                var then = _w.NewLabel("then");
                _w.Terminate($"br i1 {cond}, label %{then}, label %{frame.ElseLabel}");
                _w.Label(then);
                _frames.Add(frame);
                break;
            }
        }
    }

    private void LowerElse()
    {
        var frame = Top;
        frame.SeenElse = true;
        if (frame.Dead) return;
        if (!frame.Unreachable) Branch(frame);
        Truncate(frame.Height);
        _stack.AddRange(frame.IfParams);
        _w.Label(frame.ElseLabel);
        frame.Unreachable = false;
        frame.Checked.Clear();
        frame.NumbersAtEntry.CopyTo(_localNumbers, 0);
    }

    private void CloseFrame()
    {
        var frame = Top;
        if (frame.Dead)
        {
            _frames.RemoveAt(_frames.Count - 1);
            return;
        }
        switch (frame.Kind)
        {
            case FrameKind.Function:
                if (!frame.Unreachable) Return();
                _frames.RemoveAt(_frames.Count - 1);
                return;
            case FrameKind.Loop:
                // A loop's end is reached only by falling through; its results are already on the stack.
                _frames.RemoveAt(_frames.Count - 1);
                if (frame.Unreachable) Truncate(frame.Height);
                Top.Unreachable = frame.Unreachable;
                KeepAfterLoop(frame);
                return;
            default:
                if (!frame.Unreachable) Branch(frame);
                if (frame.Kind == FrameKind.If && !frame.SeenElse)
                {
                    // No else: the parameters pass through as the results (validation requires equal types).
                    Truncate(frame.Height);
                    _stack.AddRange(frame.IfParams);
                    _w.Label(frame.ElseLabel);
                    Branch(frame);
                }
                _frames.RemoveAt(_frames.Count - 1);
                Truncate(frame.Height);
                Renumber(frame.Assigned);
                if (frame.EndReached)
                {
                    _w.Label(frame.Target);
                    LoadSlots(frame.Slots, frame.Results);
                }
                Top.Unreachable = !frame.EndReached;
                return;
        }
    }

    private Frame Label(uint depth) => _frames[_frames.Count - 1 - (int)depth];

    /// <summary>Branches to a frame, passing the top operands as its branch values (they stay on the stack).</summary>
    private void Branch(Frame target)
    {
        if (target.Kind == FrameKind.Function)
        {
            Return();
            return;
        }
        StoreSlots(target.Slots, PeekTop(target.BranchTypes.Length));
        if (target.Kind != FrameKind.Loop) target.EndReached = true;
        _w.Terminate($"br label %{target.Target}");
    }

    private void BranchIf(uint depth)
    {
        var cond = _w.Value($"icmp ne i32 {Pop().Value}, 0");
        var cont = _w.NewLabel("br_if_cont");
        var target = Label(depth);
        if (target.Kind != FrameKind.Function && target.BranchTypes.Length == 0)
        {
            if (target.Kind != FrameKind.Loop) target.EndReached = true;
            _w.Terminate($"br i1 {cond}, label %{target.Target}, label %{cont}");
        }
        else
        {
            var taken = _w.NewLabel("br_if_taken");
            _w.Terminate($"br i1 {cond}, label %{taken}, label %{cont}");
            _w.Label(taken);
            Branch(target);
        }
        _w.Label(cont);
    }

    private void BranchTable(Instr instr)
    {
        var index = Pop();
        // One landing block per distinct depth: it stores that label's branch values and jumps.
        var landings = new Dictionary<uint, string>();
        string LandingFor(uint depth)
        {
            if (!landings.TryGetValue(depth, out var l)) landings[depth] = l = _w.NewLabel("br_table_to");
            return l;
        }
        var cases = instr.Labels!.Select((depth, i) => $"i32 {i}, label %{LandingFor(depth)}").ToList();
        var fallback = LandingFor(instr.Index);
        _w.Terminate($"switch i32 {index.Value}, label %{fallback} [ {string.Join(" ", cases)} ]");
        foreach (var (depth, landing) in landings)
        {
            _w.Label(landing);
            Branch(Label(depth));
        }
    }

    private void Return()
    {
        var results = PeekTop(_type.Results.Length);
        switch (results.Length)
        {
            case 0:
                _w.Terminate("ret void");
                break;
            case 1:
                _w.Terminate($"ret {results[0].Typed}");
                break;
            default:
            {
                var type = LlvmTypes.Struct(_type.Results);
                var agg = "undef";
                for (var i = 0; i < results.Length; i++)
                    agg = _w.Value($"insertvalue {type} {agg}, {results[i].Typed}, {i}");
                _w.Terminate($"ret {type} {agg}");
                break;
            }
        }
    }

    /// <summary>After br, return or unreachable the operand stack is polymorphic; nothing more is lowered until else or end.</summary>
    private void MarkUnreachable()
    {
        Truncate(Top.Height);
        Top.Unreachable = true;
    }

    private void Truncate(int height)
    {
        if (_stack.Count > height) _stack.RemoveRange(height, _stack.Count - height);
    }

    private string[] Slots(ValType[] types) => types.Select(t => _w.Alloca(LlvmTypes.Of(t))).ToArray();

    private void StoreSlots(string[] slots, Operand[] values)
    {
        for (var i = 0; i < slots.Length; i++) _w.Emit($"store {values[i].Typed}, ptr {slots[i]}");
    }

    private void LoadSlots(string[] slots, ValType[] types)
    {
        for (var i = 0; i < slots.Length; i++) Push(types[i], _w.Value($"load {LlvmTypes.Of(types[i])}, ptr {slots[i]}"));
    }
}
