using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Wit;

// The syntax tree of one WIT file, as written (WIT.md grammar). Names are not resolved here; WitResolver does that.

/// <summary>Feature gates (WIT.md "Feature Gates"): <c>@since(version = …)</c>, <c>@unstable(feature = …)</c>, <c>@deprecated(version = …)</c>.</summary>
public sealed record WitGate(string? Since = null, string? Unstable = null, string? Deprecated = null)
{
    public static readonly WitGate None = new();
    public bool IsNone => Since is null && Unstable is null && Deprecated is null;
}

/// <summary>A package name <c>ns:name@version</c>.</summary>
public sealed record PackageName(string Namespace, string Name, string? Version = null)
{
    public override string ToString() => Version is null ? $"{Namespace}:{Name}" : $"{Namespace}:{Name}@{Version}";
    /// <summary>The name without its version, which is how packages of different versions are told apart from different packages.</summary>
    public string Unversioned => $"{Namespace}:{Name}";
}

/// <summary>
/// A path to an interface or world: bare (<c>iface</c>, <see cref="Package"/> null) or qualified
/// (<c>ns:pkg/iface@1.0.0</c>).
/// </summary>
public sealed record UsePathSyntax(PackageName? Package, string Name, SourceLocation At)
{
    public override string ToString() => Package is null ? Name
        : Package.Version is null ? $"{Package.Unversioned}/{Name}" : $"{Package.Unversioned}/{Name}@{Package.Version}";
}

/// <summary>Everything an item starts with: doc comments, gates, an optional <c>@external-id</c>.</summary>
public sealed record ItemPrefix(string? Docs, WitGate Gate, string? ExternalId)
{
    public static readonly ItemPrefix None = new(null, WitGate.None, null);
}

public sealed record UseNameSyntax(string Name, string? As, SourceLocation At);

public sealed record TopLevelUseSyntax(UsePathSyntax Path, string? As, SourceLocation At);

/// <summary>The items of one package within a file: the file's own package, or a nested <c>package a:b { … }</c>.</summary>
public sealed class PackageBodySyntax
{
    public List<TopLevelUseSyntax> Uses { get; } = [];
    public List<InterfaceSyntax> Interfaces { get; } = [];
    public List<WorldSyntax> Worlds { get; } = [];
}

public sealed record NestedPackageSyntax(PackageName Name, SourceLocation At, PackageBodySyntax Body);

/// <summary>One parsed <c>.wit</c> file.</summary>
public sealed class WitFileSyntax(string? path, PackageName? package, SourceLocation packageAt, PackageBodySyntax body, List<NestedPackageSyntax> nested)
{
    public string? Path { get; } = path;
    /// <summary>The leading <c>package ns:name;</c>, if the file has one.</summary>
    public PackageName? Package { get; } = package;
    public SourceLocation PackageAt { get; } = packageAt;
    public string? PackageDocs { get; init; }
    public PackageBodySyntax Body { get; } = body;
    public List<NestedPackageSyntax> Nested { get; } = nested;
}

public abstract record InterfaceItemSyntax(ItemPrefix Prefix, SourceLocation At);

public sealed record InterfaceSyntax(string Name, ItemPrefix Prefix, SourceLocation At, List<InterfaceItemSyntax> Items);

public sealed record UseSyntax(UsePathSyntax Path, List<UseNameSyntax> Names, ItemPrefix Prefix, SourceLocation At) : InterfaceItemSyntax(Prefix, At);

public enum FunctionKind : byte { Freestanding, Method, Static, Constructor }

public sealed record ParamSyntax(string Name, TypeSyntax Type, SourceLocation At);

public sealed record FuncTypeSyntax(bool IsAsync, List<ParamSyntax> Params, TypeSyntax? Result);

public sealed record FuncSyntax(string Name, FunctionKind Kind, FuncTypeSyntax Type, ItemPrefix Prefix, SourceLocation At) : InterfaceItemSyntax(Prefix, At);

public abstract record TypeDefSyntax(string Name, ItemPrefix Prefix, SourceLocation At) : InterfaceItemSyntax(Prefix, At);

public sealed record AliasSyntax(string Name, TypeSyntax Type, ItemPrefix Prefix, SourceLocation At) : TypeDefSyntax(Name, Prefix, At);

public sealed record FieldSyntax(string Name, TypeSyntax? Type, string? Docs, SourceLocation At);

/// <summary>record, variant, enum and flags: named members, each with a type (record), an optional type (variant) or none.</summary>
public enum CompoundKind : byte { Record, Variant, Enum, Flags }

public sealed record CompoundSyntax(CompoundKind Kind, string Name, List<FieldSyntax> Members, ItemPrefix Prefix, SourceLocation At) : TypeDefSyntax(Name, Prefix, At);

public sealed record ResourceSyntax(string Name, List<FuncSyntax> Functions, ItemPrefix Prefix, SourceLocation At) : TypeDefSyntax(Name, Prefix, At);

public abstract record TypeSyntax(SourceLocation At);
public sealed record PrimitiveSyntax(PrimitiveType Type, SourceLocation At) : TypeSyntax(At);
/// <summary>A type name; for a resource it is an owned handle (<c>own&lt;r&gt;</c> is the same).</summary>
public sealed record NamedSyntax(string Name, SourceLocation At) : TypeSyntax(At);
public sealed record BorrowSyntax(string Name, SourceLocation At) : TypeSyntax(At);
public sealed record ListSyntax(TypeSyntax Element, uint? Length, SourceLocation At) : TypeSyntax(At);
public sealed record OptionSyntax(TypeSyntax Type, SourceLocation At) : TypeSyntax(At);
public sealed record ResultSyntax(TypeSyntax? Ok, TypeSyntax? Error, SourceLocation At) : TypeSyntax(At);
public sealed record TupleSyntax(List<TypeSyntax> Types, SourceLocation At) : TypeSyntax(At);

public sealed record WorldSyntax(string Name, ItemPrefix Prefix, SourceLocation At, List<WorldItemSyntax> Items);

public abstract record WorldItemSyntax(ItemPrefix Prefix, SourceLocation At);

/// <summary>A typedef or <c>use</c> inside a world.</summary>
public sealed record WorldTypeSyntax(InterfaceItemSyntax Item) : WorldItemSyntax(Item.Prefix, Item.At);

/// <summary>
/// <c>import</c>/<c>export</c>: of an interface by path (<see cref="Name"/> null), or under a plain name of a
/// function, an inline interface, or a named interface (<c>import primary: wasi:keyvalue/store;</c>).
/// </summary>
public sealed record ExternSyntax(bool IsImport, string? Name, UsePathSyntax? Path, FuncTypeSyntax? Func, List<InterfaceItemSyntax>? Inline,
    ItemPrefix Prefix, SourceLocation At) : WorldItemSyntax(Prefix, At);

public sealed record IncludeNameSyntax(string Name, string As, SourceLocation At);

public sealed record IncludeSyntax(UsePathSyntax Path, List<IncludeNameSyntax> With, ItemPrefix Prefix, SourceLocation At) : WorldItemSyntax(Prefix, At);
