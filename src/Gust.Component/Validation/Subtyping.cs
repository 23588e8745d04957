using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>
/// Whether an actual extern type may be used where another is expected (instantiation arguments,
/// ascribed export types), with wasm-tools' messages. Resources of the expected side listed in
/// <see cref="Bindable"/> are type imports still to be bound: the first use binds them.
/// </summary>
internal sealed class Subtyping(Checker c)
{
    private const int MaxDepth = 200;

    public Dictionary<ResourceId, ResourceId> Map { get; } = new();
    public HashSet<ResourceId> Bindable { get; } = new();

    private ResourceId Resolve(ResourceId r) => Map.TryGetValue(r, out var m) ? m : r;

    private void Context(string context, Action check)
    {
        try { check(); }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Invalid)
        {
            throw c.Fail($"{context}: {e.Diagnostic.Message}");
        }
    }

    public void Extern(ET a, ET b, int depth = 0)
    {
        if (depth > MaxDepth) throw c.Fail("types nested too deeply");
        switch (a, b)
        {
            case (FuncET fa, FuncET fb): Func(fa.Type, fb.Type); break;
            case (TypeET ta, TypeET tb): Type(ta.Type, tb.Type); break;
            case (InstanceET ia, InstanceET ib): Instance(ia.Type, ib.Type, depth); break;
            case (ComponentET ca, ComponentET cb): Component(ca.Type, cb.Type, depth); break;
            case (ModuleET ma, ModuleET mb): CoreSubtyping.Module(ma.Type, mb.Type, c); break;
            default: throw c.Fail($"expected {TypeDescriptions.Kind(b)}, found {TypeDescriptions.Kind(a)}");
        }
    }

    private void Instance(InstanceT a, InstanceT b, int depth)
    {
        foreach (var (name, bt) in b.Exports)
        {
            var at = a.Exports.FirstOrDefault(e => e.Name == name).Type ?? throw c.Fail($"missing expected export `{name}`");
            Context($"type mismatch in instance export `{name}`", () => Extern(at, bt, depth + 1));
        }
    }

    private void Component(ComponentT a, ComponentT b, int depth)
    {
        // Imports are contravariant: what a needs, b's imports must provide; a's abstract resources bind to b's.
        foreach (var (_, at) in a.Imports) Bindable.UnionWith(Checker.DeclaredResources(at));
        foreach (var (name, at) in a.Imports)
        {
            var bt = b.Imports.FirstOrDefault(e => e.Name == name).Type ?? throw c.Fail($"missing expected import `{name}`");
            Context($"type mismatch in import `{name}`", () => Extern(bt, at, depth + 1));
        }
        foreach (var (name, bt) in b.Exports)
        {
            var at = a.Exports.FirstOrDefault(e => e.Name == name).Type ?? throw c.Fail($"missing expected export `{name}`");
            Context($"type mismatch in export `{name}`", () => Extern(at, bt, depth + 1));
        }
    }

    public void Func(FuncT a, FuncT b)
    {
        if (a.Params.Count != b.Params.Count) throw c.Fail($"expected {b.Params.Count} parameters, found {a.Params.Count}");
        for (int i = 0; i < a.Params.Count; i++)
        {
            var (an, av) = a.Params[i];
            var (bn, bv) = b.Params[i];
            if (an != bn) throw c.Fail($"expected parameter named `{bn}`, found `{an}`");
            Context($"type mismatch in function parameter `{an}`", () => Val(av, bv, 0));
        }
        switch (a.Result, b.Result)
        {
            case (null, null): break;
            case ({ } ar, { } br): Context("type mismatch with result type", () => Val(ar, br, 0)); break;
            case (null, _): throw c.Fail("expected no result, found one");
            default: throw c.Fail("expected a result, found none");
        }
    }

    public void Type(CType a, CType b)
    {
        switch (a, b)
        {
            case (ResourceT ra, ResourceT rb):
                if (Bindable.Contains(rb.Id) && !Map.ContainsKey(rb.Id)) { Map[rb.Id] = ra.Id; return; }
                if (Resolve(ra.Id) != Resolve(rb.Id)) throw c.Fail("resource types are not the same");
                break;
            case (ResourceT, DefT): throw c.Fail("expected defined type, found resource");
            case (DefT, ResourceT): throw c.Fail("expected resource, found defined type");
            case (DefT da, DefT db): Defined(da, db, 0); break;
            case (FuncT fa, FuncT fb): Func(fa, fb); break;
            case (InstanceT ia, InstanceT ib): Instance(ia, ib, 0); break;
            case (ComponentT ca, ComponentT cb): Component(ca, cb, 0); break;
            default: throw c.Fail($"expected {Word(b)}, found {Word(a)}");
        }
    }

    private static string Word(CType t) => t switch
    {
        ResourceT => "resource", DefT => "defined type", FuncT => "func", InstanceT => "instance", _ => "component",
    };

    private void Val(VT a, VT b, int depth)
    {
        if (depth > MaxDepth) throw c.Fail("types nested too deeply");
        switch (a, b)
        {
            case (PrimVT pa, PrimVT pb): Prim(pa.P, pb.P); break;
            case (DefVT da, DefVT db): Defined(da.T, db.T, depth); break;
            case (PrimVT pa, DefVT db):
                if (db.T is PrimD pd) Prim(pa.P, pd.P);
                else throw c.Fail($"expected {TypeDescriptions.Desc(db.T)}, found {TypeDescriptions.Name(pa.P)}");
                break;
            case (DefVT da, PrimVT pb):
                if (da.T is PrimD pad) Prim(pad.P, pb.P);
                else throw c.Fail($"expected {TypeDescriptions.Name(pb.P)}, found {TypeDescriptions.Desc(da.T)}");
                break;
        }
    }

    private void Prim(Types.Primitive a, Types.Primitive b)
    {
        if (a != b) throw c.Fail($"expected primitive `{TypeDescriptions.Name(b)}` found primitive `{TypeDescriptions.Name(a)}`");
    }

    private void Defined(DefT a, DefT b, int depth)
    {
        var d = depth + 1;
        switch (a, b)
        {
            case (PrimD pa, PrimD pb): Prim(pa.P, pb.P); break;
            case (_, PrimD): throw c.Fail($"expected primitive, found {TypeDescriptions.Desc(a)}");
            case (RecordD ra, RecordD rb):
                if (ra.Fields.Count != rb.Fields.Count) throw c.Fail($"expected {rb.Fields.Count} fields, found {ra.Fields.Count}");
                for (int i = 0; i < ra.Fields.Count; i++)
                {
                    var (an, at) = ra.Fields[i];
                    var (bn, bt) = rb.Fields[i];
                    if (an != bn) throw c.Fail($"expected field name `{bn}`, found `{an}`");
                    Context($"type mismatch in record field `{an}`", () => Val(at, bt, d));
                }
                break;
            case (VariantD va, VariantD vb):
                if (va.Cases.Count != vb.Cases.Count) throw c.Fail($"expected {vb.Cases.Count} cases, found {va.Cases.Count}");
                for (int i = 0; i < va.Cases.Count; i++)
                {
                    var (an, at) = va.Cases[i];
                    var (bn, bt) = vb.Cases[i];
                    if (an != bn) throw c.Fail($"expected case named `{bn}`, found `{an}`");
                    switch (at, bt)
                    {
                        case (null, null): break;
                        case ({ } x, { } y): Context($"type mismatch in variant case `{an}`", () => Val(x, y, d)); break;
                        case (null, _): throw c.Fail($"expected case `{an}` to have a type, found none");
                        default: throw c.Fail($"expected case `{an}` to have no type");
                    }
                }
                break;
            case (ListD la, ListD lb):
                if (la.Length != lb.Length) throw c.Fail("mismatch in list length");
                Val(la.Element, lb.Element, d);
                break;
            case (OptionD oa, OptionD ob): Val(oa.Type, ob.Type, d); break;
            case (TupleD ta, TupleD tb):
                if (ta.Types.Count != tb.Types.Count) throw c.Fail($"expected {tb.Types.Count} types, found {ta.Types.Count}");
                for (int i = 0; i < ta.Types.Count; i++)
                {
                    var k = i;
                    Context($"type mismatch in tuple field {k}", () => Val(ta.Types[k], tb.Types[k], d));
                }
                break;
            case (FlagsD fa, FlagsD fb):
                if (!fa.Labels.SequenceEqual(fb.Labels)) throw c.Fail("mismatch in flags elements");
                break;
            case (EnumD ea, EnumD eb):
                if (!ea.Labels.SequenceEqual(eb.Labels)) throw c.Fail("mismatch in enum elements");
                break;
            case (ResultD ra, ResultD rb):
                switch (ra.Ok, rb.Ok)
                {
                    case (null, null): break;
                    case ({ } x, { } y): Context("type mismatch in ok variant", () => Val(x, y, d)); break;
                    case (null, _): throw c.Fail("expected ok type, but found none");
                    default: throw c.Fail("expected ok type to not be present");
                }
                switch (ra.Error, rb.Error)
                {
                    case (null, null): break;
                    case ({ } x, { } y): Context("type mismatch in err variant", () => Val(x, y, d)); break;
                    case (null, _): throw c.Fail("expected err type, but found none");
                    default: throw c.Fail("expected err type to not be present");
                }
                break;
            case (OwnD oa, OwnD ob):
                if (Resolve(oa.Resource) != Resolve(ob.Resource)) throw c.Fail("resource types are not the same");
                break;
            case (BorrowD ba, BorrowD bb):
                if (Resolve(ba.Resource) != Resolve(bb.Resource)) throw c.Fail("resource types are not the same");
                break;
            default:
                throw c.Fail($"expected {TypeDescriptions.Desc(b)}, found {TypeDescriptions.Desc(a)}");
        }
    }
}
