using System.Numerics;
using System.Text;
using CsCheck;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>
/// Writes one random valid program: up to three helper functions (each may call the earlier ones)
/// and a main function. Expressions cover the numeric instructions of all four types, conversions
/// (trapping and saturating), loads and stores of every width with addresses around the end of the
/// memory (one page, growing to two), select, if, blocks left by br_if, br_table, calls and the occasional unreachable.
/// Loops count a dedicated local up to a small bound and recursion is impossible, so every program
/// ends. Float values whose NaN bits the spec leaves open (results of arithmetic, promote/demote,
/// locals and parameters) are canonicalized before their bits can be observed (reinterpret, store),
/// so that every integer result is fixed by the spec.
/// </summary>
internal sealed class ProgramWriter(PCG random)
{
    private static readonly ValType[] Types = [ValType.I32, ValType.I64, ValType.F32, ValType.F64];
    private static readonly string[] IntBinary = ["add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr"];
    private static readonly string[] IntCompare = ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"];
    private static readonly string[] FloatBinary = ["add", "sub", "mul", "div", "min", "max", "copysign"];
    private static readonly string[] FloatUnary = ["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"];
    private static readonly string[] FloatCompare = ["eq", "ne", "lt", "gt", "le", "ge"];

    private static readonly uint[] I32Values = [0, 1, 2, 3, 7, 8, 31, 32, 33, 100, 0xFF, 0x80, 0x8000, 0xFFFF, 0x10000, 0xFFFC, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFF9];
    private static readonly ulong[] I64Values = [0, 1, 2, 7, 63, 64, 65, 0xFF, 0xFFFF, 0xFFFFFFFF, 0x100000000, 0x80000000, 0x7FFFFFFF, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFF80000000, 0xFFFFFFFFFFFFFFF9];
    private static readonly uint[] F32Values =
    [
        0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000, 0x3FC00000, 0x40200000, 0x3EFFFFFF,
        0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7FA00000, 0x7FC00001, 0xFFA00005, 0x00000001, 0x80000001,
        0x00800000, 0x7F7FFFFF, 0x4F000000, 0xCF000000, 0x4EFFFFFF, 0xCF000001, 0x4F800000, 0x4F7FFFFF, 0x5F000000,
        0xDF000000, 0x5EFFFFFF, 0x5F800000, 0x4B000001, 0xCB7FFFFF,
    ];
    private static readonly ulong[] F64Values =
    [
        0x0000000000000000, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x3FE0000000000000,
        0xBFE0000000000000, 0x3FF8000000000000, 0x4004000000000000, 0x3FDFFFFFFFFFFFFF, 0x7FF0000000000000,
        0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000, 0x7FF4000000000000, 0x7FF8000000000001,
        0xFFF0000000000ABC, 0x0000000000000001, 0x8000000000000001, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF,
        0x41E0000000000000, 0xC1E0000000000000, 0x41DFFFFFFFC00000, 0xC1E0000000200000, 0xC1E00000001FFFFF,
        0x41F0000000000000, 0x41EFFFFFFFE00000, 0x43E0000000000000, 0xC3E0000000000000, 0x43DFFFFFFFFFFFFF,
        0x43F0000000000000, 0x43EFFFFFFFFFFFFF, 0x4330000000000001, 0x36A0000000000000,
    ];

    private sealed record Helper(string Name, ValType[] Params, ValType Result);

    private readonly List<Helper> _helpers = new();
    private readonly List<(string Label, ValType Type)> _labels = new();
    private ValType[] _params = [];
    private int _counters;
    private int _labelCount;
    private int _loopDepth;
    private int _budget;

