using Gust.Component.Types;

namespace Gust.Component.Abi;

/// <summary>
/// Synchronous calls across the canonical ABI (definitions.py canon_lift and canon_lower without tasks, threads
/// or async): the value and memory sequencing only — handle tables and reentrance checks belong to the runtime.
/// </summary>
public static class CanonicalCalls
{
    /// <summary>
    /// canon lift: calls a guest core function with component-level arguments. The arguments are lowered (spilled
    /// to realloc'd memory past 16 flat values), the callee runs, its results are lifted (through a returned pointer
    /// past one flat value), and only then is post-return called with the callee's flat results.
    /// </summary>
    public static ComponentValue? CallLifted(ComponentFuncType ft, CanonicalOptions options, CoreFunction callee, IReadOnlyList<ComponentValue> args) =>
        Lift(ft, options, callee, args, results => results).SingleOrDefault();

    /// <summary>
    /// canon lower: runs a host function for a guest's call. The flat arguments are lifted (from the pointer they
    /// were spilled to, past 16), the host function runs, and its result is lowered — flat, or past one flat value
    /// stored at the return pointer that the guest passed as its last argument.
    /// </summary>
    public static IReadOnlyList<FlatValue> CallLowered(ComponentFuncType ft, CanonicalOptions options, Func<ComponentValue[], ComponentValue?> callee, IReadOnlyList<FlatValue> flatArgs) =>
        Lower(ft, options, flatArgs, (args, resolve) =>
        {
            var result = callee(args);
            ComponentValue[] results = result is null ? [] : [result];
            if (results.Length != CanonicalAbi.ResultTypes(ft).Length) throw new ArgumentException($"the host function returned {result?.ToString() ?? "nothing"} for {ft}");
            return resolve(results);
        });

    /// <summary>
    /// A guest calling a guest: canon lower in the caller over canon lift in the callee, what a fused adapter does.
    /// Values are copied from the caller's memory and encoding to the callee's and back; the results reach the caller
    /// before the callee's post-return runs, as in definitions.py (on_resolve precedes post_return).
    /// </summary>
    public static IReadOnlyList<FlatValue> Adapt(ComponentFuncType ft, CanonicalOptions caller, CanonicalOptions callee, CoreFunction calleeFunction, IReadOnlyList<FlatValue> flatArgs) =>
        Lower(ft, caller, flatArgs, (args, resolve) => Lift(ft, callee, calleeFunction, args, resolve));

    private static T Lift<T>(ComponentFuncType ft, CanonicalOptions options, CoreFunction callee, IReadOnlyList<ComponentValue> args, Func<ComponentValue[], T> onResolve)
    {
        var cx = new LiftLowerContext(options);
        var flatFt = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lift);
        var flatArgs = cx.LowerFlatValues(CanonicalAbi.MaxFlatParams, args, ft.Params.Select(p => p.Type).ToList());
        var flatResults = callee(flatArgs);
        if (!flatResults.Select(r => r.Type).SequenceEqual(flatFt.Results))
            throw new ArgumentException($"the callee returned [{string.Join(", ", flatResults)}] for results {flatFt}");
        var resolved = onResolve(cx.LiftFlatValues(CanonicalAbi.MaxFlatResults, new FlatReader(flatResults), CanonicalAbi.ResultTypes(ft)));
        options.PostReturn?.Invoke(flatResults);
        return resolved;
    }

    /// <summary>Lifts the guest's arguments and runs <paramref name="call"/> with them and a resolver that lowers the results back.</summary>
    private static IReadOnlyList<FlatValue> Lower(ComponentFuncType ft, CanonicalOptions options, IReadOnlyList<FlatValue> flatArgs,
        Func<ComponentValue[], Func<ComponentValue[], IReadOnlyList<FlatValue>>, IReadOnlyList<FlatValue>> call)
    {
        var cx = new LiftLowerContext(options);
        var flatFt = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lower);
        if (!flatArgs.Select(a => a.Type).SequenceEqual(flatFt.Params))
            throw new ArgumentException($"the arguments [{string.Join(", ", flatArgs)}] do not match {flatFt}", nameof(flatArgs));
        var vi = new FlatReader(flatArgs);
        var args = cx.LiftFlatValues(CanonicalAbi.MaxFlatParams, vi, ft.Params.Select(p => p.Type).ToList());
        return call(args, results => cx.LowerFlatValues(CanonicalAbi.MaxFlatResults, results, CanonicalAbi.ResultTypes(ft), vi));
    }
}
