using System.Text;
using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Wasm;
using Gust.Wasm.Text;

namespace Gust.Component.Text;

/// <summary>Parses the component text format (Explainer.md) into a <see cref="ComponentDef"/>.</summary>
public static class ComponentTextParser
{
    /// <summary>Parses a file holding one (component …). Throws <see cref="WasmException"/> with line:column.</summary>
    public static ComponentDef Parse(string text, string? file = null) => Parse(Encoding.UTF8.GetBytes(text), file);

    public static ComponentDef Parse(byte[] source, string? file = null)
    {
        var top = SExprReader.Read(source, file);
        if (top.Count != 1 || top[0].Head != "component")
            throw WasmException.Malformed("expected one (component …)", top.Count > 0 ? top[0].Location(file) : SourceLocation.AtLine(file, 1, 1));
        return ParseFields(source, file, top[0], 1);
    }

    /// <summary>
    /// Parses the fields of a (component …) expression from item <paramref name="start"/> on; a $id and
    /// the script keywords "definition" there are passed over (the $id names the scope for outer aliases).
    /// </summary>
    public static ComponentDef ParseFields(byte[] source, string? file, SExpr component, int start)
    {
        string? id = null;
        for (; start < component.Items.Count && (component.Items[start].Kind == SKind.Id || component.Items[start].IsKeyword("definition")); start++)
            if (component.Items[start].Kind == SKind.Id) id = component.Items[start].Text;
        var p = new FieldParser(source, file);
        var scope = new TextScope(ScopeKind.Component, null, id, file);
        p.Fields(component, start, scope);
        return scope.Component;
    }
}

/// <summary>The definitions of a component (Explainer "definition") and their abbreviations.</summary>
internal sealed partial class FieldParser(byte[] source, string? file)
{
    private const int MaxDepth = 200;
    private int _depth;

    private WasmException Error(string message, SExpr at) => WasmException.Malformed(message, at.Location(file));
    private WasmException Unsupported(string feature, string what, SExpr at) => WasmException.Unsupported(feature, what, at.Location(file));

    private static SExpr? OptId(SExpr n, ref int i) => i < n.Items.Count && n.Items[i].Kind == SKind.Id ? n.Items[i++] : null;

    private SExpr Item(SExpr n, int i) => i < n.Items.Count ? n.Items[i] : throw Error($"unexpected end of ({n.Head} …)", n);

    private void End(SExpr n, int i)
    {
        if (i < n.Items.Count) throw Error($"unexpected token {n.Items[i]}", n.Items[i]);
    }

    private string String(SExpr n)
    {
        if (n.Kind != SKind.String) throw Error($"expected a string, found {n}", n);
        if (n.Text == "\uFFFD" && !(n.Bytes.Length == 3 && n.Bytes[0] == 0xEF)) throw Error("malformed UTF-8 encoding", n);
        return n.Text;
    }

    public void Fields(SExpr n, int start, TextScope scope)
    {
        if (++_depth > MaxDepth) throw Error("components nested too deeply", n);
        for (int i = start; i < n.Items.Count; i++)
        {
            var f = n.Items[i];
            if (!f.IsList) throw Error($"unexpected token {f}", f);
            if (scope.IsType) Declarator(f, scope); else Field(f, scope);
        }
        _depth--;
    }

    private void Field(SExpr f, TextScope s)
    {
        switch (f.Head)
        {
            case "core": CoreField(f, s); break;
            case "component": ComponentField(f, s); break;
            case "instance": InstanceField(f, s); break;
            case "alias": AliasField(f, s); break;
            case "type": TypeField(f, s); break;
            case "canon": CanonField(f, 1, s, null); break;
            case "func": FuncField(f, s); break;
            case "import": ImportField(f, s); break;
            case "export": ExportField(f, s); break;
            case "start" or "value": throw Unsupported(ComponentFeatures.Values, $"({f.Head} …)", f);
            default: throw Error($"unexpected token {f}", f);
        }
    }