    public DiffProgram Write(ulong seed)
    {
        var text = new StringBuilder();
        var helperCount = N(4);
        for (var i = 0; i < helperCount; i++)
        {
            var ps = Enumerable.Range(0, N(4)).Select(_ => Pick(Types)).ToArray();
            var helper = new Helper($"$@h{i}", ps, Pick(Types));
            text.AppendLine(Function(helper, out _));
            _helpers.Add(helper);
        }
        // Main's parameters come from the harness, a separate object, so the compiler cannot fold them away.
        var main = new Helper("$@main", Enumerable.Range(0, N(4)).Select(_ => Pick(Types)).ToArray(), Pick(Types));
        var args = main.Params.Select(t => new WastValue(t, Bits(t))).ToArray();
        text.AppendLine(Function(main, out var exact));
        return new DiffProgram(seed, text.ToString(), args, main.Result, exact);
    }

    private string Function(Helper f, out bool exact)
    {
        _params = f.Params;
        _counters = 0;
        _labelCount = 0;
        _labels.Clear();
        _budget = 40 + N(60);
        var statements = Statements(3, 1 + N(5));
        var result = Expr(f.Result, 5, out exact);
        var head = new StringBuilder($"(func {f.Name}");
        for (var i = 0; i < f.Params.Length; i++) head.Append($" (param $a{i} {f.Params[i].Name()})");
        head.Append($" (result {f.Result.Name()})");
        foreach (var t in Types) head.Append($" (local ${Letter(t)}0 {t.Name()}) (local ${Letter(t)}1 {t.Name()})");
        head.Append(" (local $tf f32) (local $td f64)");
        for (var i = 0; i < _counters; i++) head.Append($" (local $c{i} i32)");
        return $"{head}\n{statements}\n  {result})";
    }

