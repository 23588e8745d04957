using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Which bounds checks are redundant (issue 4: only those proven so are dropped). A passed check of
/// address a with reach r (static offset + width) proves a + r ≤ size, and a memory never shrinks, so
/// the proof holds wherever that check dominates, across calls and memory.grow alike. A check is
/// dropped when the address is a constant with a + r within the memory's minimum, or when a check of
/// the same address value with at least this reach was passed on every path to it.
/// <para>
/// "The same value" is by value number: equal numbers, equal values. Constants, a local's value
/// between assignments, and pure i32 operations on numbered values are numbered. A local gets a fresh
/// number wherever paths that may have assigned it differently meet: at a loop's start for the locals
/// set anywhere in the loop (the back edges bring theirs), at a block's or if's end for those set
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

    private int[] _localNumbers = [];
    private int _nextNumber;
    private readonly Dictionary<uint, int> _constantNumbers = new();
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

    private int ConstantNumber(uint value)
    {
        if (!_constantNumbers.TryGetValue(value, out var n)) _constantNumbers[value] = n = FreshNumber();
        return n;
    }

    /// <summary>The number of a pure i32 operation's result, when both operands are numbered.</summary>
    private int? ExpressionNumber(Op op, Operand a, Operand b)
    {
        if (a.Type != ValType.I32 || a.Number is not { } x || b.Number is not { } y) return null;
        if (Commutative.Contains(op) && y < x) (x, y) = (y, x);
        if (!_expressionNumbers.TryGetValue((op, x, y), out var n)) _expressionNumbers[(op, x, y)] = n = FreshNumber();
        return n;
    }

    /// <summary>Whether an access of <paramref name="reach"/> bytes at <paramref name="address"/> is known to be in bounds.</summary>
    private bool ProvenInBounds(MemoryLayout mem, Operand address, ulong reach)
    {
        if (address.I32Constant is { } a && a + reach <= mem.MinBytes) return true;
        return address.Number is { } n && _frames.Any(f => f.Checked.TryGetValue((mem.Index, n), out var passed) && passed >= reach);
    }

    /// <summary>Notes a check just emitted: the code after it in the current construct need not repeat it.</summary>
    private void Passed(MemoryLayout mem, Operand address, ulong reach)
    {
        if (address.Number is { } n) Top.Checked[(mem.Index, n)] = reach;
    }

    /// <summary>A loop's passed checks hold after it: its end is reached only from the end of its body.</summary>
    private void KeepAfterLoop(Frame loop)
    {
        foreach (var (key, reach) in loop.Checked)
            if (!Top.Checked.TryGetValue(key, out var passed) || passed < reach) Top.Checked[key] = reach;
    }
}
