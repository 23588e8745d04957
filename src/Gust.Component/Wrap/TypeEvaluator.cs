using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Wrap;

// The structural view of a component's types that WIT decoding needs: value types with references to named
// types by identity, function signatures, and instance/component types as ordered lists of named items.

/// <summary>
/// A type given a name by an import or export (or a resource). <see cref="Owner"/> is the interface (or world)
/// it belongs to once known; a named type without owner is a component-internal name (a shim's import).
/// </summary>
internal sealed class NamedType(string? name, VType? def)
{
    public string? Name { get; set; } = name;
    /// <summary>What the name stands for; null for a resource.</summary>
    public VType? Def { get; } = def;
    public string? Owner { get; set; }
    public bool IsResource => Def is null;
}

internal abstract record VType;
internal sealed record VPrim(Primitive Kind) : VType;
internal sealed record VRef(NamedType Named) : VType;
internal sealed record VList(VType Element, uint? Length) : VType;
internal sealed record VRecord(List<(string Name, VType Type)> Fields) : VType;
internal sealed record VVariant(List<(string Name, VType? Type)> Cases) : VType;
internal sealed record VTuple(List<VType> Types) : VType;
internal sealed record VFlags(List<string> Labels) : VType;
internal sealed record VEnum(List<string> Labels) : VType;
internal sealed record VOption(VType Type) : VType;
internal sealed record VResult(VType? Ok, VType? Error) : VType;
internal sealed record VOwn(NamedType Resource) : VType;
internal sealed record VBorrow(NamedType Resource) : VType;

internal sealed record VFunc(List<(string Name, VType Type)> Params, VType? Result);

/// <summary>An instance type or a component type: named items (<see cref="NamedType"/>, <see cref="VFunc"/>, or nested types).</summary>
internal sealed class VItems
{
    /// <summary>True for a component type (a world), false for an instance type (an interface).</summary>
    public bool IsComponent { get; init; }
    public List<(string Name, object Item)> Imports { get; } = [];
    public List<(string Name, object Item)> Exports { get; } = [];
}

/// <summary>
/// Evaluates a component's (or a component type's) definitions in order, building its index spaces, to find the
/// types of its imports and exports. Core definitions are skipped: only component-level types matter for WIT.
/// Nested components are evaluated when instantiated, each import taking the type it declares.
/// </summary>
internal sealed class TypeEvaluator
{
    private const int MaxDepth = 64;

    private sealed class Scope(Scope? parent, VItems items)
    {
        public Scope? Parent { get; } = parent;
        public List<object?> Types { get; } = [];
        public List<VFunc?> Funcs { get; } = [];
        public List<VItems?> Instances { get; } = [];
        public List<object?> Components { get; } = []; // ComponentDef (to evaluate) or VItems (a component type)
        public VItems Items { get; } = items;
    }

    private int _depth;

    public static WasmException Bad(string message) => WasmException.Invalid(message, SourceLocation.AtOffset(null, -1));

    /// <summary>The imports and exports of a component.</summary>
    public VItems Component(ComponentDef c) => Component(c, null, null);

    /// <summary>Evaluates a component; when it is instantiated, <paramref name="args"/> give its imports (so its exports' types are in the outer terms).</summary>
    private VItems Component(ComponentDef c, Scope? parent, Dictionary<string, object?>? args)
    {
        if (++_depth > MaxDepth) throw Bad("components nested too deeply");
        var s = new Scope(parent, new VItems { IsComponent = true });
        foreach (var section in c.Sections)
        {
            switch (section)
            {
                case TypeSection t: foreach (var x in t.Types) s.Types.Add(Type(x, s)); break;
                case ImportSection im:
                    foreach (var x in im.Imports)
                    {
                        if (args is not null && args.TryGetValue(x.Name.Name, out var given) && given is not null)
                        {
                            if (given is VType v) s.Types.Add(v);
                            else Add(s, given);
                            s.Items.Imports.Add((x.Name.Name, given));
                        }
                        else s.Items.Imports.Add((x.Name.Name, Extern(x.Name.Name, x.Desc, s)!));
                    }
                    break;
                case AliasSection a: foreach (var x in a.Aliases) Alias(x, s); break;
                case CanonSection cs:
                    foreach (var f in cs.Funcs)
                        if (f is CanonLift lift) s.Funcs.Add(At(s.Types, lift.Type) as VFunc);
                    break;
                case NestedComponentSection n: s.Components.Add(n.Component); break;
                case InstanceSection inst: foreach (var i in inst.Instances) s.Instances.Add(Instance(i, s)); break;
                case ExportSection ex: foreach (var x in ex.Exports) Export(x, s); break;
            }
        }
        _depth--;
        return s.Items;
    }

