using Gust.Wasm;
using Gust.Wasm.Linking;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>
/// A spec script runs twice through the same <see cref="WastRunner"/>: first recording every
/// instantiation and action as a step (answering with placeholder values), then, after one image
/// has performed all steps on the target, replaying with the target's answers. Steps are keyed by
/// instance and call order, which do not depend on the answers — except whether a module that
/// imports a memory or table links, which depends on the size it has then. So when a script links
/// to memories or tables that something may grow, the image also reports their sizes after every
/// step (<see cref="SizeProbes"/>), and the runner records again with those sizes until the steps
/// no longer change (<see cref="TargetWastRunner"/>).
/// </summary>
internal sealed class TargetSession
{
    private readonly Dictionary<(int Instance, int Call), int> _index = new();
    private readonly Dictionary<int, int> _calls = new();
    private int _instantiations;
    private int _position;

    /// <param name="probes">Sizes a previous run of this script reported, or null on the first recording.</param>
    public TargetSession(SizeProbes? probes = null) => Probes = probes;

    public SizeProbes? Probes { get; }

    /// <summary>Whether a module asked for a memory or table export: its linking depends on that one's size.</summary>
    public bool LinksSizes { get; private set; }

    /// <summary>Whether the image must report sizes: some module links to a memory or table, and something can grow one.</summary>
    public bool NeedsProbes => LinksSizes && Instances.Values.Any(i => i.GrowsMemory || i.GrowsTable);

    public List<WastStep> Steps { get; } = new();
    /// <summary>Instances by ordinal; an instance the compiler rejected has its error message instead.</summary>
    public Dictionary<int, TargetInstance> Instances { get; } = new();
    public Dictionary<int, string> Rejected { get; } = new();
    public StepOutcome[]? Outcomes { get; private set; }
    public bool Replaying => Outcomes is not null;

    public void StartReplay(StepOutcome[] outcomes)
    {
        Outcomes = outcomes;
        _calls.Clear();
        _instantiations = 0;
        _position = 0;
    }

    /// <summary>
    /// An exported memory or table as a module importing it now sees it (spec 7.1.8): its current
    /// size as the minimum, as the last run reported it after the step before this point.
    /// </summary>
    public ExternType Current(ExternType declared, string sizeSymbol)
    {
        LinksSizes = true;
        if (Probes?.Before(_position, sizeSymbol) is not { } size) return declared;
        return declared.Kind == ExternKind.Memory
            ? ExternType.Of(declared.Memory! with { Limits = declared.Memory.Limits with { Min = size >> declared.Memory.PageSizeLog2 } })
            : ExternType.Of(declared.Table! with { Limits = declared.Table.Limits with { Min = size } });
    }

    public int NextInstanceOrdinal() => _instantiations++;

    /// <summary>Records a step (null) or gives back its outcome on replay.</summary>
    public StepOutcome? Step(TargetInstance instance, Func<WastStep> make)
    {
        _position++;
        var call = _calls.GetValueOrDefault(instance.Ordinal);
        _calls[instance.Ordinal] = call + 1;
        if (!Replaying)
        {
            _index[(instance.Ordinal, call)] = Steps.Count;
            Steps.Add(make());
            return null;
        }
        if (!_index.TryGetValue((instance.Ordinal, call), out var i))
            throw new WastEngineException("the target run has no result for this action (the script ran differently than recorded)");
        var outcome = Outcomes![i];
        if (outcome.Missing is { } why) throw new WastEngineException(why);
        if (outcome.Trap is { } trap)
            throw new WastTrapException([TrapKinds.Parse(trap) ?? TrapKind.Other], $"on the target: {trap}");
        return outcome;
    }
}
