using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Text;

/// <summary>Type definitions, extern descriptions and the declarators of component and instance types.</summary>
internal sealed partial class FieldParser
{
    private static readonly Dictionary<string, Primitive> Primitives = new()
    {
        ["bool"] = Primitive.Bool, ["s8"] = Primitive.S8, ["u8"] = Primitive.U8, ["s16"] = Primitive.S16, ["u16"] = Primitive.U16,
        ["s32"] = Primitive.S32, ["u32"] = Primitive.U32, ["s64"] = Primitive.S64, ["u64"] = Primitive.U64,
        ["f32"] = Primitive.F32, ["f64"] = Primitive.F64, ["float32"] = Primitive.F32, ["float64"] = Primitive.F64,
        ["char"] = Primitive.Char, ["string"] = Primitive.String,
    };

    private void TypeField(SExpr f, TextScope s)
    {
        int i = 1;
        var id = OptId(f, ref i);
        var (exports, import) = Prelude(f, ref i);
        uint index;
        if (import is not null)
        {
            var bound = TypeBound(Item(f, i++), s);
            End(f, i);
            index = s.EmitImport(import, bound, Sort.Type, id, f);
        }
        else
        {
            var body = Item(f, i++);
            End(f, i);
            index = body.Head == "alias" ? AliasBody(body, 1, Sort.Type, id, s) : s.EmitType(DefType(body, id, s), id, f);
        }
        InlineExports(exports, Sort.Type, index, f, s);
    }

    private TypeDef DefType(SExpr d, SExpr? id, TextScope s)
    {
        if (!d.IsList)
        {
            if (d.Kind == SKind.Keyword && Primitives.TryGetValue(d.Text, out var p)) return new PrimitiveDef(p);
            if (d.IsKeyword("error-context")) throw Unsupported(ComponentFeatures.ErrorContext, "the error-context type", d);
            throw Error($"expected a type definition, found {d}", d);
        }
        switch (d.Head)
        {
            case "func": return FuncType(d, 1, s);
            case "component":
                var ct = new TextScope(ScopeKind.ComponentType, s, id?.Text, file);
                Fields(d, 1, ct);
                return new ComponentTypeDef(ct.Decls);
            case "instance":
                var it = new TextScope(ScopeKind.InstanceType, s, id?.Text, file);
                Fields(d, 1, it);
                return new InstanceTypeDef(it.Decls);
            case "resource": return ResourceType(d, s);
            default: return DefValType(d, s);
        }
    }

    private ResourceTypeDef ResourceType(SExpr d, TextScope s)
    {
        int i = 1;
        var rep = Item(d, i++);
        if (rep.Head != "rep" || rep.Items.Count != 2 || !rep.Items[1].IsKeyword("i32")) throw Error($"expected (rep i32), found {rep}", rep);
        uint? dtor = null;
        if (i < d.Items.Count && d.Items[i].Head == "dtor")
        {
            var dt = d.Items[i++];
            if (dt.Items.Count != 2) throw Error($"unexpected token {dt}", dt);
            dtor = IndexOrRef(dt.Items[1], Sort.CoreFunc, s);
        }
        End(d, i);
        return new ResourceTypeDef(Gust.Wasm.ValType.I32, dtor);
    }

