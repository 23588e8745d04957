using Gust.Component.Model;

namespace Gust.Component.Validation;

/// <summary>Imports and exports: name syntax and uniqueness, annotated-name typing, and resource visibility.</summary>
internal sealed partial class Checker
{
    private void Import(ExternName name, ExternDesc desc, Scope s)
    {
        var t = Extern(desc, s, name.Name);
        var parsed = CheckName(name, t, s.ImportSpace);
        var key = ExternNameSyntax.UniqueKey(name.Name);
        if (!s.ImportSpace.Keys.TryAdd(key, name.Name)) throw Fail($"import name `{name.Name}` conflicts with previous name `{s.ImportSpace.Keys[key]}`");
        Visible(t, s, export: false);
        t = Named(t, s, s.ImportSpace);
        Introduce(t, parsed, s.ImportSpace);
        s.Imports.Add((name.Name, t));
        AddItem(s, t);
    }

    private void Export(ComponentExport e, Scope s)
    {
        var t = ItemType(e.Item, s, "export");
        if (e.Ascribed is not null)
        {
            var ascribed = Extern(e.Ascribed, s, e.Name.Name, fresh: false);
            if (ascribed is TypeET { Type: ResourceT } && e.Ascribed is TypeExtern { Eq: null })
            {
                // (export "r" (type $x) (type (sub resource))): $x must be a resource; the export is a new abstract one.
                if (t is not TypeET { Type: ResourceT }) throw Fail("expected resource, found defined type");
            }
            else
            {
                var sub = new Subtyping(this);
                sub.Bindable.UnionWith(DeclaredResources(ascribed));
                try
                {
                    sub.Extern(t, ascribed);
                    ascribed = Substitution.Apply(ascribed, sub.Map, new Dictionary<object, object>());
                }
                catch (Gust.Wasm.WasmException x) when (x.Diagnostic.Kind == Gust.Wasm.DiagnosticKind.Invalid)
                {
                    throw Fail($"ascribed type of export is not compatible with item's type: {x.Diagnostic.Message}");
                }
            }
            t = ascribed;
        }
        t = ExportName(e.Name, t, s.ExportSpace, s, visibility: true);
        s.Exports.Add((e.Name.Name, t));
        AddItem(s, t);
    }

    /// <summary>Checks an export name of a component, component/instance type or inline instance (scope null: no visibility rules).</summary>
    public ET ExportName(ExternName name, ET t, Namespace ns, Scope s, bool visibility)
    {
        var parsed = CheckName(name, t, ns);
        var key = ExternNameSyntax.UniqueKey(name.Name);
        if (!ns.Keys.TryAdd(key, name.Name)) throw Fail($"export name `{name.Name}` conflicts with previous name `{ns.Keys[key]}`");
        if (visibility) Visible(t, s, export: true);
        t = Named(t, s, ns);
        Introduce(t, parsed, ns);
        return t;
    }

    /// <summary>
    /// An imported or exported type gets a type index entry of its own (equal as a type, distinct as an
    /// entry), which later imports and exports may refer to.
    /// </summary>
    private ET Named(ET t, Scope s, Namespace ns, int depth = 0)
    {
        switch (t)
        {
            case TypeET { Type: var x }:
                var copy = x is ResourceT r ? new ResourceT(r.Id) : x with { };
                ns.Named.Add(copy);
                _definedIn[copy] = s;
                return new TypeET(copy);
            case InstanceET i when depth < MaxDepth:
                // Exporting an instance names the types it exports, at any depth.
                return new InstanceET(new InstanceT(i.Type.Exports.Select(e => (e.Name, Named(e.Type, s, ns, depth + 1))).ToList()));
            default:
                return t;
        }
    }

    private ParsedExternName CheckName(ExternName name, ET t, Namespace ns)
    {
        var parsed = ExternNameSyntax.Parse(name.Name, out var error) ?? throw Fail(error!);
        if (name.Implements is { } impl)
        {
            if (t is not InstanceET) throw Fail("only instances can have an `implements` attribute");
            if (parsed.Kind == ExternNameKind.Interface) throw Fail($"name `{name.Name}` is not valid with `implements`");
            if (impl.Length == 0) throw Fail("`` is not a valid name for `implements`");
            var target = ExternNameSyntax.Parse(impl, out var implError) ?? throw Fail($"`{impl}` is not a valid name: {implError}");
            if (target.Kind != ExternNameKind.Interface) throw Fail($"`{impl}` must be an interface name");
        }
        if (parsed.Kind is ExternNameKind.Constructor or ExternNameKind.Method or ExternNameKind.Static)
        {
            if (t is not FuncET f) throw Fail($"item `{name.Name}` is not a func");
            Annotated(parsed, f.Type, ns.Resources);
        }
        return parsed;
    }

