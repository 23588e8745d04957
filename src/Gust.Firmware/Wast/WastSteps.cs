using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>One thing the on-target harness does, in script order; its output line is numbered by its index.</summary>
internal abstract record WastStep(TargetInstance Instance);

internal sealed record InstantiateStep(TargetInstance Instance) : WastStep(Instance);

internal sealed record InvokeStep(TargetInstance Instance, string Export, FuncType Type, IReadOnlyList<WastValue> Args) : WastStep(Instance);

internal sealed record GetStep(TargetInstance Instance, string Export, ValType Type) : WastStep(Instance);

/// <summary>What a step did on the target: its values, a trap (the report's message), or nothing when the firmware stopped before it.</summary>
internal sealed record StepOutcome(IReadOnlyList<WastValue>? Values, string? Trap, string? Missing);

/// <summary>An import's provider: an export of spectest (its functions do nothing on the target) or of another instance.</summary>
internal abstract record TargetHandle;

internal sealed record SpectestExport(string Name) : TargetHandle;

internal sealed record InstanceExport(TargetInstance Instance, string Name) : TargetHandle;
