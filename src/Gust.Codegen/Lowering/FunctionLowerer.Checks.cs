using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Which bounds checks are redundant (issue 4: only those proven so are dropped). A passed check of
/// address a with reach r (static offset + width) proves a + r ≤ size, and a memory never shrinks, so
/// the proof holds wherever that check dominates, across calls and memory.grow alike. A check is
/// dropped when the address is a constant with a + r within the memory's minimum, or when a check
/// passed on every path to it covers it: one of the same base whose interval [a', a' + r') holds this
/// one's [a, a + r).
/// <para>
/// Values are identified by numbers (equal numbers, equal values) and written base + constant
/// (mod 2^32), so p, p + 4 and p + 8 − 4 share the base of p. Constants, a local's value between
/// assignments, and pure i32 operations on numbered values are numbered. A local gets a fresh number
/// wherever paths that may have assigned it differently meet: at a loop's start for the locals set
/// anywhere in the loop (the back edges bring theirs), at a block's or if's end for those set
/// anywhere inside it. An else branch starts again from the numbers the if started with.
/// </para>
/// <para>
/// Passed checks are kept in the frame of the construct they were made in: the code after a check
/// in its construct is what it dominates. They die at the construct's end or else, except a loop's,
/// whose end is reached only by falling through its body.
/// </para>
/// </summary>
internal sealed partial class FunctionLowerer
{
    private static readonly HashSet<Op> Commutative = [Op.I32Add, Op.I32Mul, Op.I32And, Op.I32Or, Op.I32Xor];

    /// <summary>The base of constants: constant k is <see cref="ConstantBase"/> + k.</summary>
    private const int ConstantBase = 0;

    private int[] _localNumbers = [];
    private int _nextNumber = ConstantBase + 1;
    private readonly Dictionary<int, (int Base, uint Offset)> _forms = new();
    private readonly Dictionary<(int Base, uint Offset), int> _formNumbers = new();
    private readonly Dictionary<(Op, int, int), int> _expressionNumbers = new();
    private readonly Dictionary<Instr, HashSet<uint>> _assigned = new();

    private int FreshNumber() => _nextNumber++;

    /// <summary>Numbers the locals on entry and finds, for each block, loop and if, the locals set anywhere inside it.</summary>
    private void StartNumbering()
    {
        _localNumbers = _locals.Select(_ => FreshNumber()).ToArray();
        var open = new Stack<HashSet<uint>>();
        foreach (var instr in _code.Body)
            switch (instr.Op)
            {
                case Op.Block or Op.Loop or Op.If:
                    open.Push(_assigned[instr] = []);
                    break;
                case Op.End when open.Count > 0:
                    var inner = open.Pop();
                    if (open.Count > 0) open.Peek().UnionWith(inner);
                    break;
                case Op.LocalSet or Op.LocalTee when open.Count > 0:
                    open.Peek().Add(instr.Index);
                    break;
            }
    }

    private void Renumber(IEnumerable<uint> locals)
    {
        foreach (var local in locals) _localNumbers[local] = FreshNumber();
    }

    /// <summary>A number as base + constant offset; a number without a recorded form is its own base.</summary>
    private (int Base, uint Offset) Form(int number) => _forms.TryGetValue(number, out var form) ? form : (number, 0);

    private int NumberOf((int Base, uint Offset) form)
    {
        if (form.Offset == 0 && form.Base != ConstantBase) return form.Base;
        if (!_formNumbers.TryGetValue(form, out var n))
        {
            _formNumbers[form] = n = FreshNumber();
            _forms[n] = form;
        }
        return n;
    }

    private int ConstantNumber(uint value) => NumberOf((ConstantBase, value));

    /// <summary>The number of a pure i32 operation's result, when both operands are numbered.</summary>
    private int? ExpressionNumber(Op op, Operand a, Operand b)
    {
        if (a.Type != ValType.I32 || a.Number is not { } x || b.Number is not { } y) return null;
        var (fx, fy) = (Form(x), Form(y));
        switch (op)
        {
            case Op.I32Add when fy.Base == ConstantBase:
                return NumberOf((fx.Base, fx.Offset + fy.Offset));
            case Op.I32Add when fx.Base == ConstantBase:
                return NumberOf((fy.Base, fy.Offset + fx.Offset));
            case Op.I32Sub when fy.Base == ConstantBase:
                return NumberOf((fx.Base, fx.Offset - fy.Offset));
        }
        if (Commutative.Contains(op) && y < x) (x, y) = (y, x);
        if (!_expressionNumbers.TryGetValue((op, x, y), out var n)) _expressionNumbers[(op, x, y)] = n = FreshNumber();
        return n;
    }

    /// <summary>Whether an access of <paramref name="reach"/> bytes at <paramref name="address"/> is known to be in bounds.</summary>
    private bool ProvenInBounds(MemoryLayout mem, Operand address, ulong reach)
    {
        if (address.Number is not { } n) return false;
        var (b, offset) = Form(n);
        if (b == ConstantBase && offset + reach <= mem.MinBytes) return true;
        // A passed check at base + c with reach R proves base + c + R ≤ size without wrapping, so
        // base + c + d for 0 ≤ d is the same address plus d, in bounds while d + reach ≤ R.
        foreach (var frame in _frames)
            if (frame.Checked.TryGetValue((mem.Index, b), out var passed)
                && passed.Any(p => (ulong)(offset - p.Offset) + reach <= p.Reach))
                return true;
        return false;
    }

    /// <summary>Notes a check just emitted: the code after it in the current construct need not repeat it.</summary>
    private void Passed(MemoryLayout mem, Operand address, ulong reach)
    {
        if (address.Number is not { } n) return;
        var (b, offset) = Form(n);
        Passed(Top, (mem.Index, b), (offset, reach));
    }

    private static void Passed(Frame frame, (int Memory, int Base) key, (uint Offset, ulong Reach) check)
    {
        if (!frame.Checked.TryGetValue(key, out var passed)) frame.Checked[key] = passed = [];
        passed.Add(check);
    }

    /// <summary>A loop's passed checks hold after it: its end is reached only from the end of its body.</summary>
    private void KeepAfterLoop(Frame loop)
    {
        foreach (var (key, passed) in loop.Checked)
            foreach (var check in passed)
                Passed(Top, key, check);
    }
}
