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
    public Namespace ImportSpace { get; } = new();
    public Namespace ExportSpace { get; } = new();
}

/// <summary>
/// The names of a scope's imports or of its exports (separate namespaces): strongly-unique keys, the
/// type index entries they made (by identity; what later imports/exports may refer to), and the
/// resource entries by the label they were given (for [constructor]r, [method]r.m, [static]r.m).
/// </summary>
internal sealed class Namespace
{
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);
    public HashSet<object> Named { get; } = new(ReferenceEqualityComparer.Instance);
    public Dictionary<object, string> Resources { get; } = new(ReferenceEqualityComparer.Instance);
}
