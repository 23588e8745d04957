using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Text;

internal enum ScopeKind : byte { Component, ComponentType, InstanceType }

/// <summary>
/// One scope of the text format: a component, or a component/instance type. It binds $ids per sort,
/// counts each index space and collects what is defined, as binary sections (components) or declarators (types).
/// </summary>
internal sealed class TextScope(ScopeKind kind, TextScope? parent, string? id, string? file)
{
    /// <summary>The component whose <see cref="ComponentDef.Locations"/> record this scope's definitions (types share their component's).</summary>
    private ComponentDef Located => IsType && Parent is not null ? Parent.Located : Component;

    private void Note(object item, SExpr at) => Located.Locations[item] = at.Location(file);

    private readonly Dictionary<(Sort, string), uint> _names = new();
    private readonly uint[] _counts = new uint[Enum.GetValues<Sort>().Length];

    public ScopeKind Kind { get; } = kind;
    public TextScope? Parent { get; } = parent;
    public string? Id { get; } = id;
    public ComponentDef Component { get; } = new();
    public List<Decl> Decls { get; } = new();
    public bool IsType => Kind != ScopeKind.Component;

    public WasmException Error(string message, SExpr at) => WasmException.Malformed(message, at.Location(file));
    public WasmException Invalid(string message, SExpr at) => WasmException.Invalid(message, at.Location(file));

    /// <summary>Appends an item to a sort's index space, binding its $id if it has one.</summary>
    public uint Add(Sort sort, SExpr? id)
    {
        if (id is not null && !_names.TryAdd((sort, id.Text), _counts[(int)sort]))
            throw Error($"duplicate {sort.Word()} identifier ${id.Text}", id);
        return _counts[(int)sort]++;
    }

    public bool TryLookup(Sort sort, string name, out uint index) => _names.TryGetValue((sort, name), out index);

    /// <summary>Resolves an index: a number, or a $id bound in this scope.</summary>
    public uint Resolve(Sort sort, SExpr n)
    {
        if (n.Kind == SKind.Id)
        {
            if (_names.TryGetValue((sort, n.Text), out var i)) return i;
            if (OuterName(sort, n) is { } outer) return outer;
            throw Invalid($"unknown {sort.Word()}: failed to find name `${n.Text}`", n);
        }
        if (n.Kind == SKind.Keyword && uint.TryParse(n.Text.Replace("_", ""), out var u)) return u;
        throw Error($"expected a {sort.Word()} index, found {n}", n);
    }

    /// <summary>
    /// A $id of an enclosing scope used here (types, modules, components): as in wasm-tools, an outer
    /// alias is inserted for it and the id is bound to that alias in this scope.
    /// </summary>
    private uint? OuterName(Sort sort, SExpr n)
    {
        if (sort is not (Sort.Type or Sort.CoreType or Sort.CoreModule or Sort.Component))
        {
            for (var p = Parent; p is not null; p = p.Parent)
                if (p.TryLookup(sort, n.Text, out _)) throw Invalid($"outer item `{n.Text}` is not a module, type, or component", n);
            return null;
        }
        uint count = 1;
        for (var p = Parent; p is not null; p = p.Parent, count++)
        {
            if (!p.TryLookup(sort, n.Text, out var index)) continue;
            return EmitAlias(new Alias(sort, new OuterAlias(count, index)), n, n);
        }
        return null;
    }

    public static bool IsIndex(SExpr n) => n.Kind == SKind.Id || n.Kind == SKind.Keyword && n.Text.Length > 0 && char.IsAsciiDigit(n.Text[0]);

    private T Last<T>(Func<T> make) where T : ComponentSection
    {
        if (Component.Sections.Count > 0 && Component.Sections[^1] is T t) return t;
        var s = make();
        Component.Sections.Add(s);
        return s;
    }

    private void NeedComponent(string what, SExpr at)
    {
        if (IsType) throw Error($"{what} is not allowed in a component or instance type", at);
    }

    public uint EmitType(TypeDef t, SExpr? id, SExpr at)
    {
        Note(t, at);
        if (IsType) Decls.Add(new TypeDecl(t));
        else Last(() => new TypeSection(new())).Types.Add(t);
        return Add(Sort.Type, id);
    }

    public uint EmitCoreType(CoreTypeDef t, SExpr? id, SExpr at)
    {
        Note(t, at);
        if (IsType) Decls.Add(new CoreTypeDecl(t));
        else Last(() => new CoreTypeSection(new())).Types.Add(t);
        return Add(Sort.CoreType, id);
    }

    public uint EmitAlias(Alias a, SExpr? id, SExpr at)
    {
        Note(a, at);
        if (IsType) Decls.Add(new AliasDecl(a));
        else Last(() => new AliasSection(new())).Aliases.Add(a);
        return Add(a.Sort, id);
    }

    public uint EmitImport(ExternName name, ExternDesc desc, Sort sort, SExpr? id, SExpr at)
    {
        if (Kind == ScopeKind.InstanceType) throw Error("imports are not allowed in an instance type", at);
        object item;
        if (IsType) Decls.Add((ImportDecl)(item = new ImportDecl(name, desc)));
        else Last(() => new ImportSection(new())).Imports.Add((ComponentImport)(item = new ComponentImport(name, desc)));
        Note(item, at);
        return Add(sort, id);
    }

    public uint EmitExportDecl(ExternName name, ExternDesc desc, Sort sort, SExpr? id, SExpr at)
    {
        var decl = new ExportDecl(name, desc);
        Note(decl, at);
        Decls.Add(decl);
        return Add(sort, id);
    }

    public uint EmitExport(ComponentExport e, SExpr? id, SExpr at)
    {
        Note(e, at);
        NeedComponent("an export definition", at);
        Last(() => new ExportSection(new())).Exports.Add(e);
        return Add(e.Item.Sort, id);
    }

    public uint EmitCanon(Canon c, Sort sort, SExpr? id, SExpr at)
    {
        Note(c, at);
        NeedComponent("a canonical definition", at);
        Last(() => new CanonSection(new())).Funcs.Add(c);
        return Add(sort, id);
    }

    public uint EmitInstance(InstanceExpr i, SExpr? id, SExpr at)
    {
        Note(i, at);
        NeedComponent("an instance definition", at);
        Last(() => new InstanceSection(new())).Instances.Add(i);
        return Add(Sort.Instance, id);
    }

    public uint EmitCoreInstance(CoreInstanceExpr i, SExpr? id, SExpr at)
    {
        Note(i, at);
        NeedComponent("a core instance definition", at);
        Last(() => new CoreInstanceSection(new())).Instances.Add(i);
        return Add(Sort.CoreInstance, id);
    }

    public uint EmitSection(ComponentSection s, Sort sort, SExpr? id, SExpr at)
    {
        Note(s, at);
        NeedComponent(sort.Name(), at);
        Component.Sections.Add(s);
        return Add(sort, id);
    }
}