    /// <summary>
    /// The abbreviations every definition allows after its $id: (export "n")* and then at most one (import "n");
    /// with an import, the rest of the expression is the import's type.
    /// </summary>
    private (List<ExternName> Exports, ExternName? Import) Prelude(SExpr f, ref int i)
    {
        var exports = new List<ExternName>();
        while (i < f.Items.Count && f.Items[i].Head == "export" && IsInlineName(f.Items[i]))
        {
            int j = 1;
            exports.Add(Name(f.Items[i], ref j));
            End(f.Items[i], j);
            i++;
        }
        if (i < f.Items.Count && f.Items[i].Head == "import" && IsInlineName(f.Items[i]))
        {
            int j = 1;
            var name = Name(f.Items[i], ref j);
            End(f.Items[i], j);
            i++;
            return (exports, name);
        }
        return (exports, null);
    }

    /// <summary>(export "n" attr*) or (import "n" attr*) with nothing else: the inline abbreviation, not a definition.</summary>
    private static bool IsInlineName(SExpr e) =>
        e.Items.Count >= 2 && e.Items[1].Kind == SKind.String && e.Items.Skip(2).All(a => a.Head is "implements" or "versionsuffix" or "external-id");

    private void InlineExports(List<ExternName> exports, Sort sort, uint index, SExpr at, TextScope s)
    {
        foreach (var e in exports) s.EmitExport(new ComponentExport(e, new SortIndex(sort, index), null), null, at);
    }

    /// <summary>An extern name and its attributes: "name" (implements "i")? (versionsuffix "v")? (external-id "x")?.</summary>
    private ExternName Name(SExpr n, ref int i)
    {
        var name = new ExternName(String(Item(n, i++)));
        while (i < n.Items.Count && n.Items[i].Head is "implements" or "versionsuffix" or "external-id")
        {
            var a = n.Items[i++];
            if (a.Items.Count != 2) throw Error($"unexpected token {a}", a);
            var v = String(a.Items[1]);
            name = a.Head switch
            {
                "implements" when name.Implements is null => name with { Implements = v, Form = 2 },
                "versionsuffix" when name.VersionSuffix is null => name with { VersionSuffix = v, Form = 2 },
                "external-id" when name.ExternalId is null => name with { ExternalId = v, Form = 2 },
                _ => throw Error("unexpected token", a),
            };
        }
        return name;
    }

    private void ComponentField(SExpr f, TextScope s)
    {
        int i = 1;
        var id = OptId(f, ref i);
        var (exports, import) = Prelude(f, ref i);
        uint index;
        if (import is not null) index = s.EmitImport(import, ComponentDesc(f, i, s), Sort.Component, id, f);
        else
        {
            var inner = new TextScope(ScopeKind.Component, s, id?.Text, file);
            Fields(f, i, inner);
            index = s.EmitSection(new NestedComponentSection(inner.Component), Sort.Component, id, f);
        }
        InlineExports(exports, Sort.Component, index, f, s);
    }

    private void ImportField(SExpr f, TextScope s)
    {
        int i = 1;
        var name = Name(f, ref i);
        var d = Item(f, i++);
        End(f, i);
        var (desc, sort, id) = ExternDesc(d, s);
        s.EmitImport(name, desc, sort, id, f);
    }

    private void ExportField(SExpr f, TextScope s)
    {
        int i = 1;
        var id = OptId(f, ref i);
        var name = Name(f, ref i);
        var item = SortIdx(Item(f, i++), s);
        ExternDesc? ascribed = null;
        if (i < f.Items.Count) ascribed = ExternDesc(f.Items[i++], s).Desc;
        End(f, i);
        s.EmitExport(new ComponentExport(name, item, ascribed), id, f);
    }

    private void FuncField(SExpr f, TextScope s)
    {
        int i = 1;
        var id = OptId(f, ref i);
        var (exports, import) = Prelude(f, ref i);
        uint index;
        if (import is not null) index = s.EmitImport(import, FuncDesc(f, i, s), Sort.Func, id, f);
        else
        {
            var body = f.Items[^1];
            if (body.Head == "alias" && i == f.Items.Count - 1) index = AliasBody(body, 1, Sort.Func, id, s);
            else if (body.Head == "canon") index = CanonField(body, 1, s, id, (f, i));
            else throw Error($"unexpected token {body}", body);
        }
        InlineExports(exports, Sort.Func, index, f, s);
    }

