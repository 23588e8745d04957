using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>What one program did on one side: a value, a trap (the kinds it may be), or neither (the image died).</summary>
public sealed record Outcome(WastValue? Value, IReadOnlyList<TrapKind>? Trap, string? Failure = null)
{
    public static Outcome Of(WastValue value) => new(value, null);
    public static Outcome Trapped(IReadOnlyList<TrapKind> kinds) => new(null, kinds);
    public static Outcome Failed(string why) => new(null, null, why);

    public override string ToString() =>
        Value is { } v ? $"{v.Type.Name()}:0x{v.Bits.ToString(v.Type is ValType.I32 or ValType.F32 ? "x8" : "x16")}"
        : Trap is { } t ? $"trap: {string.Join(" or ", t.Select(k => k.Message()))}"
        : $"no result ({Failure})";
}