    private static T? At<T>(List<T?> list, uint i) where T : class =>
        i < list.Count ? list[(int)i] : throw Bad($"index {i} out of bounds");

    private VItems? Instance(InstanceExpr e, Scope s)
    {
        switch (e)
        {
            case Instantiate inst:
                var target = At(s.Components, inst.Component);
                var items = target switch
                {
                    ComponentDef def => Component(def, s, inst.Args.ToDictionary(a => a.Name, a => Item(a.Item, s))),
                    VItems t => t,
                    _ => null,
                };
                if (items is null) return null;
                var result = new VItems();
                result.Exports.AddRange(items.Exports);
                return result;
            case InlineExports ie:
                var v = new VItems();
                foreach (var x in ie.Exports) v.Exports.Add((x.Name.Name, Item(x.Item, s)!));
                return v;
        }
        return null;
    }

    private object? Item(SortIndex item, Scope s) => item.Sort switch
    {
        Sort.Func => At(s.Funcs, item.Index),
        Sort.Type => At(s.Types, item.Index) is VRef r ? r.Named : At(s.Types, item.Index),
        Sort.Instance => At(s.Instances, item.Index),
        Sort.Component => At(s.Components, item.Index),
        _ => null,
    };

    private void Add(Scope s, object? item)
    {
        switch (item)
        {
            case NamedType n: s.Types.Add(new VRef(n)); break;
            case VFunc f: s.Funcs.Add(f); break;
            case VItems i: s.Instances.Add(i); break;
        }
    }

    private void Export(ComponentExport x, Scope s)
    {
        var item = x.Ascribed is { } desc ? Extern(x.Name.Name, desc, s, Item(x.Item, s)) : Item(x.Item, s);
        if (x.Ascribed is null && x.Item.Sort == Sort.Type && At(s.Types, x.Item.Index) is VItems type)
        {
            item = type;
            s.Types.Add(type);
        }
        else if (x.Ascribed is null && item is not null && x.Item.Sort == Sort.Type)
        {
            // Exporting a type names it anew.
            var t = At(s.Types, x.Item.Index);
            item = t is VRef { Named: { IsResource: true, Name: null } } r ? Rename(r.Named, x.Name.Name) : new NamedType(x.Name.Name, t as VType);
            s.Types.Add(new VRef((NamedType)item));
        }
        else if (x.Ascribed is null) Add(s, item);
        s.Items.Exports.Add((x.Name.Name, item!));
    }

    /// <summary>A resource defined here and not yet named is named by its export; a named one gets another name for itself.</summary>
    private static NamedType Rename(NamedType r, string name)
    {
        if (r.Name is not null) return new NamedType(name, new VRef(r));
        r.Name = name;
        return r;
    }

    private void Alias(Model.Alias a, Scope s)
    {
        switch (a.Target)
        {
            case InstanceExportAlias ie:
                var inst = At(s.Instances, ie.Instance) ?? throw Bad($"instance {ie.Instance} has no known type");
                var found = inst.Exports.FirstOrDefault(e => e.Name == ie.Name).Item ?? throw Bad($"instance {ie.Instance} has no export `{ie.Name}`");
                Add(s, found);
                break;
            case OuterAlias o:
                var outer = s;
                for (uint i = 0; i < o.Count; i++) outer = outer.Parent ?? throw Bad("outer alias out of bounds");
                switch (a.Sort)
                {
                    case Sort.Type: s.Types.Add(At(outer.Types, o.Index)); break;
                    case Sort.Component: s.Components.Add(At(outer.Components, o.Index)); break;
                }
                break;
            default:
                // Core aliases: core index spaces are not tracked.
                if (a.Sort == Sort.Func) s.Funcs.Add(null);
                else if (a.Sort == Sort.Type) s.Types.Add(null);
                else if (a.Sort == Sort.Instance) s.Instances.Add(null);
                break;
        }
    }

