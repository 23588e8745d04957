using Gust.Wasm;

namespace Gust.Component.Wit;

internal sealed partial class Resolution
{
    private WitWorld World(WorldSyntax syntax, SourceLocation? usedAt = null)
    {
        if (done.TryGetValue(syntax, out var existing))
            return existing as WitWorld ?? throw WasmException.Invalid($"world `{syntax.Name}` includes itself", usedAt ?? syntax.At);
        done[syntax] = null;
        Enter(usedAt ?? syntax.At);
        var (source, body) = home[syntax];
        var world = new WitWorld(syntax.Name, Package(source)) { Docs = syntax.Prefix.Docs, Gate = syntax.Prefix.Gate };
        WitGates.CheckPackageVersion(world.Gate, source.Name, syntax.At);
        foreach (var item in syntax.Items)
        {
            WitGates.CheckPackageVersion(item.Prefix.Gate, source.Name, item.At);
            var itemName = item switch
            {
                ExternSyntax e => e.Name ?? e.Path!.ToString(),
                IncludeSyntax inc => $"include {inc.Path}",
                _ => ItemName(((WorldTypeSyntax)item).Item),
            };
            WitGates.CheckContained(item.Prefix.Gate, itemName, world.Gate, world.Name, item.At);
        }
        var items = new WorldItems(world);
        FillWorld(items, syntax, source, body);
        Elaborate(world, items);
        depth--;
        done[syntax] = world;
        world.Package.Worlds.Add(world);
        return world;
    }

    /// <summary>A world's imports and exports while they are collected; names are unique per direction.</summary>
    private sealed class WorldItems(WitWorld world)
    {
        public WitWorld World { get; } = world;
        public List<WitWorldItem> Imports { get; } = [];
        public List<WitWorldItem> Exports { get; } = [];

        public List<WitWorldItem> Of(bool import) => import ? Imports : Exports;

        /// <summary>
        /// Adds an item; an interface already there under its interface name is merged (WIT.md
        /// "De-duplication of interfaces"), any other repeated name is an error.
        /// </summary>
        public void Add(bool import, WitWorldItem item, SourceLocation at, string? fromInclude = null)
        {
            var list = Of(import);
            var same = list.FirstOrDefault(i => string.Equals(i.Name, item.Name, StringComparison.OrdinalIgnoreCase));
            if (same is null) { list.Add(item); return; }
            if (same.IsInterfaceName && item.IsInterfaceName && same.Interface == item.Interface) return;
            if (same.Type is not null && same.Type == item.Type) return;
            var dir = import ? "import" : "export";
            throw WasmException.Invalid(fromInclude is null
                ? $"{dir} `{item.Name}` is defined twice"
                : $"{dir} `{item.Name}` from world `{fromInclude}` conflicts with an {dir} of the same name; rename it with `with {{ {item.Name} as … }}`", at);
        }
    }

    private void FillWorld(WorldItems items, WorldSyntax syntax, PackageSource source, PackageBodySyntax body)
    {
        var world = items.World;
        var scope = new TypeScope(world, source, body);
        foreach (var item in syntax.Items)
        {
            if (item is WorldTypeSyntax { Item: UseSyntax use }) scope.AddUse(use);
            else if (item is WorldTypeSyntax { Item: TypeDefSyntax def }) scope.Add(def.Name, def.At, new TypeEntry(def, null, null));
        }
        ResolveTypes(scope);
        foreach (var item in syntax.Items)
        {
            switch (item)
            {
                case WorldTypeSyntax { Item: UseSyntax use }:
                    foreach (var n in use.Names) AddType(items, scope.Entries[n.As ?? n.Name].Result!, n.At);
                    break;
                case WorldTypeSyntax { Item: TypeDefSyntax def }:
                    AddType(items, scope.Entries[def.Name].Result!, def.At);
                    if (def is ResourceSyntax r)
                        foreach (var f in ResolveWorldMethods(scope, r)) items.Add(true, new(f.ExternName, false, null, f, null), def.At);
                    break;
                case ExternSyntax e:
                    items.Add(e.IsImport, Extern(scope, e), e.At);
                    break;
                case IncludeSyntax inc:
                    Include(items, inc, source, body);
                    break;
            }
        }
    }

    private List<WitFunction> ResolveWorldMethods(TypeScope scope, ResourceSyntax r)
    {
        var list = new List<WitFunction>();
        ResolveMethods(scope, r, list);
        return list;
    }

    private static void AddType(WorldItems items, WitTypeDef def, SourceLocation at) =>
        items.Add(true, new(def.Name, false, null, null, def) { Docs = def.Docs, Gate = def.Gate }, at);

