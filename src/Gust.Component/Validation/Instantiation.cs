namespace Gust.Component.Validation;

/// <summary>Instantiating a component: arguments against its imports, then its exports with the type imports substituted.</summary>
internal sealed partial class Checker
{
    private InstanceT Instantiate(ComponentT c, Dictionary<string, ET> args)
    {
        var sub = new Subtyping(this);
        foreach (var (_, t) in c.Imports) BindableResources(t, sub.Bindable);
        var replaced = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        foreach (var (name, expected) in c.Imports)
        {
            if (!args.TryGetValue(name, out var actual)) throw Fail($"missing import named `{name}`");
            if (expected is TypeET { Type: DefT de } && actual is TypeET { Type: DefT da }) replaced[de] = da;
            try { sub.Extern(actual, expected); }
            catch (Gust.Wasm.WasmException e) when (e.Diagnostic.Kind == Gust.Wasm.DiagnosticKind.Invalid)
            {
                throw Fail($"type mismatch for component instantiation argument `{name}`: {e.Diagnostic.Message}");
            }
        }
        // Resources the component defines (not bound by imports) are new for every instance.
        var map = new Dictionary<ResourceId, ResourceId>(sub.Map);
        foreach (var (_, t) in c.Exports)
            foreach (var r in Resources.Free(t).Concat(DeclaredResources(t)))
                if (!map.ContainsKey(r) && !sub.Bindable.Contains(r) && IsGenerative(r, c)) map[r] = new ResourceId(r.Name);
        return new InstanceT(c.Exports.Select(e => (e.Name, Substitution.Apply(e.Type, map, replaced))).ToList());
    }

    /// <summary>A resource an instantiation makes anew: one the component's imports do not mention.</summary>
    private static bool IsGenerative(ResourceId r, ComponentT c) => !c.Imports.Any(i => Resources.Free(i.Type).Contains(r) || DeclaredResources(i.Type).Contains(r));

    /// <summary>Resources an extern type introduces by (sub resource) declarations, at any depth.</summary>
    internal static HashSet<ResourceId> DeclaredResources(ET t)
    {
        var set = new HashSet<ResourceId>();
        BindableResources(t, set);
        return set;
    }

    private static void BindableResources(ET t, HashSet<ResourceId> into, int depth = 0)
    {
        if (depth > 100) return;
        switch (t)
        {
            case TypeET { Type: ResourceT r }: into.Add(r.Id); break;
            case InstanceET i: foreach (var (_, e) in i.Type.Exports) BindableResources(e, into, depth + 1); break;
        }
    }
}

/// <summary>
/// Replaces resources in types (type imports bound by instantiation, fresh resources per instance) and
/// (by identity) the defined types a component imported with the types given for them.
/// </summary>
internal sealed class Substitution(Dictionary<ResourceId, ResourceId> map, Dictionary<object, object> replaced)
{
    public static ET Apply(ET t, Dictionary<ResourceId, ResourceId> map, Dictionary<object, object> replaced) =>
        map.Count == 0 && replaced.Count == 0 ? t : new Substitution(map, replaced).Extern(t);

    private ET Extern(ET t) => t switch
    {
        FuncET f => new FuncET(Func(f.Type)),
        TypeET ty => new TypeET(Type(ty.Type)),
        ComponentET c => new ComponentET(new ComponentT(Members(c.Type.Imports), Members(c.Type.Exports))),
        InstanceET i => new InstanceET(new InstanceT(Members(i.Type.Exports))),
        _ => t,
    };

    private List<(string Name, ET Type)> Members(List<(string Name, ET Type)> list) => list.Select(m => (m.Name, Extern(m.Type))).ToList();

    private FuncT Func(FuncT f) => new(f.Params.Select(p => (p.Name, Val(p.Type))).ToList(), f.Result is { } r ? Val(r) : null);

    private CType Type(CType t) => t switch
    {
        ResourceT r => new ResourceT(map.GetValueOrDefault(r.Id, r.Id)),
        DefT d => Def(d),
        FuncT f => Func(f),
        InstanceT i => new InstanceT(Members(i.Exports)),
        ComponentT c => new ComponentT(Members(c.Imports), Members(c.Exports)),
        _ => t,
    };

    private VT Val(VT v) => v is not DefVT d ? v : replaced.TryGetValue(d.T, out var r) ? new DefVT((DefT)r) : new DefVT(Def(d.T));

    private DefT Def(DefT d) => d switch
    {
        OwnD o => map.TryGetValue(o.Resource, out var r) ? new OwnD(new ResourceT(r)) : o,
        BorrowD b => map.TryGetValue(b.Resource, out var r) ? new BorrowD(new ResourceT(r)) : b,
        RecordD r => new RecordD(r.Fields.Select(f => (f.Name, Val(f.Type))).ToList()),
        VariantD v => new VariantD(v.Cases.Select(c => (c.Name, c.Type is { } t ? Val(t) : null)).ToList()),
        ListD l => new ListD(Val(l.Element), l.Length),
        TupleD t => new TupleD(t.Types.Select(Val).ToList()),
        OptionD o => new OptionD(Val(o.Type)),
        ResultD r => new ResultD(r.Ok is { } ok ? Val(ok) : null, r.Error is { } e ? Val(e) : null),
        _ => d,
    };
}
