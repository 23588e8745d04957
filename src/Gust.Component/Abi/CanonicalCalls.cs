using Gust.Component.Types;

namespace Gust.Component.Abi;

/// <summary>
/// Synchronous calls across the canonical ABI as the host makes them (definitions.py canon_lift and canon_lower
/// without tasks, threads or async): the value and memory sequencing only — handle tables and reentrance
/// checks belong to the runtime.
/// </summary>
public static class CanonicalCalls
{
    /// <summary>
    /// canon lift: calls a guest core function with component-level arguments. The arguments are lowered (spilled
    /// to realloc'd memory past 16 flat values), the callee runs, its results are lifted (through a returned pointer
    /// past one flat value), and only then is post-return called with the callee's flat results.
    /// </summary>
    public static ComponentValue? CallLifted(ComponentFuncType ft, CanonicalOptions options, CoreFunction callee, IReadOnlyList<ComponentValue> args)
    {
        var cx = new LiftLowerContext(options);
        var flatFt = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lift);
        var flatArgs = cx.LowerFlatValues(CanonicalAbi.MaxFlatParams, args, ft.Params.Select(p => p.Type).ToList());
        var flatResults = callee(flatArgs);
        if (!flatResults.Select(r => r.Type).SequenceEqual(flatFt.Results))
            throw new ArgumentException($"the callee returned [{string.Join(", ", flatResults)}] for results {flatFt}");
        var results = cx.LiftFlatValues(CanonicalAbi.MaxFlatResults, new FlatReader(flatResults), CanonicalAbi.ResultTypes(ft));
        options.PostReturn?.Invoke(flatResults);
        return results.SingleOrDefault();
    }

    /// <summary>
    /// canon lower: runs a host function for a guest's call. The flat arguments are lifted (from the pointer they
    /// were spilled to, past 16), the host function runs, and its result is lowered — flat, or past one flat value
    /// stored at the return pointer that the guest passed as its last argument.
    /// </summary>
    public static IReadOnlyList<FlatValue> CallLowered(ComponentFuncType ft, CanonicalOptions options, Func<ComponentValue[], ComponentValue?> callee, IReadOnlyList<FlatValue> flatArgs)
    {
        var cx = new LiftLowerContext(options);
        var flatFt = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lower);
        if (!flatArgs.Select(a => a.Type).SequenceEqual(flatFt.Params))
            throw new ArgumentException($"the arguments [{string.Join(", ", flatArgs)}] do not match {flatFt}", nameof(flatArgs));
        var vi = new FlatReader(flatArgs);
        var args = cx.LiftFlatValues(CanonicalAbi.MaxFlatParams, vi, ft.Params.Select(p => p.Type).ToList());
        var result = callee(args);
        var resultTypes = CanonicalAbi.ResultTypes(ft);
        ComponentValue[] results = result is null ? [] : [result];
        if (results.Length != resultTypes.Length) throw new ArgumentException($"the host function returned {result?.ToString() ?? "nothing"} for {ft}");
        return cx.LowerFlatValues(CanonicalAbi.MaxFlatResults, results, resultTypes, vi);
    }
}