    private DefValType DefValType(SExpr d, TextScope s)
    {
        var items = d.Items;
        int i = 1;
        switch (d.Head)
        {
            case "record":
                var fields = new List<LabeledType>();
                for (; i < items.Count; i++)
                {
                    var f = items[i];
                    if (f.Head != "field" || f.Items.Count != 3) throw Error($"expected (field \"name\" type), found {f}", f);
                    fields.Add(new LabeledType(String(f.Items[1]), ValType(f.Items[2], s)));
                }
                if (fields.Count == 0) throw Error("record type must have at least one field", d);
                return new RecordDef(fields);
            case "variant":
                var cases = new List<CaseDef>();
                for (; i < items.Count; i++)
                {
                    var c = items[i];
                    if (c.Head != "case") throw Error($"expected (case \"name\" type?), found {c}", c);
                    int j = 1;
                    OptId(c, ref j);
                    var label = String(Item(c, j++));
                    ValTypeRef? t = null;
                    if (j < c.Items.Count && c.Items[j].Head != "refines") t = ValType(c.Items[j++], s);
                    if (j < c.Items.Count && c.Items[j].Head == "refines") throw Unsupported(ComponentFeatures.Values, "variant case refinement", c.Items[j]);
                    End(c, j);
                    cases.Add(new CaseDef(label, t));
                }
                if (cases.Count == 0) throw Error("variant type must have at least one case", d);
                return new VariantDef(cases);
            case "list":
                var elem = ValType(Item(d, i++), s);
                uint? len = null;
                if (i < items.Count) len = U32(items[i++]);
                End(d, i);
                return new ListDef(elem, len);
            case "tuple":
                var types = new List<ValTypeRef>();
                for (; i < items.Count; i++) types.Add(ValType(items[i], s));
                if (types.Count == 0) throw Error("tuple type must have at least one type", d);
                return new TupleDef(types);
            case "flags":
            case "enum":
                var labels = new List<string>();
                for (; i < items.Count; i++) labels.Add(String(items[i]));
                if (labels.Count == 0) throw Error(d.Head == "flags" ? "flags must have at least one entry" : "enum type must have at least one variant", d);
                return d.Head == "flags" ? new FlagsDef(labels) : new EnumDef(labels);
            case "option":
                var o = ValType(Item(d, i++), s);
                End(d, i);
                return new OptionDef(o);
            case "result":
                ValTypeRef? ok = null, err = null;
                if (i < items.Count && items[i].Head != "error") ok = ValType(items[i++], s);
                if (i < items.Count && items[i].Head == "error")
                {
                    var e = items[i++];
                    if (e.Items.Count != 2) throw Error($"unexpected token {e}", e);
                    err = ValType(e.Items[1], s);
                }
                End(d, i);
                return new ResultDef(ok, err);
            case "own":
            case "borrow":
                var r = s.Resolve(Sort.Type, Item(d, i++));
                End(d, i);
                return d.Head == "own" ? new OwnDef(r) : new BorrowDef(r);
            case "stream" or "future":
                throw Unsupported(ComponentFeatures.Async, $"the {d.Head} type", d);
            case "error-context":
                throw Unsupported(ComponentFeatures.ErrorContext, "the error-context type", d);
            case "map":
                throw Unsupported(ComponentFeatures.Map, "the map type", d);
            default:
                throw Error($"unexpected token {d}", d);
        }
    }

    /// <summary>A value type: a primitive, a type index, or an inline defined type (which gets a type index of its own).</summary>
    private ValTypeRef ValType(SExpr v, TextScope s)
    {
        if (v.Kind == SKind.Keyword && Primitives.TryGetValue(v.Text, out var p)) return ValTypeRef.Of(p);
        if (v.IsKeyword("error-context")) throw Unsupported(ComponentFeatures.ErrorContext, "the error-context type", v);
        if (TextScope.IsIndex(v)) return ValTypeRef.At(s.Resolve(Sort.Type, v));
        if (v.Head == "type" && v.Items.Count == 2) return ValTypeRef.At(s.Resolve(Sort.Type, v.Items[1]));
        if (!v.IsList) throw Error($"expected a value type, found {v}", v);
        return ValTypeRef.At(s.EmitType(DefValType(v, s), null, v));
    }

    /// <summary>(func (param "name" t)* (result t)?) from item i on.</summary>
    private FuncTypeDef FuncType(SExpr d, int i, TextScope s)
    {
        var ps = new List<LabeledType>();
        ValTypeRef? result = null;
        if (i < d.Items.Count && d.Items[i].IsKeyword("async")) throw Unsupported(ComponentFeatures.Async, "an async function type", d.Items[i]);
        for (; i < d.Items.Count && d.Items[i].Head == "param"; i++)
        {
            var p = d.Items[i];
            if (p.Items.Count != 3) throw Error($"expected (param \"name\" type), found {p}", p);
            ps.Add(new LabeledType(String(p.Items[1]), ValType(p.Items[2], s)));
        }
        if (i < d.Items.Count && d.Items[i].Head == "result")
        {
            var r = d.Items[i++];
            if (r.Items.Count != 2 || r.Items[1].Kind == SKind.String) throw Error($"expected (result type), found {r}", r);
            result = ValType(r.Items[1], s);
        }
        End(d, i);
        return new FuncTypeDef(ps, result);
    }

