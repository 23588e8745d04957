namespace Gust.Component.Model;

public abstract record CoreInstanceExpr;

/// <summary>(instantiate m (with "name" (instance i))*).</summary>
public sealed record CoreInstantiate(uint Module, List<CoreInstantiateArg> Args) : CoreInstanceExpr;

public sealed record CoreInstantiateArg(string Name, uint Instance);

/// <summary>A core instance made of exports of existing core items.</summary>
public sealed record CoreInlineExports(List<CoreInlineExport> Exports) : CoreInstanceExpr;

public sealed record CoreInlineExport(string Name, SortIndex Item);

public abstract record InstanceExpr;

/// <summary>(instantiate c (with "name" item)*).</summary>
public sealed record Instantiate(uint Component, List<InstantiateArg> Args) : InstanceExpr;

public sealed record InstantiateArg(string Name, SortIndex Item);

/// <summary>An instance made of exports of existing items.</summary>
public sealed record InlineExports(List<InlineExport> Exports) : InstanceExpr;

public sealed record InlineExport(ExternName Name, SortIndex Item);

/// <summary>An alias: a new index in <see cref="Sort"/>'s space for an existing item.</summary>
public sealed record Alias(Sort Sort, AliasTarget Target);

public abstract record AliasTarget;

/// <summary>(alias export i "name"): an export of a component instance.</summary>
public sealed record InstanceExportAlias(uint Instance, string Name) : AliasTarget;

/// <summary>(alias core export i "name"): an export of a core instance.</summary>
public sealed record CoreInstanceExportAlias(uint Instance, string Name) : AliasTarget;

/// <summary>(alias outer ct idx): item idx of the scope ct levels out.</summary>
public sealed record OuterAlias(uint Count, uint Index) : AliasTarget;

public sealed record ComponentImport(ExternName Name, ExternDesc Desc);

/// <summary>An export of an item, optionally ascribing it a (super)type.</summary>
public sealed record ComponentExport(ExternName Name, SortIndex Item, ExternDesc? Ascribed);

/// <summary>
/// An import or export name with its attributes (Binary.md "nameattributes"). <see cref="Form"/> is
/// the encoding byte (0x00/0x01 plain, 0x02 with attributes) kept so bytes round-trip.
/// </summary>
public sealed record ExternName(string Name, byte Form = 0, string? Implements = null, string? VersionSuffix = null, string? ExternalId = null)
{
    public bool HasAttributes => Implements is not null || VersionSuffix is not null || ExternalId is not null;
}