    private WitWorldItem Extern(TypeScope scope, ExternSyntax e)
    {
        var world = (WitWorld)scope.Owner;
        if (e.Func is { } func)
        {
            var f = Function(scope, new FuncSyntax(e.Name!, FunctionKind.Freestanding, func, e.Prefix, e.At), null);
            return new(e.Name!, false, null, f, null) { Docs = e.Prefix.Docs, Gate = e.Prefix.Gate, ExternalId = e.Prefix.ExternalId };
        }
        if (e.Inline is { } inlineItems)
        {
            var iface = new WitInterface(null, world.Package) { Docs = e.Prefix.Docs, Gate = e.Prefix.Gate };
            FillInterface(iface, inlineItems, scope.Source, scope.Body);
            return new(e.Name!, false, iface, null, null) { Docs = e.Prefix.Docs, Gate = e.Prefix.Gate, ExternalId = e.Prefix.ExternalId };
        }
        var named = InterfaceAt(e.Path!, scope.Source, scope.Body);
        return e.Name is null
            ? new(named.QualifiedName!, true, named, null, null) { Docs = e.Prefix.Docs, Gate = e.Prefix.Gate, ExternalId = e.Prefix.ExternalId }
            : new(e.Name, false, named, null, null) { Docs = e.Prefix.Docs, Gate = e.Prefix.Gate, ExternalId = e.Prefix.ExternalId };
    }

    /// <summary>
    /// WIT.md "Union of Worlds with include": the included world's (already flattened) imports and exports join
    /// this world's; <c>with {{ a as b }}</c> renames plain names only.
    /// </summary>
    private void Include(WorldItems items, IncludeSyntax inc, PackageSource source, PackageBodySyntax body)
    {
        var included = Lookup(inc.Path, source, body) is WorldSyntax ws ? World(ws, inc.Path.At)
            : throw WasmException.Invalid($"`{inc.Path}` is an interface, not a world", inc.Path.At);
        var renames = new Dictionary<string, string>();
        foreach (var w in inc.With)
        {
            var target = included.Imports.Concat(included.Exports).FirstOrDefault(i => i.Name == w.Name)
                ?? throw WasmException.Invalid($"`{w.Name}` is not an import or export of world `{included.Name}`", w.At);
            if (target.IsInterfaceName) throw WasmException.Invalid($"`{w.Name}` is an interface name and cannot be renamed", w.At);
            if (!renames.TryAdd(w.Name, w.As)) throw WasmException.Invalid($"`{w.Name}` is renamed twice", w.At);
        }
        foreach (var (list, import) in new[] { (included.Imports, true), (included.Exports, false) })
            foreach (var item in list)
            {
                var renamed = !item.IsInterfaceName && renames.TryGetValue(item.Name, out var to) ? item with { Name = to, Function = item.Function?.Renamed(to) } : item;
                items.Add(import, renamed, inc.At, included.Name);
            }
    }

    /// <summary>
    /// WIT.md "Transitive imports and worlds": an interface that an imported or exported interface (or a world
    /// type) <c>use</c>s is imported before it, unless it is exported.
    /// </summary>
    private static void Elaborate(WitWorld world, WorldItems items)
    {
        var exported = items.Exports.Where(i => i.Interface is { Name: not null }).Select(i => i.Interface!).ToHashSet();
        var imported = new HashSet<WitInterface>();
        void Import(WitInterface iface)
        {
            if (imported.Contains(iface)) return;
            foreach (var dep in Uses(iface)) Import(dep);
            if (!imported.Add(iface)) return;
            // An implied import is gated as its world, so it satisfies the containment rule when printed.
            world.Imports.Add(new(iface.QualifiedName!, true, iface, null, null) { Gate = world.Gate });
        }
        foreach (var item in items.Imports)
        {
            if (item.IsInterfaceName)
            {
                if (imported.Contains(item.Interface!)) continue;
                foreach (var dep in Uses(item.Interface!)) Import(dep);
                imported.Add(item.Interface!);
            }
            else if (item.Interface is { } iface) foreach (var dep in Uses(iface)) Import(dep);
            else if (item.Type is { Target.Owner: WitInterface owner }) Import(owner);
            world.Imports.Add(item);
        }
        foreach (var item in items.Exports)
        {
            if (item.Interface is { } iface)
                foreach (var dep in Uses(iface))
                    if (!exported.Contains(dep)) Import(dep);
            world.Exports.Add(item);
        }
    }

    /// <summary>The interfaces whose types an interface <c>use</c>s, in first-use order.</summary>
    private static IEnumerable<WitInterface> Uses(WitInterface iface) =>
        iface.Types.Where(t => t.Kind == WitTypeDefKind.Use && t.Target!.Owner is WitInterface).Select(t => (WitInterface)t.Target!.Owner).Distinct();
}
