using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>Walks a component's sections in order, building its index spaces and checking each definition.</summary>
internal sealed partial class Checker(string? file)
{
    private const int MaxDepth = 100;
    private int _depth;
    /// <summary>The scope each type definition was made in (by identity), for external visibility.</summary>
    private readonly Dictionary<object, Scope> _definedIn = new(ReferenceEqualityComparer.Instance);
    private const int MaxTypeDepth = 100;
    private readonly Dictionary<object, int> _typeDepth = new(ReferenceEqualityComparer.Instance);

    /// <summary>The components being checked, innermost last: their <see cref="ComponentDef.Locations"/> place errors.</summary>
    private readonly List<ComponentDef> _components = new();
    private SourceLocation _at = SourceLocation.AtOffset(file, -1);

    public WasmException Fail(string message) => WasmException.Invalid(message, _at);

    /// <summary>Notes the definition being checked, so that errors point at it.</summary>
    private void Locate(params object[] items)
    {
        foreach (var item in items)
            for (int k = _components.Count - 1; k >= 0; k--)
                if (_components[k].Locations.TryGetValue(item, out var at)) { _at = at; return; }
    }

    public ComponentT Component(ComponentDef c, Scope? parent)
    {
        if (++_depth > MaxDepth) throw Fail("components nested too deeply");
        _components.Add(c);
        var s = new Scope(parent, ScopeKind.Component);
        foreach (var section in c.Sections)
        {
            switch (section)
            {
                case ComponentCustomSection: break;
                case CoreModuleSection m: Locate(m); s.Modules.Add(CoreModule(m)); break;
                case CoreInstanceSection ci: foreach (var i in ci.Instances) { Locate(i); s.CoreInstances.Add(CoreInstance(i, s)); } break;
                case CoreTypeSection ct: foreach (var t in ct.Types) { Locate(t); s.CoreTypes.Add(CoreType(t, s)); } break;
                case NestedComponentSection n: Locate(n); s.Components.Add(Shallow(Component(n.Component, s))); break;
                case InstanceSection inst: foreach (var i in inst.Instances) { Locate(i); s.Instances.Add(Shallow(Instance(i, s))); } break;
                case AliasSection a: foreach (var x in a.Aliases) { Locate(x); Alias(x, s); } break;
                case TypeSection t: foreach (var x in t.Types) { Locate(x); s.Types.Add(Type(x, s)); } break;
                case CanonSection cs: foreach (var x in cs.Funcs) { Locate(x); Canon(x, s); } break;
                case ImportSection im: foreach (var x in im.Imports) { Locate(x); Import(x.Name, x.Desc, s); } break;
                case ExportSection ex: foreach (var x in ex.Exports) { Locate(x); Export(x, s); } break;
            }
        }
        _components.RemoveAt(_components.Count - 1);
        _depth--;
        return new ComponentT(s.Imports, s.Exports);
    }

    /// <summary>Instances and components nest through their exports; bounded like type definitions.</summary>
    private T Shallow<T>(T type) where T : CType => Depth(type) > MaxTypeDepth ? throw Fail("type nesting is too deep") : type;

    private static T At<T>(List<T> list, uint index, Func<string> error, Checker c) =>
        index < list.Count ? list[(int)index] : throw c.Fail(error());

    public CType TypeAt(Scope s, uint i) => At(s.Types, i, () => $"unknown type {i}: type index out of bounds", this);
    public FuncT FuncAt(Scope s, uint i) => At(s.Funcs, i, () => $"unknown function {i}: function index out of bounds", this);
    public InstanceT InstanceAt(Scope s, uint i) => At(s.Instances, i, () => $"unknown instance {i}: instance index out of bounds", this);
    public ComponentT ComponentAt(Scope s, uint i) => At(s.Components, i, () => $"unknown component {i}: component index out of bounds", this);
    public CoreModuleT ModuleAt(Scope s, uint i) => At(s.Modules, i, () => $"unknown module {i}: module index out of bounds", this);
    public Dictionary<string, CoreET> CoreInstanceAt(Scope s, uint i) => At(s.CoreInstances, i, () => $"unknown core instance {i}: instance index out of bounds", this);
    public FuncType CoreFuncAt(Scope s, uint i) => At(s.CoreFuncs, i, () => $"unknown core function {i}: function index out of bounds", this);
    public MemoryType CoreMemoryAt(Scope s, uint i) => At(s.CoreMemories, i, () => $"unknown memory {i}: memory index out of bounds", this);
    public object CoreTypeAt(Scope s, uint i) => At(s.CoreTypes, i, () => $"unknown core type {i}: type index out of bounds", this);

    /// <summary>The extern type of an item, as an instance export or instantiation argument.</summary>
    public ET ItemType(SortIndex item, Scope s, string use) => item.Sort switch
    {
        Sort.Func => new FuncET(FuncAt(s, item.Index)),
        Sort.Type => new TypeET(TypeAt(s, item.Index)),
        Sort.Component => new ComponentET(ComponentAt(s, item.Index)),
        Sort.Instance => new InstanceET(InstanceAt(s, item.Index)),
        Sort.CoreModule => new ModuleET(ModuleAt(s, item.Index)),
        Sort.Value => throw WasmException.Unsupported(ComponentFeatures.Values, "a value", SourceLocation.AtOffset(file, -1)),
        _ => throw Fail($"{item.Sort.Name()} not valid to be used as {use}"),
    };

