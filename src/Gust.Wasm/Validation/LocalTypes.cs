namespace Gust.Wasm.Validation;

/// <summary>
/// A function's locals: parameters, then the declared groups, found by binary search over the groups so
/// that huge declared counts cost nothing. The default value has no locals (constant expressions).
/// </summary>
internal readonly struct LocalTypes
{
    private readonly ValType[] parameters;
    private readonly ulong[] ends;
    private readonly ValType[] types;

    public LocalTypes(ValType[] parameters, List<LocalGroup> groups)
    {
        this.parameters = parameters;
        ends = new ulong[groups.Count];
        types = new ValType[groups.Count];
        ulong total = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            total += groups[i].Count;
            ends[i] = total;
            types[i] = groups[i].Type;
        }
    }

    public ValType? TypeOf(uint index)
    {
        if (parameters is null) return null;
        if (index < parameters.Length) return parameters[index];
        var rest = (ulong)index - (ulong)parameters.Length;
        int lo = 0, hi = ends.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (ends[mid] > rest) hi = mid;
            else lo = mid + 1;
        }
        return lo < ends.Length ? types[lo] : null;
    }
}
