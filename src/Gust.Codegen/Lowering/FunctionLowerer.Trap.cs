namespace Gust.Codegen.Lowering;

/// <summary>
/// Traps: each kind has one block per function that calls the noreturn <c>gust_trap(kind, funcIndex)</c>;
/// checks branch to it, so a function pays for each kind's call once.
/// </summary>
internal sealed partial class FunctionLowerer
{
    public const string TrapFunction = "@gust_trap";
    public const string TrapDeclaration = "declare void @gust_trap(i32, i32) noreturn nounwind cold";

    private readonly SortedDictionary<TrapKind, string> _trapLabels = new();

    private string TrapLabel(TrapKind kind)
    {
        if (!_trapLabels.TryGetValue(kind, out var label)) _trapLabels[kind] = label = $"trap.{kind}";
        return label;
    }

    /// <summary>Traps when the i1 <paramref name="condition"/> is true; lowering goes on in the not-trapped block.</summary>
    private void TrapIf(string condition, TrapKind kind)
    {
        var ok = _w.NewLabel("ok");
        _w.Terminate($"br i1 {condition}, label %{TrapLabel(kind)}, label %{ok}");
        _w.Label(ok);
    }

    public const string StackLimitSymbol = "@gust_stack_limit";

    /// <summary>
    /// Call-stack exhaustion (spec 4.4.10, "call"): the stack pointer below the limit traps. The
    /// limit leaves room below it for the deepest frame and the trap report.
    /// </summary>
    private void CheckStackLimit()
    {
        _m.Declare("declare ptr @llvm.stacksave()");
        _m.Declare($"{StackLimitSymbol} = external global i8");
        var sp = _w.Value("call ptr @llvm.stacksave()");
        TrapIf(_w.Value($"icmp ult ptr {sp}, {StackLimitSymbol}"), TrapKind.CallStackExhausted);
    }

    private void EmitTrapBlocks()
    {
        foreach (var (kind, label) in _trapLabels)
        {
            _w.Label(label);
            _w.Emit($"call void {TrapFunction}(i32 {(int)kind}, i32 {_funcIndex})");
            _w.Terminate("unreachable");
        }
    }
}
