using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Abi;

/// <summary>A function's parameters or results as a whole (CanonicalABI.md "Lifting and Lowering Values").</summary>
public sealed partial class LiftLowerContext
{
    /// <summary>
    /// Lifts values of types <paramref name="ts"/>: flat when they flatten to at most <paramref name="maxFlat"/> core
    /// values, else from the tuple that one pointer core value points to (definitions.py lift_flat_values).
    /// </summary>
    public ComponentValue[] LiftFlatValues(int maxFlat, FlatReader vi, IReadOnlyList<ComponentValType> ts)
    {
        if (CanonicalAbi.Flatten(ts, maxFlat).Count <= maxFlat) return ts.Select(t => LiftFlat(vi, t)).ToArray();
        var tuple = new TupleType(ts.ToEquatableList());
        var ptr = vi.Next(ValType.I32).AsI32;
        return [.. ((TupleValue)Load(ptr, tuple)).Values];
    }

    /// <summary>
    /// Lowers values of types <paramref name="ts"/>: flat when they flatten to at most <paramref name="maxFlat"/> core
    /// values, else stored as a tuple in memory — at the pointer read from <paramref name="outParam"/> when given
    /// (a lowered function's return pointer, nothing is returned), or else in memory allocated with realloc and
    /// passed as one pointer (definitions.py lower_flat_values).
    /// </summary>
    public List<FlatValue> LowerFlatValues(int maxFlat, IReadOnlyList<ComponentValue> vs, IReadOnlyList<ComponentValType> ts, FlatReader? outParam = null)
    {
        if (vs.Count != ts.Count) throw new ArgumentException($"{vs.Count} values for {ts.Count} types", nameof(vs));
        if (CanonicalAbi.Flatten(ts, maxFlat).Count <= maxFlat)
        {
            var flat = new List<FlatValue>();
            for (var i = 0; i < vs.Count; i++) LowerFlatInto(vs[i], ts[i], flat);
            return flat;
        }
        var tuple = new TupleType(ts.ToEquatableList());
        var value = new TupleValue(vs.ToEquatableList());
        if (outParam is not null)
        {
            Store(value, tuple, outParam.Next(ValType.I32).AsI32);
            return [];
        }
        var ptr = Allocate(CanonicalAbi.Alignment(tuple), CanonicalAbi.Size(tuple));
        StoreAt(value, tuple, ptr);
        return [FlatValue.I32(ptr)];
    }
}
