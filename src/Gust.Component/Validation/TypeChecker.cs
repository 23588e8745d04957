using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>Type definitions: value types with their label rules, function types, component and instance types, resources.</summary>
internal sealed partial class Checker
{
    public CType Type(TypeDef t, Scope s)
    {
        var type = NewType(t, s);
        _definedIn[type] = s;
        if (Depth(type) > MaxTypeDepth) throw Fail("type nesting is too deep");
        return type;
    }

    /// <summary>How deeply a type nests (memoized); bounded so that every walk over types stays shallow.</summary>
    private int Depth(object o, int guard = 0)
    {
        if (_typeDepth.TryGetValue(o, out var known)) return known;
        if (guard > MaxTypeDepth) return guard;
        var max = 0;
        var pending = new Stack<object>();
        pending.Push(Children(o));
        while (pending.Count > 0)
        {
            var c = pending.Pop();
            if (c is IEnumerable<object> many) { foreach (var x in many) pending.Push(x); continue; }
            max = Math.Max(max, Depth(c, guard + 1));
        }
        _typeDepth[o] = max + 1;
        return max + 1;
    }

    private CType NewType(TypeDef t, Scope s)
    {
        switch (t)
        {
            case DefValType dv:
                var def = DefVal(dv, s);
                if (Flattening.SizeAlign(new DefVT(def)).Size >= Flattening.MaxValueSize) throw Fail("type exceeds maximum byte size");
                return def;
            case FuncTypeDef f: return FuncType(f, s);
            case ComponentTypeDef ct:
            {
                var inner = Decls(ct.Decls, s, ScopeKind.ComponentType);
                return new ComponentT(inner.Imports, inner.Exports);
            }
            case InstanceTypeDef it:
            {
                var inner = Decls(it.Decls, s, ScopeKind.InstanceType);
                return new InstanceT(inner.Exports);
            }
            case ResourceTypeDef r:
                if (!s.IsComponent) throw Fail("resources can only be defined within a concrete component");
                if (r.Rep != Gust.Wasm.ValType.I32) throw Fail("resources can only be represented by `i32`");
                if (r.Dtor is { } d)
                {
                    var ft = CoreFuncAt(s, d);
                    if (ft.Params is not [Gust.Wasm.ValType.I32] || ft.Results.Length != 0) throw Fail("wrong signature for a destructor");
                }
                return new ResourceT(new ResourceId("", s));
            default:
                throw Fail("unknown type definition");
        }
    }

    private Scope Decls(List<Decl> decls, Scope parent, ScopeKind kind)
    {
        if (++_depth > MaxDepth) throw Fail("types nested too deeply");
        var s = new Scope(parent, kind);
        foreach (var d in decls)
        {
            Locate(d, Inner(d));
            switch (d)
            {
                case CoreTypeDecl ct: s.CoreTypes.Add(CoreType(ct.Type, s)); break;
                case TypeDecl td: s.Types.Add(Type(td.Type, s)); break;
                case AliasDecl a:
                    if (a.Alias.Target is InstanceExportAlias && a.Alias.Sort is not (Sort.Type or Sort.Instance))
                        throw Fail("aliases in component and instance types may only refer to types or instances");
                    if (a.Alias.Target is CoreInstanceExportAlias) throw Fail("aliases in component and instance types may only refer to types or instances");
                    Alias(a.Alias, s);
                    break;
                case ImportDecl im: Import(im.Name, im.Desc, s); break;
                case ExportDecl ex:
                    var t = ExportName(ex.Name, Extern(ex.Desc, s, ex.Name.Name), s.ExportSpace, s, visibility: true);
                    s.Exports.Add((ex.Name.Name, t));
                    AddItem(s, t);
                    break;
            }
        }
        _depth--;
        return s;
    }

    private static object Inner(Decl d) => d switch
    {
        CoreTypeDecl ct => ct.Type, TypeDecl t => t.Type, AliasDecl a => a.Alias, _ => d,
    };

