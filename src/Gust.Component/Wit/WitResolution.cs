using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Wit;

/// <summary>
/// One resolution run. Interfaces, worlds and named types are resolved on demand and memoized, so names may be
/// used before they are defined (WIT.md "Name resolution"); an item met again while still in progress is a cycle.
/// Lists fill in completion order, which puts each item after what it depends on.
/// </summary>
internal sealed partial class Resolution(List<PackageSource> sources)
{
    /// <summary>Bounds the on-demand recursion (type → type, interface → interface) so hostile input cannot overflow the stack.</summary>
    private const int MaxDepth = 200;

    private readonly Dictionary<PackageSource, WitPackage> packages = [];
    private readonly Dictionary<object, object?> done = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, (PackageSource Source, PackageBodySyntax Body)> home = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PackageSource, HashSet<PackageSource>> packageDeps = [];
    private int depth;

    public WitPackageSet Run(PackageSource root)
    {
        foreach (var s in sources)
            foreach (var body in s.Bodies)
            {
                foreach (var i in body.Interfaces) home[i] = (s, body);
                foreach (var w in body.Worlds) home[w] = (s, body);
            }
        foreach (var s in sources) CheckPackageNames(s);
        foreach (var s in sources)
            foreach (var body in s.Bodies)
            {
                foreach (var i in body.Interfaces) Interface(i);
                foreach (var w in body.Worlds) World(w);
            }
        var ordered = new List<WitPackage>();
        var visited = new HashSet<PackageSource>();
        void Visit(PackageSource s)
        {
            if (!visited.Add(s)) return;
            foreach (var d in packageDeps.GetValueOrDefault(s) ?? []) Visit(d);
            ordered.Add(Package(s));
        }
        foreach (var s in sources) if (s != root) Visit(s);
        ordered.Remove(Package(root));
        ordered.Add(Package(root));
        return new(ordered, Package(root));
    }

    private WitPackage Package(PackageSource s)
    {
        if (!packages.TryGetValue(s, out var p)) packages[s] = p = new WitPackage(s.Name) { Docs = s.Docs };
        return p;
    }

