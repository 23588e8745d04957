using Gust.Component.Types;

namespace Gust.Component.Wit;

// The resolved WIT model: packages, interfaces, worlds, named type definitions and functions, with every
// type available both as written (WitType, which keeps names) and as a component value type (ComponentValType).

/// <summary>All packages resolved together: the root package and its dependencies, dependencies first.</summary>
public sealed class WitPackageSet(IReadOnlyList<WitPackage> packages, WitPackage root)
{
    /// <summary>Every package, each after the packages it depends on; <see cref="Root"/> is last.</summary>
    public IReadOnlyList<WitPackage> Packages { get; } = packages;
    public WitPackage Root { get; } = root;

    public WitPackage? Find(PackageName name) => Packages.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// World selection (WIT.md "Specifying a World"): no name → the root package's only world; a plain name →
    /// that world of the root package; <c>ns:pkg/world@v</c> → a world of any package.
    /// </summary>
    public WitWorld SelectWorld(string? name = null)
    {
        var at = Wasm.SourceLocation.AtLine(null, 0, 0);
        if (name is null)
            return Root.Worlds.Count == 1 ? Root.Worlds[0]
                : throw Wasm.WasmException.Invalid(Root.Worlds.Count == 0 ? $"package `{Root.Name}` has no world" : $"package `{Root.Name}` has {Root.Worlds.Count} worlds; name one", at);
        int slash = name.IndexOf('/');
        if (slash < 0)
            return Root.Worlds.FirstOrDefault(w => w.Name == name) ?? throw Wasm.WasmException.Invalid($"world `{name}` not found in package `{Root.Name}`", at);
        // ns:pkg/world@version
        int colon = name.IndexOf(':'), version = name.IndexOf('@', slash);
        var unversioned = colon < 0 || colon > slash ? name : name[..slash];
        var worldName = version < 0 ? name[(slash + 1)..] : name[(slash + 1)..version];
        var pkgs = Packages.Where(p => p.Name.Unversioned == unversioned && (version < 0 || p.Name.Version == name[(version + 1)..])).ToList();
        return pkgs.Count == 1 && pkgs[0].Worlds.FirstOrDefault(w => w.Name == worldName) is { } world ? world
            : throw Wasm.WasmException.Invalid($"world `{name}` not found", at);
    }
}

public sealed class WitPackage(PackageName name)
{
    public PackageName Name { get; } = name;
    public string? Docs { get; internal set; }
    /// <summary>Interfaces in dependency order (an interface after those it uses), otherwise as declared.</summary>
    public List<WitInterface> Interfaces { get; } = [];
    public List<WitWorld> Worlds { get; } = [];

    public override string ToString() => Name.ToString();
}

/// <summary>What declares named types: an interface, or a world (its own <c>use</c>s and typedefs).</summary>
public abstract class WitScope
{
    /// <summary>The interface's or world's name; null for an inline interface of a world (named by its import/export).</summary>
    public abstract string? Name { get; }
    /// <summary>Named types in dependency order (each after the types it refers to), otherwise as declared.</summary>
    public List<WitTypeDef> Types { get; } = [];
    public string? Docs { get; internal set; }
    public WitGate Gate { get; internal set; } = WitGate.None;
}

public sealed class WitInterface(string? name, WitPackage package) : WitScope
{
    public override string? Name { get; } = name;
    public WitPackage Package { get; } = package;
    /// <summary>
    /// All functions: first each resource's constructor, methods and static functions (desugared: <c>[method]r.f</c>
    /// takes <c>self</c>), resources in <see cref="WitScope.Types"/> order; then the freestanding functions as declared.
    /// </summary>
    public List<WitFunction> Functions { get; } = [];

    /// <summary>The interface name a component imports or exports it by: <c>ns:pkg/name@version</c>; null for an inline interface.</summary>
    public string? QualifiedName => Name is null ? null
        : Package.Name.Version is null ? $"{Package.Name.Unversioned}/{Name}" : $"{Package.Name.Unversioned}/{Name}@{Package.Name.Version}";

    public override string ToString() => QualifiedName ?? "interface { … }";
}

public sealed class WitWorld(string name, WitPackage package) : WitScope
{
    public override string Name { get; } = name;
    public WitPackage Package { get; } = package;

    /// <summary>
    /// Imports after elaboration, in order: includes flattened, and every interface that an imported or exported
    /// interface <c>use</c>s (transitively) imported before it, unless it is exported (WIT.md "Transitive imports and worlds").
    /// World-level types appear here as <see cref="WitWorldItem.Type"/> items.
    /// </summary>
    public List<WitWorldItem> Imports { get; } = [];
    public List<WitWorldItem> Exports { get; } = [];

    public override string ToString() => $"{Package.Name.Unversioned}/{Name}";
}

/// <summary>
/// One import or export of a world. <see cref="Name"/> is the component-level name: the interface name
/// (<c>ns:pkg/iface@v</c>) when <see cref="IsInterfaceName"/>, otherwise a plain name. Exactly one of
/// <see cref="Interface"/>, <see cref="Function"/> and <see cref="Type"/> is set.
/// </summary>
public sealed record WitWorldItem(string Name, bool IsInterfaceName, WitInterface? Interface, WitFunction? Function, WitTypeDef? Type)
{
    public string? Docs { get; init; }
    public WitGate Gate { get; init; } = WitGate.None;
    public string? ExternalId { get; init; }
}

public enum WitTypeDefKind : byte { Alias, Record, Variant, Enum, Flags, Resource, Use }