    /// <summary>The item an import or export declares (a fresh name for types), added to the scope's index space.</summary>
    private object? Extern(string name, ExternDesc desc, Scope s, object? actual = null)
    {
        object? item = desc switch
        {
            FuncExtern f => At(s.Types, f.Type) as VFunc,
            InstanceExtern i => At(s.Types, i.Type) as VItems,
            ComponentExtern c => At(s.Types, c.Type) as VItems,
            TypeExtern { Eq: { } eq } => new NamedType(name, At(s.Types, eq) as VType),
            TypeExtern => actual as NamedType is { IsResource: true } r ? Rename(r, name) : new NamedType(name, null),
            _ => null,
        };
        if (desc is ComponentExtern) s.Components.Add(item);
        else Add(s, item);
        return item;
    }

    private object? Type(TypeDef t, Scope s)
    {
        switch (t)
        {
            case DefValType d: return Val(d, s);
            case FuncTypeDef f: return new VFunc(f.Params.Select(p => (p.Label, Ref(p.Type, s))).ToList(), f.Result is { } r ? Ref(r, s) : null);
            case ResourceTypeDef: return new VRef(new NamedType(null, null));
            case InstanceTypeDef i: return Decls(i.Decls, s, component: false);
            case ComponentTypeDef c: return Decls(c.Decls, s, component: true);
        }
        return null;
    }

    private VItems Decls(List<Decl> decls, Scope parent, bool component)
    {
        if (++_depth > MaxDepth) throw Bad("types nested too deeply");
        var s = new Scope(parent, new VItems { IsComponent = component });
        foreach (var d in decls)
        {
            switch (d)
            {
                case TypeDecl td: s.Types.Add(Type(td.Type, s)); break;
                case AliasDecl ad: Alias(ad.Alias, s); break;
                case ImportDecl im: s.Items.Imports.Add((im.Name.Name, Extern(im.Name.Name, im.Desc, s)!)); break;
                case ExportDecl ex: s.Items.Exports.Add((ex.Name.Name, Extern(ex.Name.Name, ex.Desc, s)!)); break;
                case CoreTypeDecl: break;
            }
        }
        _depth--;
        return s.Items;
    }

    private static VType Ref(ValTypeRef r, Scope s) =>
        r.Primitive is { } p ? new VPrim(p) : At(s.Types, r.Index) as VType ?? throw Bad($"type {r.Index} is not a value type");

    private static NamedType Resource(uint i, Scope s) =>
        At(s.Types, i) is VRef { Named: var n } && Underlying(n).IsResource ? n : throw Bad($"type {i} is not a resource");

    /// <summary>Follows names that only rename another named type, to the type that is defined.</summary>
    public static NamedType Underlying(NamedType n)
    {
        for (int i = 0; i < MaxDepth && n.Def is VRef r; i++) n = r.Named;
        return n;
    }

    private static VType Val(DefValType d, Scope s) => d switch
    {
        PrimitiveDef p => new VPrim(p.Kind),
        RecordDef r => new VRecord(r.Fields.Select(f => (f.Label, Ref(f.Type, s))).ToList()),
        VariantDef v => new VVariant(v.Cases.Select(c => (c.Label, c.Type is { } t ? Ref(t, s) : null)).ToList()),
        ListDef l => new VList(Ref(l.Element, s), l.Length),
        TupleDef t => new VTuple(t.Types.Select(x => Ref(x, s)).ToList()),
        FlagsDef f => new VFlags(f.Labels),
        EnumDef e => new VEnum(e.Labels),
        OptionDef o => new VOption(Ref(o.Type, s)),
        ResultDef r => new VResult(r.Ok is { } ok ? Ref(ok, s) : null, r.Error is { } e ? Ref(e, s) : null),
        OwnDef o => new VOwn(Resource(o.Resource, s)),
        BorrowDef b => new VBorrow(Resource(b.Resource, s)),
        _ => throw Bad("unknown value type"),
    };
}
