namespace Gust.Component.Validation;

/// <summary>Walks types for the resources they use, for borrow rules, visibility and substitution.</summary>
internal static class Resources
{
    private const int MaxDepth = 200;

    public static bool HasBorrow(VT t, int depth = 0)
    {
        if (depth > MaxDepth || t is not DefVT { T: var d }) return false;
        return d switch
        {
            BorrowD => true,
            RecordD r => r.Fields.Any(f => HasBorrow(f.Type, depth + 1)),
            VariantD v => v.Cases.Any(c => c.Type is { } ct && HasBorrow(ct, depth + 1)),
            ListD l => HasBorrow(l.Element, depth + 1),
            TupleD tu => tu.Types.Any(x => HasBorrow(x, depth + 1)),
            OptionD o => HasBorrow(o.Type, depth + 1),
            ResultD r => r.Ok is { } ok && HasBorrow(ok, depth + 1) || r.Error is { } e && HasBorrow(e, depth + 1),
            _ => false,
        };
    }

    /// <summary>Every resource a type refers to.</summary>
    public static HashSet<ResourceId> Mentioned(CType t)
    {
        var set = new HashSet<ResourceId>();
        Collect(t, set, bound: null, 0);
        return set;
    }

    /// <summary>The resources an extern type uses that it does not itself introduce (by an export or import inside it).</summary>
    public static HashSet<ResourceId> Free(ET t)
    {
        var set = new HashSet<ResourceId>();
        var bound = new HashSet<ResourceId>();
        Collect(t, set, bound, 0);
        set.ExceptWith(bound);
        return set;
    }

    private static void Collect(ET e, HashSet<ResourceId> set, HashSet<ResourceId>? bound, int depth)
    {
        switch (e)
        {
            case FuncET f: Collect(f.Type, set, bound, depth + 1); break;
            case TypeET t: Collect(t.Type, set, bound, depth + 1); break;
            case ComponentET c: Collect(c.Type, set, bound, depth + 1); break;
            case InstanceET i: Collect(i.Type, set, bound, depth + 1); break;
        }
    }

    private static void Collect(CType t, HashSet<ResourceId> set, HashSet<ResourceId>? bound, int depth)
    {
        if (depth > MaxDepth) return;
        switch (t)
        {
            case ResourceT r: set.Add(r.Id); break;
            case FuncT f:
                foreach (var p in f.Params) Collect(p.Type, set, depth + 1);
                if (f.Result is { } res) Collect(res, set, depth + 1);
                break;
            case InstanceT i: Members(i.Exports, set, bound, depth); break;
            case ComponentT c: Members(c.Imports, set, bound, depth); Members(c.Exports, set, bound, depth); break;
            case DefT d: Collect(new DefVT(d), set, depth + 1); break;
        }
    }

    private static void Members(List<(string Name, ET Type)> members, HashSet<ResourceId> set, HashSet<ResourceId>? bound, int depth)
    {
        foreach (var (_, et) in members)
        {
            if (et is TypeET { Type: ResourceT r } && bound is not null) bound.Add(r.Id);
            Collect(et, set, bound, depth + 1);
        }
    }

    private static void Collect(VT v, HashSet<ResourceId> set, int depth)
    {
        if (depth > MaxDepth || v is not DefVT { T: var d }) return;
        switch (d)
        {
            case OwnD o: set.Add(o.Resource); break;
            case BorrowD b: set.Add(b.Resource); break;
            case RecordD r: foreach (var f in r.Fields) Collect(f.Type, set, depth + 1); break;
            case VariantD va: foreach (var c in va.Cases) if (c.Type is { } ct) Collect(ct, set, depth + 1); break;
            case ListD l: Collect(l.Element, set, depth + 1); break;
            case TupleD tu: foreach (var x in tu.Types) Collect(x, set, depth + 1); break;
            case OptionD o: Collect(o.Type, set, depth + 1); break;
            case ResultD r:
                if (r.Ok is { } ok) Collect(ok, set, depth + 1);
                if (r.Error is { } e) Collect(e, set, depth + 1);
                break;
        }
    }
}