    /// <summary>An extern description (Explainer "externdesc") with the $id it binds.</summary>
    private (ExternDesc Desc, Sort Sort, SExpr? Id) ExternDesc(SExpr d, TextScope s)
    {
        if (!d.IsList) throw Error($"expected an extern description, found {d}", d);
        int i = 0;
        var sort = SortKeyword(d, ref i, core: false);
        var id = OptId(d, ref i);
        ExternDesc desc = sort switch
        {
            Sort.Func => FuncDesc(d, i, s),
            Sort.Instance => InstanceDesc(d, i, s),
            Sort.Component => ComponentDesc(d, i, s),
            Sort.CoreModule => ModuleDesc(d, i, s),
            Sort.Type => TypeBoundAt(d, i, s),
            Sort.Value => throw Unsupported(ComponentFeatures.Values, "a value import or export", d),
            _ => throw Error($"{sort.Name()} cannot be imported or exported", d),
        };
        return (desc, sort, id);
    }

    private bool IsTypeUse(SExpr d, int i) => i == d.Items.Count - 1 && d.Items[i].Head == "type" && d.Items[i].Items.Count == 2 && !d.Items[i].Items[1].IsList;

    private ExternDesc FuncDesc(SExpr d, int i, TextScope s) =>
        new FuncExtern(IsTypeUse(d, i) ? s.Resolve(Sort.Type, d.Items[i].Items[1]) : s.EmitType(FuncType(d, i, s), null, d));

    private ExternDesc InstanceDesc(SExpr d, int i, TextScope s)
    {
        if (IsTypeUse(d, i)) return new InstanceExtern(s.Resolve(Sort.Type, d.Items[i].Items[1]));
        var it = new TextScope(ScopeKind.InstanceType, s, null, file);
        Fields(d, i, it);
        return new InstanceExtern(s.EmitType(new InstanceTypeDef(it.Decls), null, d));
    }

    private ExternDesc ComponentDesc(SExpr d, int i, TextScope s)
    {
        if (IsTypeUse(d, i)) return new ComponentExtern(s.Resolve(Sort.Type, d.Items[i].Items[1]));
        var ct = new TextScope(ScopeKind.ComponentType, s, null, file);
        Fields(d, i, ct);
        return new ComponentExtern(s.EmitType(new ComponentTypeDef(ct.Decls), null, d));
    }

    private ExternDesc ModuleDesc(SExpr d, int i, TextScope s)
    {
        if (IsTypeUse(d, i)) return new ModuleExtern(s.Resolve(Sort.CoreType, d.Items[i].Items[1]));
        return new ModuleExtern(s.EmitCoreType(ModuleType(d, i, s), null, d));
    }

    private TypeExtern TypeBoundAt(SExpr d, int i, TextScope s)
    {
        var b = TypeBound(Item(d, i++), s);
        End(d, i);
        return b;
    }

    private TypeExtern TypeBound(SExpr b, TextScope s)
    {
        if (b.Head == "eq" && b.Items.Count == 2) return new TypeExtern(s.Resolve(Sort.Type, b.Items[1]));
        if (b.Head == "sub" && b.Items.Count == 2 && b.Items[1].IsKeyword("resource")) return new TypeExtern(null);
        throw Error($"expected (eq type) or (sub resource), found {b}", b);
    }

    /// <summary>A declarator of a component or instance type.</summary>
    private void Declarator(SExpr f, TextScope s)
    {
        switch (f.Head)
        {
            case "core":
                if (Item(f, 1).IsKeyword("type")) { CoreTypeField(f, s); return; }
                throw Error($"unexpected token {f}", f);
            case "type": TypeField(f, s); break;
            case "alias": AliasField(f, s); break;
            case "import": ImportField(f, s); break;
            case "export":
                int i = 1;
                var name = Name(f, ref i);
                var (desc, sort, id) = ExternDesc(Item(f, i++), s);
                End(f, i);
                s.EmitExportDecl(name, desc, sort, id, f);
                break;
            default: throw Error($"unexpected token {f}", f);
        }
    }
}