/// <summary>
/// A named type: <c>type</c>, record, variant, enum, flags, resource, or a name brought in by <c>use</c>
/// (<see cref="Target"/> is then the definition it names, so bindings can alias instead of copy).
/// </summary>
public sealed class WitTypeDef(string name, WitTypeDefKind kind, WitScope owner)
{
    public string Name { get; } = name;
    public WitTypeDefKind Kind { get; } = kind;
    public WitScope Owner { get; } = owner;
    public string? Docs { get; internal set; }
    public WitGate Gate { get; internal set; } = WitGate.None;
    public string? ExternalId { get; internal set; }

    /// <summary>The aliased type, for <see cref="WitTypeDefKind.Alias"/>.</summary>
    public WitType? Aliased { get; internal set; }
    /// <summary>Record fields, variant cases (<see cref="WitMember.Type"/> null when without payload), enum cases or flags.</summary>
    public List<WitMember> Members { get; } = [];
    /// <summary>The resource's identity, for <see cref="WitTypeDefKind.Resource"/>.</summary>
    public ResourceType? Resource { get; internal set; }
    /// <summary>A resource's constructor, methods and static functions, as declared.</summary>
    public List<WitFunction> Methods { get; } = [];
    /// <summary>The definition a <see cref="WitTypeDefKind.Use"/> names.</summary>
    public WitTypeDef? Target { get; internal set; }

    /// <summary>The component value type this name stands for; for a resource, an owned handle.</summary>
    public ComponentValType ValType { get; internal set; } = null!;

    /// <summary>The resource this name stands for (through uses and aliases), or null.</summary>
    public ResourceType? ResourceOf => ValType is OwnType own ? own.Resource : null;

    public override string ToString() => Name;
}

public sealed record WitMember(string Name, WitType? Type, string? Docs);

public sealed record WitParam(string Name, WitType Type);

public sealed class WitFunction(string name, FunctionKind kind, WitTypeDef? resource)
{
    /// <summary>The name as written: <c>read</c> for a method <c>read</c> of resource <c>file</c>; the resource's name for a constructor.</summary>
    public string Name { get; } = name;
    public FunctionKind Kind { get; } = kind;
    /// <summary>The resource a method, static function or constructor belongs to.</summary>
    public WitTypeDef? Resource { get; } = resource;
    public bool IsAsync { get; internal set; }
    /// <summary>Parameters; a method's first is <c>self: borrow&lt;r&gt;</c>.</summary>
    public List<WitParam> Params { get; } = [];
    /// <summary>The result type; a constructor's is the owned resource unless written.</summary>
    public WitType? Result { get; internal set; }
    /// <summary>True for a constructor whose result was written (<c>-&gt; result&lt;r, e&gt;</c>).</summary>
    public bool ResultWritten { get; internal set; }
    public string? Docs { get; internal set; }
    public WitGate Gate { get; internal set; } = WitGate.None;
    public string? ExternalId { get; internal set; }

    /// <summary>The component-level name (WIT.md "Item: resource"): <c>f</c>, <c>[method]r.f</c>, <c>[static]r.f</c>, <c>[constructor]r</c>.</summary>
    public string ExternName => Kind switch
    {
        FunctionKind.Method => $"[method]{Resource!.Name}.{Name}",
        FunctionKind.Static => $"[static]{Resource!.Name}.{Name}",
        FunctionKind.Constructor => $"[constructor]{Resource!.Name}",
        _ => Name,
    };

    /// <summary>A copy under another name: a world function renamed by <c>include … with { a as b }</c>.</summary>
    internal WitFunction Renamed(string newName)
    {
        var f = new WitFunction(newName, Kind, Resource)
        {
            IsAsync = IsAsync, Result = Result, ResultWritten = ResultWritten, Docs = Docs, Gate = Gate, ExternalId = ExternalId,
        };
        f.Params.AddRange(Params);
        return f;
    }

    public ComponentFuncType FuncType => new(Params.Select(p => new Param(p.Name, p.Type.ValType)).ToEquatableList(), Result?.ValType);

    public override string ToString() => ExternName;
}

/// <summary>A type as written in WIT: names stay names (<see cref="WitRef"/>), so printers and bindings can use them.</summary>
public abstract record WitType
{
    /// <summary>The component value type (structural; resources by identity).</summary>
    public abstract ComponentValType ValType { get; }
}

public sealed record WitPrimitive(PrimitiveType Type) : WitType
{
    public override ComponentValType ValType => Type;
}

public sealed record WitList(WitType Element, uint? Length = null) : WitType
{
    public override ComponentValType ValType => new ListType(Element.ValType, Length);
}

public sealed record WitOption(WitType Type) : WitType
{
    public override ComponentValType ValType => new OptionType(Type.ValType);
}

public sealed record WitResult(WitType? Ok, WitType? Error) : WitType
{
    public override ComponentValType ValType => new ResultType(Ok?.ValType, Error?.ValType);
}

public sealed record WitTuple(EquatableList<WitType> Types) : WitType
{
    public override ComponentValType ValType => new TupleType(Types.Select(t => t.ValType).ToEquatableList());
}

/// <summary>A named type in scope; for a resource, an owned handle.</summary>
public sealed record WitRef(WitTypeDef Def) : WitType
{
    public override ComponentValType ValType => Def.ValType;
}

public sealed record WitBorrow(WitTypeDef Def) : WitType
{
    public override ComponentValType ValType => new BorrowType(Def.ResourceOf!);
}