    private void InstanceField(SExpr f, TextScope s)
    {
        int i = 1;
        var id = OptId(f, ref i);
        var (exports, import) = Prelude(f, ref i);
        uint index;
        if (import is not null) index = s.EmitImport(import, InstanceDesc(f, i, s), Sort.Instance, id, f);
        else if (i < f.Items.Count && f.Items[i].Head == "instantiate")
        {
            var inst = f.Items[i++];
            End(f, i);
            int j = 1;
            var componentRef = Item(inst, j++);
            var component = componentRef.IsList ? SortIdx(componentRef, s).Index : s.Resolve(Sort.Component, componentRef);
            var args = new List<InstantiateArg>();
            for (; j < inst.Items.Count; j++) args.Add(InstantiateArg(inst.Items[j], s));
            index = s.EmitInstance(new Instantiate(component, args), id, f);
        }
        else if (i < f.Items.Count && f.Items[i].Head == "alias")
        {
            var a = f.Items[i++];
            End(f, i);
            index = AliasBody(a, 1, Sort.Instance, id, s);
        }
        else index = s.EmitInstance(new InlineExports(InlineExportList(f, i, s)), id, f);
        InlineExports(exports, Sort.Instance, index, f, s);
    }

    private List<InlineExport> InlineExportList(SExpr f, int i, TextScope s)
    {
        var list = new List<InlineExport>();
        for (; i < f.Items.Count; i++)
        {
            var e = f.Items[i];
            if (e.Head != "export") throw Error($"unexpected token {e}", e);
            int j = 1;
            var name = Name(e, ref j);
            list.Add(new InlineExport(name, SortIdx(Item(e, j++), s)));
            End(e, j);
        }
        return list;
    }

    private InstantiateArg InstantiateArg(SExpr a, TextScope s)
    {
        if (a.Head != "with") throw Error($"unexpected token {a}", a);
        int j = 1;
        var name = String(Item(a, j++));
        var item = Item(a, j++);
        End(a, j);
        if (item.Head == "instance" && (item.Items.Count == 1 || item.Items[1].IsList))
            return new InstantiateArg(name, new SortIndex(Sort.Instance, s.EmitInstance(new InlineExports(InlineExportList(item, 1, s)), null, item)));
        return new InstantiateArg(name, SortIdx(item, s));
    }

    /// <summary>Reads a sort keyword at item i ("func", "core" "module", …); advances past it.</summary>
    private Sort SortKeyword(SExpr n, ref int i, bool core)
    {
        var k = Item(n, i++);
        if (!core && k.IsKeyword("core"))
        {
            core = true;
            k = Item(n, i++);
        }
        if (k.Kind != SKind.Keyword) throw Error($"expected a sort, found {k}", k);
        Sort? sort = (core, k.Text) switch
        {
            (true, "func") => Sort.CoreFunc, (true, "table") => Sort.CoreTable, (true, "memory") => Sort.CoreMemory,
            (true, "global") => Sort.CoreGlobal, (true, "tag") => Sort.CoreTag, (true, "type") => Sort.CoreType,
            (true, "module") => Sort.CoreModule, (true, "instance") => Sort.CoreInstance,
            (false, "func") => Sort.Func, (false, "value") => Sort.Value, (false, "type") => Sort.Type,
            (false, "component") => Sort.Component, (false, "instance") => Sort.Instance,
            _ => null,
        };
        return sort ?? throw Error($"unexpected token {k}", k);
    }

    /// <summary>(sort idx "export"*): an item, through inline export aliases when names follow the index.</summary>
    private SortIndex SortIdx(SExpr n, TextScope s, bool core = false)
    {
        if (!n.IsList) throw Error($"expected (sort index), found {n}", n);
        int i = 0;
        var sort = SortKeyword(n, ref i, core);
        return new SortIndex(sort, Reference(n, ref i, sort, s));
    }

    /// <summary>An index followed by export names: each name aliases an export of the instance before it.</summary>
    private uint Reference(SExpr n, ref int i, Sort sort, TextScope s)
    {
        var first = Item(n, i++);
        var names = new List<SExpr>();
        while (i < n.Items.Count && n.Items[i].Kind == SKind.String) names.Add(n.Items[i++]);
        End(n, i);
        if (names.Count == 0) return s.Resolve(sort, first);
        // Core modules (and types) are exports of component instances; other core items of core instances.
        var fromCore = sort is Sort.CoreFunc or Sort.CoreTable or Sort.CoreMemory or Sort.CoreGlobal or Sort.CoreTag;
        var instSort = fromCore ? Sort.CoreInstance : Sort.Instance;
        var inst = s.Resolve(instSort, first);
        for (int k = 0; k < names.Count; k++)
        {
            var target = fromCore ? (AliasTarget)new CoreInstanceExportAlias(inst, String(names[k])) : new InstanceExportAlias(inst, String(names[k]));
            var aliasSort = k == names.Count - 1 ? sort : instSort;
            inst = s.EmitAlias(new Alias(aliasSort, target), null, names[k]);
        }
        return inst;
    }