    /// <summary>[constructor]r returns (own r); [method]r.m takes (borrow r) "self" first; [static]r.m needs r known here.</summary>
    private void Annotated(ParsedExternName name, FuncT f, Dictionary<object, string> names)
    {
        switch (name.Kind)
        {
            case ExternNameKind.Constructor:
                var own = f.Result switch
                {
                    null => throw Fail("function should return one value"),
                    DefVT { T: OwnD o } => o.Via,
                    DefVT { T: ResultD { Ok: DefVT { T: OwnD o } } } => o.Via,
                    _ => throw Fail("function should return `(own $T)` or `(result (own $T))`"),
                };
                ResourceName(own, name.Resource, names);
                break;
            case ExternNameKind.Method:
                if (f.Params.Count == 0) throw Fail("function should have at least one argument");
                if (f.Params[0].Name != "self") throw Fail("function should have a first argument called `self`");
                if (f.Params[0].Type is not DefVT { T: BorrowD b }) throw Fail("function should take a first argument of `(borrow $T)`");
                ResourceName(b.Via, name.Resource, names);
                break;
            case ExternNameKind.Static:
                if (!names.ContainsValue(name.Resource)) throw Fail("static resource name is not known in this context");
                break;
        }
    }

    private void ResourceName(ResourceT r, string expected, Dictionary<object, string> names)
    {
        if (!names.TryGetValue(r, out var label)) throw Fail("resource used in function does not have a name in this context");
        if (label != expected) throw Fail($"function does not match expected resource name `{label}`");
    }

    /// <summary>
    /// External visibility (Explainer): the records, variants, enums, flags and resources defined here that
    /// an import or export uses must be used through an earlier import or export of them.
    /// </summary>
    private void Visible(ET t, Scope s, bool export)
    {
        // Instance types are checked when an import or export uses them; component types eagerly.
        if (s.Kind == ScopeKind.InstanceType) return;
        var use = export ? "export" : "import";
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var bound = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        stack.Push(t is TypeET te ? Children(te.Type) : t);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (o is IEnumerable<object> many) { foreach (var x in many) stack.Push(x); continue; }
            if (!seen.Add(o)) continue;
            if (o is RecordD or VariantD or EnumD or FlagsD or ResourceT && !bound.Contains(o) && !Explicit(o, s, export))
                throw Fail($"{TypeDescriptions.Kind(t)} not valid to be used as {use}");
            // The types an instance or component type exports (or imports) are named by it.
            var members = o switch { InstanceT i => i.Exports, ComponentT c => c.Imports.Concat(c.Exports).ToList(), _ => null };
            foreach (var (_, m) in members ?? []) if (m is TypeET { Type: var mt }) bound.Add(mt);
            stack.Push(Children(o));
        }
    }

    /// <summary>
    /// Whether a named kind of type may appear in an import or export of scope s: a type from a component
    /// must be one of s's imports (or, for exports, exports); one defined in a component or instance type
    /// must be imported or exported by that type.
    /// </summary>
    private bool Explicit(object o, Scope s, bool export)
    {
        if (!_definedIn.TryGetValue(o, out var at)) return true;
        if (at.IsComponent || at == s) return s.ImportSpace.Named.Contains(o) || export && s.ExportSpace.Named.Contains(o);
        return at.ImportSpace.Named.Contains(o) || at.ExportSpace.Named.Contains(o);
    }

    /// <summary>The types a type refers to directly.</summary>
    private static IEnumerable<object> Children(object o) => o switch
    {
        FuncET f => [f.Type],
        TypeET t => [t.Type],
        InstanceET i => [i.Type],
        ComponentET c => [c.Type],
        FuncT f => f.Params.Select(p => (object)p.Type).Concat(f.Result is { } r ? [r] : []),
        InstanceT i => i.Exports.Select(e => e.Type is TypeET te ? Children(te.Type) : (object)e.Type),
        ComponentT c => c.Imports.Concat(c.Exports).Select(e => e.Type is TypeET te ? Children(te.Type) : (object)e.Type),
        DefVT d => [d.T],
        RecordD r => r.Fields.Select(f => (object)f.Type),
        VariantD v => v.Cases.Where(c => c.Type is not null).Select(c => (object)c.Type!),
        ListD l => [l.Element],
        TupleD t => t.Types,
        OptionD op => [op.Type],
        ResultD r => new object?[] { r.Ok, r.Error }.OfType<object>(),
        OwnD ow => [ow.Via],
        BorrowD b => [b.Via],
        _ => [],
    };

    /// <summary>An import or export of a resource type names it in that namespace (for annotated names).</summary>
    private static void Introduce(ET t, ParsedExternName name, Namespace ns)
    {
        if (t is TypeET { Type: ResourceT r }) ns.Resources.TryAdd(r, name.Label);
    }
}