    /// <summary>Adds an item of a sort with a known type to the scope's index space (imports, exports, aliases).</summary>
    public void AddItem(Scope s, ET type)
    {
        switch (type)
        {
            case FuncET f: s.Funcs.Add(f.Type); break;
            case TypeET t: s.Types.Add(t.Type); break;
            case ComponentET c: s.Components.Add(c.Type); break;
            case InstanceET i: s.Instances.Add(i.Type); break;
            case ModuleET m: s.Modules.Add(m.Type); break;
        }
    }

    private InstanceT Instance(InstanceExpr expr, Scope s)
    {
        switch (expr)
        {
            case Instantiate inst:
                var c = ComponentAt(s, inst.Component);
                var args = new Dictionary<string, ET>(StringComparer.Ordinal);
                foreach (var a in inst.Args)
                {
                    var t = ItemType(a.Item, s, "an instantiation argument");
                    if (!args.TryAdd(a.Name, t)) throw Fail($"instantiation argument `{a.Name}` conflicts with previous argument `{a.Name}`");
                }
                return Instantiate(c, args);
            case InlineExports ie:
                var exports = new List<(string, ET)>();
                var bag = new Namespace();
                foreach (var e in ie.Exports)
                {
                    var t = ItemType(e.Item, s, "export");
                    exports.Add((e.Name.Name, ExportName(e.Name, t, bag, s, visibility: false)));
                }
                return new InstanceT(exports);
            default:
                throw Fail("unknown instance expression");
        }
    }

    private void Alias(Alias a, Scope s)
    {
        switch (a.Target)
        {
            case InstanceExportAlias ie:
            {
                var inst = InstanceAt(s, ie.Instance);
                var found = inst.Exports.FirstOrDefault(e => e.Name == ie.Name).Type
                    ?? throw Fail($"instance {ie.Instance} has no export named `{ie.Name}`");
                if (!SortMatches(a.Sort, found)) throw Fail($"export `{ie.Name}` for instance {ie.Instance} is not a {a.Sort.Word()}");
                AddItem(s, found);
                break;
            }
            case CoreInstanceExportAlias ce:
            {
                var inst = CoreInstanceAt(s, ce.Instance);
                if (!inst.TryGetValue(ce.Name, out var found)) throw Fail($"core instance {ce.Instance} has no export named `{ce.Name}`");
                switch (a.Sort, found)
                {
                    case (Sort.CoreFunc, CoreFuncET f): s.CoreFuncs.Add(f.Type); break;
                    case (Sort.CoreTable, CoreTableET t): s.CoreTables.Add(t.Type); break;
                    case (Sort.CoreMemory, CoreMemoryET m): s.CoreMemories.Add(m.Type); break;
                    case (Sort.CoreGlobal, CoreGlobalET g): s.CoreGlobals.Add(g.Type); break;
                    default: throw Fail($"export `{ce.Name}` for core instance {ce.Instance} is not a {a.Sort.Word()}");
                }
                break;
            }
            case OuterAlias o:
                OuterAliasItem(a.Sort, o, s);
                break;
        }
    }

    private static bool SortMatches(Sort sort, ET t) => (sort, t) switch
    {
        (Sort.Func, FuncET) or (Sort.Type, TypeET) or (Sort.Component, ComponentET) or (Sort.Instance, InstanceET) or (Sort.CoreModule, ModuleET) => true,
        _ => false,
    };

    private void OuterAliasItem(Sort sort, OuterAlias o, Scope s)
    {
        var target = s;
        var crossesComponent = false;
        for (uint k = 0; k < o.Count; k++)
        {
            if (target.IsComponent && k < o.Count) crossesComponent = true;
            target = target.Parent ?? throw Fail($"invalid outer alias count of {o.Count}");
        }
        switch (sort)
        {
            case Sort.Type:
                var t = TypeAt(target, o.Index);
                if (crossesComponent && Resources.Mentioned(t).Count > 0)
                    throw Fail($"type index {o.Index} is not valid to be used as an outer alias: it transitively refers to resources not defined in the current component");
                s.Types.Add(t);
                break;
            case Sort.CoreType:
                s.CoreTypes.Add(CoreTypeAt(target, o.Index));
                break;
            case Sort.CoreModule:
                if (!s.IsComponent) throw Fail("aliases in component and instance types may only refer to types or instances");
                s.Modules.Add(ModuleAt(target, o.Index));
                break;
            case Sort.Component:
                if (!s.IsComponent) throw Fail("aliases in component and instance types may only refer to types or instances");
                s.Components.Add(ComponentAt(target, o.Index));
                break;
            default:
                throw Fail($"outer aliases may not refer to a {sort.Word()}");
        }
    }
}
