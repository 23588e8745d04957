using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>
/// A spec script runs twice through the same <see cref="WastRunner"/>: first recording every
/// instantiation and action as a step (answering with placeholder values), then, after one image
/// has performed all steps on the target, replaying with the target's answers. Steps are keyed by
/// instance and call order, which do not depend on the answers.
/// </summary>
internal sealed class TargetSession
{
    private readonly Dictionary<(int Instance, int Call), int> _index = new();
    private readonly Dictionary<int, int> _calls = new();
    private int _instantiations;

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
    }

    public int NextInstanceOrdinal() => _instantiations++;

    /// <summary>Records a step (null) or gives back its outcome on replay.</summary>
    public StepOutcome? Step(TargetInstance instance, Func<WastStep> make)
    {
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