    /// <summary>The extern type an import or export declares; (sub resource) makes a fresh resource named by the label.</summary>
    public ET Extern(ExternDesc d, Scope s, string name, bool fresh = true)
    {
        switch (d)
        {
            case ModuleExtern m:
                return CoreTypeAt(s, m.CoreType) is CoreModuleT mt ? new ModuleET(mt) : throw Fail($"core type index {m.CoreType} is not a module type");
            case FuncExtern f:
                return TypeAt(s, f.Type) is FuncT ft ? new FuncET(ft) : throw Fail($"type index {f.Type} is not a function type");
            case ComponentExtern c:
                return TypeAt(s, c.Type) is ComponentT ct ? new ComponentET(ct) : throw Fail($"type index {c.Type} is not a component type");
            case InstanceExtern i:
                if (TypeAt(s, i.Type) is not InstanceT it) throw Fail($"type index {i.Type} is not an instance type");
                // Each use of an instance type stands for a different instance: its abstract resources are new.
                var instance = new InstanceET(it);
                if (!fresh) return instance;
                var map = DeclaredResources(instance).ToDictionary(r => r, r => new ResourceId(r.Name));
                return Substitution.Apply(instance, map, new Dictionary<object, object>());
            case TypeExtern { Eq: { } eq }:
                return new TypeET(TypeAt(s, eq));
            case TypeExtern:
                return new TypeET(new ResourceT(new ResourceId(name)));
            default:
                throw Fail("unknown extern type");
        }
    }

    public VT Val(ValTypeRef r, Scope s)
    {
        if (r.Primitive is { } p) return new PrimVT(p);
        return TypeAt(s, r.Index) is DefT d ? new DefVT(d) : throw Fail($"type index {r.Index} is not a defined type");
    }

    private ResourceT ResourceAt(Scope s, uint i) =>
        TypeAt(s, i) is ResourceT r ? r : throw Fail($"type index {i} is not a resource type");

    private DefT DefVal(DefValType t, Scope s)
    {
        switch (t)
        {
            case PrimitiveDef p: return new PrimD(p.Kind);
            case RecordDef r:
                Labels(r.Fields.Select(f => f.Label), "record field", "field");
                return new RecordD(r.Fields.Select(f => (f.Label, Val(f.Type, s))).ToList());
            case VariantDef v:
                Labels(v.Cases.Select(c => c.Label), "variant case", "case");
                return new VariantD(v.Cases.Select(c => (c.Label, c.Type is { } ct ? Val(ct, s) : null)).ToList());
            case ListDef l:
                if (l.Length == 0) throw Fail("fixed size list length must be greater than 0");
                return new ListD(Val(l.Element, s), l.Length);
            case TupleDef tu: return new TupleD(tu.Types.Select(x => Val(x, s)).ToList());
            case FlagsDef f:
                if (f.Labels.Count > 32) throw Fail("cannot have more than 32 flags");
                Labels(f.Labels, "flag", "flag");
                return new FlagsD(f.Labels);
            case EnumDef e:
                Labels(e.Labels, "enum tag", "tag");
                return new EnumD(e.Labels);
            case OptionDef o: return new OptionD(Val(o.Type, s));
            case ResultDef r: return new ResultD(r.Ok is { } ok ? Val(ok, s) : null, r.Error is { } err ? Val(err, s) : null);
            case OwnDef o: return new OwnD(ResourceAt(s, o.Resource));
            case BorrowDef b: return new BorrowD(ResourceAt(s, b.Resource));
            default: throw Fail("unknown defined type");
        }
    }

    /// <summary>Labels are non-empty kebab-case and strongly unique: "record field name `X` conflicts with previous field name `x`".</summary>
    private void Labels(IEnumerable<string> labels, string what, string previous)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in labels)
        {
            if (l.Length == 0) throw Fail($"{what} name cannot be empty");
            if (!ExternNameSyntax.IsKebab(l)) throw Fail($"{what} name `{l}` is not in kebab case");
            if (!seen.TryAdd(l.ToLowerInvariant(), l)) throw Fail($"{what} name `{l}` conflicts with previous {previous} name `{seen[l.ToLowerInvariant()]}`");
        }
    }

    private FuncT FuncType(FuncTypeDef f, Scope s)
    {
        Labels(f.Params.Select(p => p.Label), "function parameter", "parameter");
        var ps = f.Params.Select(p => (p.Label, Val(p.Type, s))).ToList();
        var result = f.Result is { } r ? Val(r, s) : null;
        if (result is not null && Resources.HasBorrow(result)) throw Fail("function result cannot contain a `borrow` type");
        return new FuncT(ps, result);
    }
}