    private string Statements(int depth, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++) sb.Append("  ").AppendLine(Statement(depth));
        return sb.ToString().TrimEnd();
    }

    private string Statement(int depth)
    {
        _budget--;
        var choice = N(100);
        if (depth > 0 && _budget > 0)
        {
            if (choice < 10) return $"(if {Expr(ValType.I32, 3, out _)} (then {Statements(depth - 1, 1 + N(3))}) (else {Statements(depth - 1, N(3))}))";
            if (choice < 18 && _loopDepth < 2) return Loop(depth);
            if (choice < 26 && _labels.Count > 0)
            {
                var (label, type) = Pick(_labels);
                return $"(drop (br_if {label} {Expr(type, 3, out _)} {Expr(ValType.I32, 2, out _)}))";
            }
            if (choice < 26) return $"(if (i32.eq {Expr(ValType.I32, 2, out _)} (i32.const {N(4)})) (then (unreachable)))";
        }
        if (choice < 27) return $"(drop (memory.grow (i32.const {N(2)})))";
        if (choice < 55)
        {
            var t = Pick(Types);
            return $"(local.set ${Letter(t)}{N(2)} {Expr(t, 4, out _)})";
        }
        if (choice < 85) return Store(depth);
        var dropped = Pick(Types);
        return $"(drop {Expr(dropped, 4, out _)})";
    }

    private string Loop(int depth)
    {
        var counter = $"$c{_counters++}";
        var label = $"$L{_labelCount++}";
        _loopDepth++;
        var body = Statements(depth - 1, 1 + N(3));
        _loopDepth--;
        return $"(local.set {counter} (i32.const 0)) (loop {label}\n{body}\n  (br_if {label} (i32.lt_u (local.tee {counter} (i32.add (local.get {counter}) (i32.const 1))) (i32.const {1 + N(6)}))))";
    }

    private string Store(int depth)
    {
        var t = Pick(Types);
        var (op, width) = t switch
        {
            ValType.I32 => Pick(new[] { ("i32.store", 4), ("i32.store8", 1), ("i32.store16", 2) }),
            ValType.I64 => Pick(new[] { ("i64.store", 8), ("i64.store8", 1), ("i64.store16", 2), ("i64.store32", 4) }),
            ValType.F32 => ("f32.store", 4),
            _ => ("f64.store", 8),
        };
        var address = Address(width);
        var value = Observed(t, Expr(t, 3, out var exact), exact);
        return $"({op}{MemArg(width)} {address} {value})";
    }

    private string Expr(ValType t, int depth, out bool exact)
    {
        _budget--;
        exact = true;
        if (depth <= 0 || _budget <= 0 || N(100) < 15) return Leaf(t, out exact);
        if (N(2000) == 0) return "(unreachable)";
        var choice = N(100);
        if (choice < 30) return Binary(t, depth, out exact);
        if (choice < 42) return Unary(t, depth, out exact);
        if (choice < 55) return Conversion(t, depth, out exact);
        if (choice < 65) return Load(t);
        if (choice < 70)
        {
            var a = Expr(t, depth - 1, out var ea);
            var b = Expr(t, depth - 1, out var eb);
            exact = ea && eb;
            return $"(select {a} {b} {Expr(ValType.I32, depth - 1, out _)})";
        }
        if (choice < 75)
        {
            var cond = Expr(ValType.I32, depth - 1, out _);
            var thenS = Statements(1, N(2));
            var a = Expr(t, depth - 1, out var ea);
            var elseS = Statements(1, N(2));
            var b = Expr(t, depth - 1, out var eb);
            exact = ea && eb;
            return $"(if (result {t.Name()}) {cond} (then {thenS} {a}) (else {elseS} {b}))";
        }
        if (choice < 80) return Block(t, depth, out exact);
        if (choice < 83) return BrTable(t, depth, out exact);
        if (choice < 90 && _helpers.Where(h => h.Result == t).ToList() is { Count: > 0 } callees)
        {
            var h = Pick(callees);
            exact = t is ValType.I32 or ValType.I64;
            return $"(call {h.Name}{string.Concat(h.Params.Select(p => " " + Expr(p, depth - 1, out _)))})";
        }
        if (t == ValType.I32 && choice == 90) return "(memory.size)";
        if (t == ValType.I32 && choice < 96)
        {
            var operand = Pick(Types);
            var a = Expr(operand, depth - 1, out _);
            if (N(8) == 0 && operand is ValType.I32 or ValType.I64) return $"({operand.Name()}.eqz {a})";
            var op = operand is ValType.I32 or ValType.I64 ? Pick(IntCompare) : Pick(FloatCompare);
            return $"({operand.Name()}.{op} {a} {Expr(operand, depth - 1, out _)})";
        }
        return Leaf(t, out exact);
    }

    private string Binary(ValType t, int depth, out bool exact)
    {
        var a = Expr(t, depth - 1, out var ea);
        var b = Expr(t, depth - 1, out var eb);
        if (t is ValType.I32 or ValType.I64)
        {
            exact = true;
            var op = Pick(IntBinary);
            // Mostly a divisor that cannot be zero, so that division traps now and then rather than in most programs.
            if ((op.StartsWith("div", StringComparison.Ordinal) || op.StartsWith("rem", StringComparison.Ordinal)) && N(4) != 0) b = $"({t.Name()}.or {b} ({t.Name()}.const 1))";
            return $"({t.Name()}.{op} {a} {b})";
        }
        var fop = Pick(FloatBinary);
        exact = fop == "copysign" && ea;
        // copysign reads the sign of its second operand: an open NaN's sign must not decide a non-NaN result.
        if (fop == "copysign") b = Observed(t, b, eb);
        return $"({t.Name()}.{fop} {a} {b})";
    }

    private string Unary(ValType t, int depth, out bool exact)
    {
        var a = Expr(t, depth - 1, out var ea);
        exact = true;
        switch (t)
        {
            case ValType.I32: return $"(i32.{Pick(new[] { "clz", "ctz", "popcnt", "extend8_s", "extend16_s" })} {a})";
            case ValType.I64: return $"(i64.{Pick(new[] { "clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s" })} {a})";
        }
        var op = Pick(FloatUnary);
        exact = op is "abs" or "neg" && ea;
        return $"({t.Name()}.{op} {a})";
    }

    private string Conversion(ValType t, int depth, out bool exact)
    {
        exact = true;
        var sat = N(3) == 0 ? "_sat" : "";
        var sign = N(2) == 0 ? "s" : "u";
        switch (t, N(4))
        {
            case (ValType.I32, 0): return $"(i32.wrap_i64 {Expr(ValType.I64, depth - 1, out _)})";
            case (ValType.I32, 1): return $"(i32.reinterpret_f32 {Observed(ValType.F32, Expr(ValType.F32, depth - 1, out var e32), e32)})";
            case (ValType.I32, _):
            case (ValType.I64, 2 or 3):
                var from = N(2) == 0 ? ValType.F32 : ValType.F64;
                return $"({t.Name()}.trunc{sat}_{from.Name()}_{sign} {Expr(from, depth - 1, out _)})";
            case (ValType.I64, 0): return $"(i64.extend_i32_{sign} {Expr(ValType.I32, depth - 1, out _)})";
            case (ValType.I64, _): return $"(i64.reinterpret_f64 {Observed(ValType.F64, Expr(ValType.F64, depth - 1, out var e64), e64)})";
            case (ValType.F32, 0):
                exact = false;
                return $"(f32.demote_f64 {Expr(ValType.F64, depth - 1, out _)})";
            case (ValType.F64, 0):
                exact = false;
                return $"(f64.promote_f32 {Expr(ValType.F32, depth - 1, out _)})";
            case (ValType.F32, 1): return $"(f32.reinterpret_i32 {Expr(ValType.I32, depth - 1, out _)})";
            case (ValType.F64, 1): return $"(f64.reinterpret_i64 {Expr(ValType.I64, depth - 1, out _)})";
            default:
                var int_ = N(2) == 0 ? ValType.I32 : ValType.I64;
                return $"({t.Name()}.convert_{int_.Name()}_{sign} {Expr(int_, depth - 1, out _)})";
        }
    }

    private string Load(ValType t)
    {
        var (op, width) = t switch
        {
            ValType.I32 => Pick(new[] { ("i32.load", 4), ("i32.load8_s", 1), ("i32.load8_u", 1), ("i32.load16_s", 2), ("i32.load16_u", 2) }),
            ValType.I64 => Pick(new[] { ("i64.load", 8), ("i64.load8_s", 1), ("i64.load8_u", 1), ("i64.load16_s", 2), ("i64.load16_u", 2), ("i64.load32_s", 4), ("i64.load32_u", 4) }),
            ValType.F32 => ("f32.load", 4),
            _ => ("f64.load", 8),
        };
        return $"({op}{MemArg(width)} {Address(width)})";
    }

    /// <summary>
    /// Mostly in bounds near the start (where the data segment is), often straddling the end of the page, sometimes anywhere.
    /// Some are a local plus a constant, the same local in several accesses, so that the compiler's
    /// dropping of checks covered by earlier ones (the local unchanged, not set in a branch or loop in
    /// between, the page grown or not) is compared too.
    /// </summary>
    private string Address(int width) => N(100) switch
    {
        < 78 => $"(i32.const {N(512)})",
        < 85 => $"(i32.add (i32.and (local.get {LocalAddress()}) (i32.const 0x3ff)) (i32.const {Pick(new[] { 0, 64512, 130048 })}))",
        < 95 => $"(i32.and {Expr(ValType.I32, 2, out _)} (i32.const 0x3ff))",
        < 98 => $"(i32.const {65536 * (1 + N(2)) - width - 3 + N(6)})",
        98 => $"(i32.const {(int)random.Next()})",
        _ => Expr(ValType.I32, 2, out _),
    };

    /// <summary>An i32 local: one of the two every function has, or a loop counter (set in its loop) once there is one.</summary>
    private string LocalAddress() => _counters > 0 && N(3) == 0 ? $"$c{N(_counters)}" : $"$i{N(2)}";

    private string MemArg(int width)
    {
        var offset = N(100) switch
        {
            < 75 => 0u,
            < 98 => (uint)N(64),
            98 => 65536u - (uint)N(16),
            _ => 0xFFFFFFF0u + (uint)N(16),
        };
        var align = N(4) == 0 ? $" align={1 << N(BitOperations.Log2((uint)width) + 1)}" : "";
        return (offset == 0 ? "" : $" offset={offset}") + align;
    }

    private string Block(ValType t, int depth, out bool exact)
    {
        var label = $"$L{_labelCount++}";
        _labels.Add((label, t));
        var statements = Statements(1, 1 + N(3));
        var branch = $"(drop (br_if {label} {Expr(t, depth - 1, out _)} {Expr(ValType.I32, depth - 1, out _)}))";
        var value = Expr(t, depth - 1, out _);
        _labels.RemoveAt(_labels.Count - 1);
        exact = t is ValType.I32 or ValType.I64;
        return $"(block {label} (result {t.Name()})\n  {statements}\n  {branch}\n  {value})";
    }

    private string BrTable(ValType t, int depth, out bool exact)
    {
        var outer = $"$L{_labelCount++}";
        var count = 2 + N(2);
        var inner = Enumerable.Range(0, count).Select(_ => $"$L{_labelCount++}").ToArray();
        var targets = string.Join(" ", Enumerable.Range(0, N(5)).Select(_ => Pick(inner)));
        var index = N(2) == 0 ? $"(i32.const {N(count + 2)})" : Expr(ValType.I32, depth - 1, out _);
        var text = $"(br_table {targets} {Pick(inner)} {index})";
        for (var i = 0; i < count; i++)
        {
            text = $"(block {inner[i]} {text})";
            if (i < count - 1) text += $" (br {outer} {Expr(t, depth - 1, out _)})";
        }
        exact = t is ValType.I32 or ValType.I64;
        return $"(block {outer} (result {t.Name()}) {text} {Expr(t, depth - 1, out _)})";
    }

    private string Leaf(ValType t, out bool exact)
    {
        exact = t is ValType.I32 or ValType.I64;
        if (N(2) == 0)
        {
            var candidates = Enumerable.Range(0, _params.Length).Where(i => _params[i] == t).Select(i => $"$a{i}")
                .Append($"${Letter(t)}0").Append($"${Letter(t)}1").ToList();
            return $"(local.get {Pick(candidates)})";
        }
        exact = true;
        var bits = Bits(t);
        return t switch
        {
            ValType.I32 => $"(i32.const {(int)bits})",
            ValType.I64 => $"(i64.const {(long)bits})",
            ValType.F32 => $"(f32.const {FloatText.F32((uint)bits)})",
            _ => $"(f64.const {FloatText.F64(bits)})",
        };
    }

    /// <summary>A constant: mostly values at the edges of the operations (zero, extremes, NaNs, conversion bounds), else random bits or small numbers.</summary>
    private ulong Bits(ValType t) => t switch
    {
        ValType.I32 => N(3) == 0 ? random.Next() : Pick(I32Values),
        ValType.I64 => N(3) == 0 ? random.Next64() : Pick(I64Values),
        ValType.F32 => N(4) switch { 0 => random.Next(), 1 => BitConverter.SingleToUInt32Bits((N(200) - 100) / (float)(1 << N(4))), _ => Pick(F32Values) },
        _ => N(4) switch { 0 => random.Next64(), 1 => BitConverter.DoubleToUInt64Bits((N(2000) - 1000) / (double)(1 << N(6))), _ => Pick(F64Values) },
    };

    /// <summary>A float whose bits are about to be observed: a NaN the spec leaves open becomes the canonical NaN.</summary>
    private static string Observed(ValType t, string value, bool exact)
    {
        if (exact) return value;
        var temp = t == ValType.F32 ? "$tf" : "$td";
        return $"(select ({t.Name()}.const nan) (local.tee {temp} {value}) ({t.Name()}.ne (local.get {temp}) (local.get {temp})))";
    }

    private static char Letter(ValType t) => t switch { ValType.I32 => 'i', ValType.I64 => 'j', ValType.F32 => 'f', _ => 'd' };

    private int N(int n) => (int)random.Next((uint)n);

    private T Pick<T>(IReadOnlyList<T> items) => items[N(items.Count)];
}
