using Gust.Wasm;

namespace Gust.Codegen.Lowering;

internal enum FrameKind { Function, Block, Loop, If }

/// <summary>
/// One open control structure (spec 3.3.5 "control frames"). Branch values travel through
/// <see cref="Slots"/> (allocas that mem2reg turns into phis): a loop's parameters, or a
/// block's or if's results.
/// </summary>
internal sealed class Frame
{
    public required FrameKind Kind { get; init; }
    public required ValType[] Params { get; init; }
    public required ValType[] Results { get; init; }
    /// <summary>Operand stack height below this frame's parameters.</summary>
    public required int Height { get; init; }
    /// <summary>Where a branch to this frame goes: a loop's header or the end of a block or if.</summary>
    public string Target { get; init; } = "";
    public string[] Slots { get; init; } = [];
    /// <summary>Opened inside unreachable code: nothing of it is emitted.</summary>
    public bool Dead { get; init; }
    /// <summary>The code being lowered in this frame cannot be reached (after br, return, unreachable).</summary>
    public bool Unreachable { get; set; }
    /// <summary>Some branch went to the end label, so the code after the frame is reachable.</summary>
    public bool EndReached { get; set; }
    public string ElseLabel { get; init; } = "";
    public Operand[] IfParams { get; init; } = [];
    public bool SeenElse { get; set; }

    /// <summary>Locals set anywhere inside this construct (their values differ on the paths that meet at its start or end).</summary>
    public IReadOnlySet<uint> Assigned { get; init; } = new HashSet<uint>();
    /// <summary>The locals' value numbers where an if starts, which its else branch starts from again.</summary>
    public int[] NumbersAtEntry { get; init; } = [];
    /// <summary>Bounds checks passed in this construct so far, by memory and the address's base; they die at its end.</summary>
    public Dictionary<(int Memory, int Base), List<(uint Offset, ulong Reach)>> Checked { get; } = new();

    public ValType[] BranchTypes => Kind == FrameKind.Loop ? Params : Results;
}
