using Gust.Wasm;

namespace Gust.Component.Validation;

internal enum ScopeKind : byte { Component, ComponentType, InstanceType }

/// <summary>The index spaces of one component, component type or instance type while it is validated.</summary>
internal sealed class Scope(Scope? parent, ScopeKind kind)
{
    public Scope? Parent { get; } = parent;
    public ScopeKind Kind { get; } = kind;
    public bool IsComponent => Kind == ScopeKind.Component;

    public List<CType> Types { get; } = new();
    /// <summary>Core types: <see cref="FuncType"/> or <see cref="CoreModuleT"/>.</summary>
    public List<object> CoreTypes { get; } = new();
    public List<FuncT> Funcs { get; } = new();
    public List<ComponentT> Components { get; } = new();
    public List<InstanceT> Instances { get; } = new();
    public List<CoreModuleT> Modules { get; } = new();
    public List<Dictionary<string, CoreET>> CoreInstances { get; } = new();
    public List<FuncType> CoreFuncs { get; } = new();
    public List<TableType> CoreTables { get; } = new();
    public List<MemoryType> CoreMemories { get; } = new();
    public List<GlobalType> CoreGlobals { get; } = new();

    public List<(string Name, ET Type)> Imports { get; } = new();
    public List<(string Name, ET Type)> Exports { get; } = new();
    public Dictionary<string, string> ImportKeys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> ExportKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Type index entries made by an import here (by identity): the types later imports and exports may use.</summary>
    public HashSet<object> ImportNamed { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>Type index entries made by an export here: the types later exports may use.</summary>
    public HashSet<object> ExportNamed { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Resources imported here, by the label they were imported as (imports and exports are separate namespaces).</summary>
    public Dictionary<ResourceId, string> ImportResources { get; } = new();
    public Dictionary<ResourceId, string> ExportResources { get; } = new();
}