    /// <summary>
    /// Interfaces and worlds share one namespace per package; a file's top-level <c>use</c> names join it for that
    /// file (a <c>use</c> of a local interface under its own name is no new name).
    /// </summary>
    private static void CheckPackageNames(PackageSource s)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var body in s.Bodies)
        {
            foreach (var i in body.Interfaces) Define(seen, i.Name, i.At);
            foreach (var w in body.Worlds) Define(seen, w.Name, w.At);
        }
        foreach (var body in s.Bodies)
        {
            var fileNames = new HashSet<string>(seen, StringComparer.OrdinalIgnoreCase);
            foreach (var u in body.Uses)
                if (u.Path.Package is not null || u.As is not null && u.As != u.Path.Name) Define(fileNames, u.As ?? u.Path.Name, u.At);
        }
    }

    private static void Define(HashSet<string> seen, string name, SourceLocation at)
    {
        if (!seen.Add(name)) throw WasmException.Invalid($"name `{name}` is defined twice", at);
    }

    private void Enter(SourceLocation at)
    {
        if (++depth > MaxDepth) throw WasmException.Invalid("definitions refer to each other too deeply", at);
    }

    // ---- paths -------------------------------------------------------------------------------------

    /// <summary>
    /// The interface or world a path names, seen from a package body: a bare name is first one of its file's
    /// top-level <c>use</c>s, whose own bare paths name the package's interfaces (WIT.md "Item: toplevel-use").
    /// </summary>
    private object Lookup(UsePathSyntax path, PackageSource from, PackageBodySyntax body)
    {
        if (path.Package is null)
        {
            var use = body.Uses.FirstOrDefault(u => (u.As ?? u.Path.Name) == path.Name);
            return use is { Path.Package: not null } ? Lookup(use.Path, from, body) : LookupIn(from, use?.Path.Name ?? path.Name, path.At);
        }
        var target = FindPackage(path.Package, path.At);
        if (target != from)
        {
            if (!packageDeps.TryGetValue(from, out var deps)) packageDeps[from] = deps = [];
            deps.Add(target);
        }
        return LookupIn(target, path.Name, path.At);
    }

    private PackageSource FindPackage(PackageName name, SourceLocation at)
    {
        var exact = sources.FirstOrDefault(s => s.Name == name);
        if (exact is not null) return exact;
        if (name.Version is null)
        {
            var some = sources.Where(s => s.Name.Unversioned == name.Unversioned).ToList();
            if (some.Count == 1) return some[0];
        }
        throw WasmException.Invalid($"package `{name}` not found", at);
    }

    private static object LookupIn(PackageSource s, string name, SourceLocation at)
    {
        foreach (var body in s.Bodies)
        {
            if (body.Interfaces.FirstOrDefault(i => i.Name == name) is { } iface) return iface;
            if (body.Worlds.FirstOrDefault(w => w.Name == name) is { } world) return world;
        }
        throw WasmException.Invalid($"interface or world `{name}` not found in package `{s.Name}`", at);
    }

    private WitInterface InterfaceAt(UsePathSyntax path, PackageSource from, PackageBodySyntax body) =>
        Lookup(path, from, body) is InterfaceSyntax i ? Interface(i, path.At)
            : throw WasmException.Invalid($"`{path}` is a world, not an interface", path.At);

    // ---- interfaces -------------------------------------------------------------------------------

    private WitInterface Interface(InterfaceSyntax syntax, SourceLocation? usedAt = null)
    {
        if (done.TryGetValue(syntax, out var existing))
            return existing as WitInterface ?? throw WasmException.Invalid($"interface `{syntax.Name}` depends on itself", usedAt ?? syntax.At);
        done[syntax] = null;
        Enter(usedAt ?? syntax.At);
        var (source, body) = home[syntax];
        var iface = new WitInterface(syntax.Name, Package(source)) { Docs = syntax.Prefix.Docs, Gate = syntax.Prefix.Gate };
        WitGates.CheckPackageVersion(iface.Gate, source.Name, syntax.At);
        FillInterface(iface, syntax.Items, source, body);
        depth--;
        done[syntax] = iface;
        iface.Package.Interfaces.Add(iface);
        return iface;
    }

    private void FillInterface(WitInterface iface, List<InterfaceItemSyntax> items, PackageSource source, PackageBodySyntax body)
    {
        var scope = new TypeScope(iface, source, body);
        foreach (var item in items)
        {
            WitGates.CheckPackageVersion(item.Prefix.Gate, source.Name, item.At);
            WitGates.CheckContained(item.Prefix.Gate, ItemName(item), iface.Gate, iface.Name ?? "interface", item.At);
            if (item is ResourceSyntax res)
                foreach (var m in res.Functions)
                {
                    WitGates.CheckPackageVersion(m.Prefix.Gate, source.Name, m.At);
                    WitGates.CheckContained(m.Prefix.Gate, m.Name, res.Prefix.Gate, res.Name, m.At);
                }
            switch (item)
            {
                case UseSyntax use: scope.AddUse(use); break;
                case TypeDefSyntax def: scope.Add(def.Name, def.At, new TypeEntry(def, null, null)); break;
                case FuncSyntax f: scope.DefineName(f.Name, f.At); break;
            }
        }
        ResolveTypes(scope);
        // Resource functions first, in the order of their resources, then the rest as declared: the order the
        // printer writes them in, so printed text resolves back to the same order.
        foreach (var t in iface.Types)
            if (t.Kind == WitTypeDefKind.Resource && scope.Entries[t.Name].Def is ResourceSyntax r) ResolveMethods(scope, r, iface.Functions);
        foreach (var item in items)
            if (item is FuncSyntax f) iface.Functions.Add(Function(scope, f, null));
    }

    private static string ItemName(InterfaceItemSyntax item) => item switch
    {
        TypeDefSyntax t => t.Name,
        FuncSyntax f => f.Name,
        _ => $"use {((UseSyntax)item).Path}",
    };

    private void ResolveMethods(TypeScope scope, ResourceSyntax r, List<WitFunction> into)
    {
        var def = scope.Entries[r.Name].Result!;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in r.Functions)
        {
            if (m.Kind == FunctionKind.Constructor ? !names.Add("[constructor]") : !names.Add(m.Name))
                throw WasmException.Invalid(m.Kind == FunctionKind.Constructor ? $"resource `{r.Name}` has two constructors" : $"name `{m.Name}` is defined twice", m.At);
            var f = Function(scope, m, def);
            def.Methods.Add(f);
            into.Add(f);
        }
    }

    private WitFunction Function(TypeScope scope, FuncSyntax syntax, WitTypeDef? resource)
    {
        var f = new WitFunction(syntax.Kind == FunctionKind.Constructor ? resource!.Name : syntax.Name, syntax.Kind, resource)
        {
            IsAsync = syntax.Type.IsAsync, Docs = syntax.Prefix.Docs, Gate = syntax.Prefix.Gate, ExternalId = syntax.Prefix.ExternalId,
        };
        var outerGate = scope.Gate;
        scope.Gate = f.Gate;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (syntax.Kind == FunctionKind.Method)
        {
            f.Params.Add(new("self", new WitBorrow(resource!)));
            names.Add("self");
        }
        foreach (var p in syntax.Type.Params)
        {
            if (!names.Add(p.Name)) throw WasmException.Invalid($"parameter `{p.Name}` is defined twice", p.At);
            f.Params.Add(new(p.Name, Type(scope, p.Type)));
        }
        if (syntax.Kind == FunctionKind.Constructor)
        {
            f.ResultWritten = syntax.Type.Result is not null;
            f.Result = syntax.Type.Result is null ? new WitRef(resource!) : Type(scope, syntax.Type.Result);
            if (f.ResultWritten && !(f.Result is WitResult { Ok: WitRef { Def: var ok } } && ok.ResourceOf == resource!.Resource))
                throw WasmException.Invalid($"constructor of `{resource!.Name}` must return `{resource.Name}` or `result<{resource.Name}, …>`", syntax.Type.Result!.At);
        }
        else if (syntax.Type.Result is { } r) f.Result = Type(scope, r);
        scope.Gate = outerGate;
        return f;
    }

    // ---- named types ------------------------------------------------------------------------------

    /// <summary>A name in an interface or world: a typedef, or a name brought in by <c>use</c>.</summary>
    private sealed class TypeEntry(TypeDefSyntax? def, UseSyntax? use, UseNameSyntax? useName)
    {
        public TypeDefSyntax? Def { get; } = def;
        public UseSyntax? Use { get; } = use;
        public UseNameSyntax? UseName { get; } = useName;
        public bool InProgress { get; set; }
        public WitTypeDef? Result { get; set; }
    }

    private sealed class TypeScope(WitScope owner, PackageSource source, PackageBodySyntax body)
    {
        public WitScope Owner { get; } = owner;
        public PackageSource Source { get; } = source;
        public PackageBodySyntax Body { get; } = body;
        public Dictionary<string, TypeEntry> Entries { get; } = [];
        /// <summary>The gate of the item being resolved, which the types it refers to must not exceed.</summary>
        public WitGate Gate { get; set; } = WitGate.None;
        public List<TypeEntry> Order { get; } = [];
        private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

        public void DefineName(string name, SourceLocation at) => Define(names, name, at);

        public void Add(string name, SourceLocation at, TypeEntry entry)
        {
            DefineName(name, at);
            Entries[name] = entry;
            Order.Add(entry);
        }

        public void AddUse(UseSyntax use)
        {
            foreach (var n in use.Names) Add(n.As ?? n.Name, n.At, new TypeEntry(null, use, n));
        }
    }

    private void ResolveTypes(TypeScope scope)
    {
        foreach (var e in scope.Order) Named(scope, e, null);
    }

    private WitTypeDef Named(TypeScope scope, TypeEntry entry, SourceLocation? refAt)
    {
        if (entry.Result is { } r) return r;
        var name = entry.Def?.Name ?? entry.UseName!.As ?? entry.UseName.Name;
        var at = entry.Def?.At ?? entry.UseName!.At;
        if (entry.InProgress) throw WasmException.Invalid($"type `{name}` depends on itself", refAt ?? at);
        entry.InProgress = true;
        Enter(refAt ?? at);
        var outerGate = scope.Gate;
        scope.Gate = (entry.Def?.Prefix ?? entry.Use!.Prefix).Gate;
        var def = entry.Def is { } syntax ? TypeDef(scope, syntax) : UsedType(scope, entry.Use!, entry.UseName!);
        scope.Gate = outerGate;
        depth--;
        entry.InProgress = false;
        entry.Result = def;
        scope.Owner.Types.Add(def);
        return def;
    }

    private WitTypeDef UsedType(TypeScope scope, UseSyntax use, UseNameSyntax name)
    {
        var from = InterfaceAt(use.Path, scope.Source, scope.Body);
        if (from == scope.Owner) throw WasmException.Invalid($"interface `{from.Name}` cannot use itself", use.Path.At);
        var target = from.Types.FirstOrDefault(t => t.Name == name.Name)
            ?? throw WasmException.Invalid($"type `{name.Name}` not defined in interface `{from}`", name.At);
        return new WitTypeDef(name.As ?? name.Name, WitTypeDefKind.Use, scope.Owner)
        {
            Target = target, ValType = target.ValType, Docs = use.Prefix.Docs, Gate = use.Prefix.Gate,
        };
    }

    private WitTypeDef TypeDef(TypeScope scope, TypeDefSyntax syntax)
    {
        WitTypeDefKind kind = syntax switch
        {
            AliasSyntax => WitTypeDefKind.Alias,
            ResourceSyntax => WitTypeDefKind.Resource,
            CompoundSyntax { Kind: CompoundKind.Record } => WitTypeDefKind.Record,
            CompoundSyntax { Kind: CompoundKind.Variant } => WitTypeDefKind.Variant,
            CompoundSyntax { Kind: CompoundKind.Enum } => WitTypeDefKind.Enum,
            _ => WitTypeDefKind.Flags,
        };
        var def = new WitTypeDef(syntax.Name, kind, scope.Owner)
        {
            Docs = syntax.Prefix.Docs, Gate = syntax.Prefix.Gate, ExternalId = syntax.Prefix.ExternalId,
        };
        switch (syntax)
        {
            case AliasSyntax a:
                def.Aliased = Type(scope, a.Type);
                def.ValType = def.Aliased.ValType;
                break;
            case ResourceSyntax:
                def.Resource = new ResourceType(syntax.Name);
                def.ValType = new OwnType(def.Resource);
                break;
            case CompoundSyntax c:
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var m in c.Members)
                {
                    if (!seen.Add(m.Name)) throw WasmException.Invalid($"{(kind == WitTypeDefKind.Record ? "field" : kind == WitTypeDefKind.Flags ? "flag" : "case")} `{m.Name}` is defined twice", m.At);
                    def.Members.Add(new(m.Name, m.Type is null ? null : Type(scope, m.Type), m.Docs));
                }
                if (kind == WitTypeDefKind.Flags && c.Members.Count > 32)
                    throw WasmException.Invalid($"flags `{c.Name}` has {c.Members.Count} flags; at most 32 are allowed", c.At);
                def.ValType = kind switch
                {
                    WitTypeDefKind.Record => new RecordType(def.Members.Select(m => new Field(m.Name, m.Type!.ValType)).ToEquatableList()),
                    WitTypeDefKind.Variant => new VariantType(def.Members.Select(m => new Case(m.Name, m.Type?.ValType)).ToEquatableList()),
                    WitTypeDefKind.Enum => new EnumType(def.Members.Select(m => m.Name).ToEquatableList()),
                    _ => new FlagsType(def.Members.Select(m => m.Name).ToEquatableList()),
                };
                break;
        }
        return def;
    }

    private WitType Type(TypeScope scope, TypeSyntax syntax) => syntax switch
    {
        PrimitiveSyntax p => new WitPrimitive(p.Type),
        ListSyntax l => new WitList(Type(scope, l.Element), l.Length),
        OptionSyntax o => new WitOption(Type(scope, o.Type)),
        ResultSyntax r => new WitResult(r.Ok is null ? null : Type(scope, r.Ok), r.Error is null ? null : Type(scope, r.Error)),
        TupleSyntax t => new WitTuple(t.Types.Select(x => Type(scope, x)).ToEquatableList()),
        BorrowSyntax b => Lookup(scope, b.Name, b.At) is { ResourceOf: not null } res ? new WitBorrow(res)
            : throw WasmException.Invalid($"type `{b.Name}` is not a resource, so it cannot be borrowed", b.At),
        NamedSyntax n => new WitRef(Lookup(scope, n.Name, n.At)),
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    private WitTypeDef Lookup(TypeScope scope, string name, SourceLocation at)
    {
        if (!scope.Entries.TryGetValue(name, out var e)) throw WasmException.Invalid($"type `{name}` not defined", at);
        var gate = scope.Gate;
        var def = Named(scope, e, at);
        WitGates.CheckReference(gate, def, at);
        return def;
    }
}