    /// <summary>An index, or an inline (sort idx "name"*) reference, for canon options and built-ins.</summary>
    private uint IndexOrRef(SExpr n, Sort sort, TextScope s)
    {
        if (!n.IsList) return s.Resolve(sort, n);
        var r = SortIdx(n, s);
        if (r.Sort != sort) throw Error($"expected a {sort.Name()} reference, found {n}", n);
        return r.Index;
    }

    private void AliasField(SExpr f, TextScope s)
    {
        // (alias <target> (sort $id?))
        var desc = f.Items[^1];
        if (!desc.IsList) throw Error($"unexpected token {desc}", desc);
        int i = 0;
        var sort = SortKeyword(desc, ref i, core: false);
        var id = OptId(desc, ref i);
        End(desc, i);
        var alias = AliasTargetOf(f, 1, f.Items.Count - 1, sort, s);
        s.EmitAlias(alias, id, f);
    }

    /// <summary>The inline form (sort $id? (alias target)).</summary>
    private uint AliasBody(SExpr a, int i, Sort sort, SExpr? id, TextScope s) =>
        s.EmitAlias(AliasTargetOf(a, i, a.Items.Count, sort, s), id, a);

    private void EndAt(SExpr f, int i, int end)
    {
        if (i == end) return;
        var at = i < f.Items.Count ? f.Items[i] : f;
        throw Error($"unexpected token {at}", at);
    }

    private Alias AliasTargetOf(SExpr f, int i, int end, Sort sort, TextScope s)
    {
        var k = Item(f, i++);
        if (k.IsKeyword("export"))
        {
            var inst = s.Resolve(Sort.Instance, Item(f, i++));
            var name = String(Item(f, i++));
            EndAt(f, i, end);
            return new Alias(sort, new InstanceExportAlias(inst, name));
        }
        if (k.IsKeyword("core") && Item(f, i).IsKeyword("export"))
        {
            i++;
            var inst = s.Resolve(Sort.CoreInstance, Item(f, i++));
            var name = String(Item(f, i++));
            EndAt(f, i, end);
            return new Alias(sort, new CoreInstanceExportAlias(inst, name));
        }
        if (k.IsKeyword("outer"))
        {
            var scopeRef = Item(f, i++);
            var itemRef = Item(f, i++);
            EndAt(f, i, end);
            var (count, target) = OuterScope(scopeRef, s);
            if (target is null) return new Alias(sort, new OuterAlias(count, itemRef.Kind == SKind.Id ? throw s.Invalid("invalid outer alias count", scopeRef) : s.Resolve(sort, itemRef)));
            return new Alias(sort, new OuterAlias(count, OuterItem(target, sort, itemRef)));
        }
        throw Error($"unexpected token {k}", k);
    }

    private uint OuterItem(TextScope target, Sort sort, SExpr itemRef)
    {
        if (itemRef.Kind != SKind.Id) return target.Resolve(sort, itemRef);
        if (target.TryLookup(sort, itemRef.Text, out var index)) return index;
        foreach (var other in new[] { Sort.Func, Sort.Instance, Sort.CoreFunc, Sort.Value })
            if (target.TryLookup(other, itemRef.Text, out _))
                throw target.Invalid($"outer item `{itemRef.Text}` is not a module, type, or component", itemRef);
        return target.Resolve(sort, itemRef);
    }

    /// <summary>Resolves the scope of an outer alias: how many scopes out, and that scope when it is known.</summary>
    private static (uint Count, TextScope? Target) OuterScope(SExpr scopeRef, TextScope s)
    {
        if (scopeRef.Kind == SKind.Id)
        {
            uint count = 0;
            for (var t = s; t is not null; t = t.Parent, count++)
                if (t.Id == scopeRef.Text) return (count, t);
            throw s.Invalid($"outer item `{scopeRef.Text}` is not a module, type, or component: unknown scope", scopeRef);
        }
        var n = s.Resolve(Sort.Type, scopeRef);
        var target = s;
        for (uint k = 0; k < n && target is not null; k++) target = target.Parent;
        return (n, target);
    }
}
