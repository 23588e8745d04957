using Gust.Wasm;

namespace Gust.Component.Abi;

/// <summary>
/// Reads flat core values in order, each with the type the reader expects (definitions.py CoreValueIter).
/// A value of another type is a caller's error, not a trap: the core signature was validated before the call.
/// </summary>
public class FlatReader(IReadOnlyList<FlatValue> values)
{
    private int index;

    public virtual FlatValue Next(ValType want)
    {
        if (index >= values.Count) throw new ArgumentException($"too few flat values: wanted a {want.Name()} at {index}");
        var v = values[index++];
        if (v.Type != want) throw new ArgumentException($"flat value {index - 1} is {v}, wanted a {want.Name()}");
        return v;
    }

    public bool Done => index == values.Count;
}

/// <summary>
/// Reads a variant case's payload from the variant's joined flat types (definitions.py lift_flat_variant's
/// CoerceValueIter): each value has the joined type and is narrowed back to the type the case wants.
/// </summary>
internal sealed class CoercingReader(FlatReader inner, IReadOnlyList<ValType> joined) : FlatReader([])
{
    public int Position { get; private set; }

    public override FlatValue Next(ValType want)
    {
        var have = joined[Position++];
        var x = inner.Next(have).Bits;
        return (have, want) switch
        {
            (ValType.I32, ValType.F32) or (ValType.I64, ValType.I32) or (ValType.I64, ValType.F32) => new(want, (uint)x),
            (ValType.I64, ValType.F64) => new(want, x),
            _ when have == want => new(want, x),
            _ => throw new InvalidOperationException($"cannot narrow {have.Name()} to {want.Name()}"),
        };
    }
}
