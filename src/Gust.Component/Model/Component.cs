using Gust.Wasm;

namespace Gust.Component.Model;

/// <summary>
/// A component as its sections in binary order (Binary.md "component"). Sections may repeat and
/// interleave; each definition appends to its sort's index space in that order.
/// </summary>
public sealed class ComponentDef
{
    public List<ComponentSection> Sections { get; } = new();

    /// <summary>
    /// Where definitions came from (byte offset or line:column), by identity: the reader and the text
    /// parser fill it for the definitions of this component and of the types in it, so that validation
    /// errors can point at them. Optional: a definition without an entry is reported at the file.
    /// </summary>
    public Dictionary<object, SourceLocation> Locations { get; } = new(ReferenceEqualityComparer.Instance);
}

public abstract record ComponentSection;

/// <summary>Section 0: a custom section, kept as bytes.</summary>
public sealed record ComponentCustomSection(string Name, byte[] Data) : ComponentSection;

/// <summary>Section 1: an embedded core module; <see cref="Bytes"/> are its encoding as found (or as written).</summary>
public sealed record CoreModuleSection(Module Module, byte[] Bytes) : ComponentSection;

/// <summary>Section 2.</summary>
public sealed record CoreInstanceSection(List<CoreInstanceExpr> Instances) : ComponentSection;

/// <summary>Section 3.</summary>
public sealed record CoreTypeSection(List<CoreTypeDef> Types) : ComponentSection;

/// <summary>Section 4: a nested component.</summary>
public sealed record NestedComponentSection(ComponentDef Component) : ComponentSection;

/// <summary>Section 5.</summary>
public sealed record InstanceSection(List<InstanceExpr> Instances) : ComponentSection;

/// <summary>Section 6.</summary>
public sealed record AliasSection(List<Alias> Aliases) : ComponentSection;

/// <summary>Section 7.</summary>
public sealed record TypeSection(List<TypeDef> Types) : ComponentSection;

/// <summary>Section 8.</summary>
public sealed record CanonSection(List<Canon> Funcs) : ComponentSection;

/// <summary>Section 10.</summary>
public sealed record ImportSection(List<ComponentImport> Imports) : ComponentSection;

/// <summary>Section 11.</summary>
public sealed record ExportSection(List<ComponentExport> Exports) : ComponentSection;
