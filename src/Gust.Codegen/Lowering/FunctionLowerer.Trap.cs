namespace Gust.Codegen.Lowering;

/// <summary>
/// Traps: each kind has one block per function that calls the module's noreturn trap entry
/// (<see cref="ModuleContext.TrapSymbol"/>) with the kind and the function index; checks branch to
/// it, so a function pays for each kind's call once.
/// </summary>
internal sealed partial class FunctionLowerer
{

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
    /// Whether this function checks the stack limit on entry. Without a guard every function does.
    /// A guard that faults catches a frame that reaches into it; a frame larger than the guard could
    /// step over it, so a function whose frame may be that large checks as well.
    /// </summary>
    private bool ChecksStackLimit => _m.Options.StackGuard is not { } guard || FrameBound > guard;

    /// <summary>
    /// An upper bound on this function's native frame: a spill slot of 8 bytes for each parameter
    /// and local and for up to four values per instruction (the most any lowering keeps live at
    /// once), plus the saved registers and outgoing arguments.
    /// </summary>
    private ulong FrameBound => 8UL * (ulong)_locals.Count + 32UL * (ulong)_code.Body.Count + 256;

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
            _w.Emit($"call void {_m.TrapSymbol}(i32 {(int)kind}, i32 {_funcIndex})");
            _w.Terminate("unreachable");
        }
    }
}
