using System.Text;
using Gust.Component.Model;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;

namespace Gust.Component.Text;

/// <summary>Core definitions inside a component: modules (parsed by Gust.Wasm), instances, types, funcs.</summary>
internal sealed partial class FieldParser
{
    private void CoreField(SExpr f, TextScope s)
    {
        switch (Item(f, 1).Text)
        {
            case "module": CoreModule(f, s); break;
            case "instance": CoreInstance(f, s); break;
            case "type": CoreTypeField(f, s); break;
            case "func" or "memory" or "table" or "global" or "tag": CoreItem(f, s); break;
            default: throw Error($"unexpected token {f.Items[1]}", f.Items[1]);
        }
    }

    /// <summary>(core module $id? field*): the text from "module" on is parsed by the core parser as (module $id? field*).</summary>
    private void CoreModule(SExpr f, TextScope s)
    {
        int i = 2;
        var id = OptId(f, ref i);
        var (exports, import) = Prelude(f, ref i);
        uint index;
        if (import is not null) index = s.EmitImport(import, ModuleDesc(f, i, s), Sort.CoreModule, id, f);
        else
        {
            var start = f.Items[1].Start;
            var text = new byte[f.End - start + 1];
            text[0] = (byte)'(';
            Array.Copy(source, start, text, 1, f.End - start);
            if (id is not null || exports.Count > 0)
            {
                // Leave out the $id and inline exports (they are component-level): blank them in the copy.
                var blankFrom = (id ?? f.Items[1]).Start;
                var blankTo = i < f.Items.Count ? f.Items[i].Start : f.End - 1;
                for (int k = Math.Max(blankFrom, f.Items[1].End); k < blankTo; k++)
                    if (text[k - start + 1] != (byte)'\n') text[k - start + 1] = (byte)' ';
            }
            if (SharedMemory(f) is { } shared) throw Unsupported(Features.Threads, "a shared memory", shared);
            var module = WatParser.ParseModule(Pad(text, f), file);
            var bytes = ModuleWriter.Write(module);
            index = s.EmitSection(new CoreModuleSection(module, bytes), Sort.CoreModule, id, f);
        }
        InlineExports(exports, Sort.CoreModule, index, f, s);
    }

    /// <summary>A (memory … shared) in a module's fields or imports: Gust's core parser has no threads, so say so up front.</summary>
    private static SExpr? SharedMemory(SExpr module)
    {
        foreach (var field in module.Items)
        {
            var memory = field.Head == "memory" ? field : field.Head == "import" ? field.Items.FirstOrDefault(d => d.Head == "memory") : null;
            if (memory?.Items.FirstOrDefault(x => x.IsKeyword("shared")) is { } shared) return shared;
        }
        return null;
    }

    /// <summary>Prefixes newlines and spaces so the core parser's line:column point into this file.</summary>
    private static byte[] Pad(byte[] text, SExpr at)
    {
        var pad = new byte[at.Line - 1 + at.Column - 1];
        Array.Fill(pad, (byte)'\n', 0, at.Line - 1);
        Array.Fill(pad, (byte)' ', at.Line - 1, at.Column - 1);
        return [.. pad, .. text];
    }

    private void CoreInstance(SExpr f, TextScope s)
    {
        int i = 2;
        var id = OptId(f, ref i);
        if (i < f.Items.Count && f.Items[i].Head == "instantiate")
        {
            var inst = f.Items[i++];
            End(f, i);
            int j = 1;
            var moduleRef = Item(inst, j++);
            var module = moduleRef.IsList ? SortIdx(moduleRef, s, core: true).Index : s.Resolve(Sort.CoreModule, moduleRef);
            var args = new List<CoreInstantiateArg>();
            for (; j < inst.Items.Count; j++)
            {
                var a = inst.Items[j];
                if (a.Head != "with") throw Error($"unexpected token {a}", a);
                int k = 1;
                var name = String(Item(a, k++));
                var target = Item(a, k++);
                End(a, k);
                if (target.Head != "instance") throw Error($"expected (instance …), found {target}", target);
                var at = 1;
                uint instance = target.Items.Count >= 2 && !target.Items[1].IsList
                    ? Reference(target, ref at, Sort.CoreInstance, s)
                    : s.EmitCoreInstance(new CoreInlineExports(CoreInlineExportList(target, 1, s)), null, target);
                args.Add(new CoreInstantiateArg(name, instance));
            }
            s.EmitCoreInstance(new CoreInstantiate(module, args), id, f);
        }
        else s.EmitCoreInstance(new CoreInlineExports(CoreInlineExportList(f, i, s)), id, f);
    }

    private List<CoreInlineExport> CoreInlineExportList(SExpr f, int i, TextScope s)
    {
        var list = new List<CoreInlineExport>();
        for (; i < f.Items.Count; i++)
        {
            var e = f.Items[i];
            if (e.Head != "export" || e.Items.Count != 3) throw Error($"unexpected token {e}", e);
            list.Add(new CoreInlineExport(String(e.Items[1]), SortIdx(e.Items[2], s, core: true)));
        }
        return list;
    }

    /// <summary>(core func $id? (canon …)) / (core func|memory|… $id? (alias core export i "n")).</summary>
    private void CoreItem(SExpr f, TextScope s)
    {
        int i = 1;
        var sort = SortKeyword(f, ref i, core: true);
        var id = OptId(f, ref i);
        var body = Item(f, i++);
        End(f, i);
        if (body.Head == "alias") AliasBody(body, 1, sort, id, s);
        else if (body.Head == "canon" && sort == Sort.CoreFunc) CanonField(body, 1, s, id);
        else throw Error($"unexpected token {body}", body);
    }

    private void CoreTypeField(SExpr f, TextScope s)
    {
        int i = 2;
        var id = OptId(f, ref i);
        var body = Item(f, i++);
        End(f, i);
        CoreTypeDef t = body.Head switch
        {
            "func" => new CoreFuncTypeDef(CoreFuncType(body, 1)),
            "module" => ModuleType(body, 1, s),
            "rec" or "sub" or "struct" or "array" => throw Unsupported(Features.Gc, $"a ({body.Head} …) core type", body),
            _ => throw Error($"unexpected token {body}", body),
        };
        s.EmitCoreType(t, id, f);
    }

    private static readonly Dictionary<string, Gust.Wasm.ValType> CoreValTypes = new()
    {
        ["i32"] = Gust.Wasm.ValType.I32, ["i64"] = Gust.Wasm.ValType.I64, ["f32"] = Gust.Wasm.ValType.F32, ["f64"] = Gust.Wasm.ValType.F64,
        ["funcref"] = Gust.Wasm.ValType.FuncRef, ["externref"] = Gust.Wasm.ValType.ExternRef,
    };

    private Gust.Wasm.ValType CoreValType(SExpr v)
    {
        if (v.Kind == SKind.Keyword && CoreValTypes.TryGetValue(v.Text, out var t)) return t;
        if (v.IsKeyword("v128")) throw Unsupported(Features.Simd, "the v128 type", v);
        throw Error($"unknown core value type {v}", v);
    }

    /// <summary>(param $id? t*)* (result t*)* from item i on, as in core wat.</summary>
    private FuncType CoreFuncType(SExpr d, int i)
    {
        var ps = new List<Gust.Wasm.ValType>();
        var rs = new List<Gust.Wasm.ValType>();
        for (; i < d.Items.Count && d.Items[i].Head == "param"; i++)
        {
            var p = d.Items[i];
            int j = 1;
            if (OptId(p, ref j) is not null) { ps.Add(CoreValType(Item(p, j++))); End(p, j); }
            else for (; j < p.Items.Count; j++) ps.Add(CoreValType(p.Items[j]));
        }
        for (; i < d.Items.Count && d.Items[i].Head == "result"; i++)
            for (int j = 1; j < d.Items[i].Items.Count; j++) rs.Add(CoreValType(d.Items[i].Items[j]));
        End(d, i);
        return new FuncType(ps.ToArray(), rs.ToArray());
    }

    /// <summary>(module decl*): a core module type with its own core type index space.</summary>
    private ModuleTypeDef ModuleType(SExpr d, int i, TextScope s)
    {
        var decls = new List<ModuleDecl>();
        var types = new Dictionary<string, uint>();
        uint typeCount = 0;
        uint CoreTypeIndex(SExpr n) =>
            n.Kind == SKind.Id ? types.TryGetValue(n.Text, out var t) ? t : throw WasmException.Invalid($"unknown core type: failed to find name `${n.Text}`", n.Location(file))
            : uint.TryParse(n.Text, out var u) ? u : throw Error($"expected a type index, found {n}", n);

        CoreExternDesc Desc(SExpr e)
        {
            int j = 1;
            OptId(e, ref j);
            switch (e.Head)
            {
                case "func":
                    if (j == e.Items.Count - 1 && e.Items[j].Head == "type" && e.Items[j].Items.Count == 2)
                        return new CoreExternDesc(ExternKind.Func, FuncType: CoreTypeIndex(e.Items[j].Items[1]));
                    decls.Add(new ModuleTypeDecl(new CoreFuncTypeDef(CoreFuncType(e, j))));
                    return new CoreExternDesc(ExternKind.Func, FuncType: typeCount++);
                case "memory":
                    return new CoreExternDesc(ExternKind.Memory, Memory: new MemoryType(Limits(e, ref j)));
                case "table":
                    var limits = Limits(e, ref j);
                    var elem = CoreValType(Item(e, j++));
                    End(e, j);
                    return new CoreExternDesc(ExternKind.Table, Table: new TableType(elem, limits));
                case "global":
                    var g = Item(e, j++);
                    End(e, j);
                    return g.Head == "mut" && g.Items.Count == 2
                        ? new CoreExternDesc(ExternKind.Global, Global: new GlobalType(CoreValType(g.Items[1]), true))
                        : new CoreExternDesc(ExternKind.Global, Global: new GlobalType(CoreValType(g), false));
                case "tag": throw Unsupported(Features.Exceptions, "a tag", e);
                default: throw Error($"unexpected token {e}", e);
            }
        }

        for (; i < d.Items.Count; i++)
        {
            var m = d.Items[i];
            switch (m.Head)
            {
                case "import":
                    if (m.Items.Count != 4) throw Error($"unexpected token {m}", m);
                    decls.Add(new ModuleImportDecl(String(m.Items[1]), String(m.Items[2]), Desc(m.Items[3])));
                    break;
                case "export":
                    if (m.Items.Count != 3) throw Error($"unexpected token {m}", m);
                    decls.Add(new ModuleExportDecl(String(m.Items[1]), Desc(m.Items[2])));
                    break;
                case "type":
                    int j = 1;
                    var tid = OptId(m, ref j);
                    var body = Item(m, j++);
                    End(m, j);
                    if (body.Head == "module") throw WasmException.Invalid("invalid leading byte (0x50) for type definition: module types may not nest", body.Location(file));
                    if (body.Head != "func") throw Unsupported(Features.Gc, $"a ({body.Head} …) core type", body);
                    decls.Add(new ModuleTypeDecl(new CoreFuncTypeDef(CoreFuncType(body, 1))));
                    if (tid is not null) types[tid.Text] = typeCount;
                    typeCount++;
                    break;
                case "alias":
                    // (alias outer $scope $type (type $id?))
                    if (m.Items.Count != 5 || !m.Items[1].IsKeyword("outer")) throw Error($"unexpected token {m}", m);
                    uint count;
                    TextScope? target;
                    if (m.Items[2].Kind == SKind.Id) { (count, target) = OuterScope(m.Items[2], s); count++; }
                    else
                    {
                        count = U32(m.Items[2]);
                        target = count == 0 ? null : s;
                        for (uint up = 1; up < count && target is not null; up++) target = target.Parent;
                    }
                    var index = target is null ? U32(m.Items[3]) : target.Resolve(Sort.CoreType, m.Items[3]);
                    decls.Add(new ModuleAliasDecl(count, index));
                    int k = 1;
                    var aid = OptId(m.Items[4], ref k);
                    if (aid is not null) types[aid.Text] = typeCount;
                    typeCount++;
                    break;
                default: throw Error($"unexpected token {m}", m);
            }
        }
        return new ModuleTypeDef(decls);
    }

    private uint U32(SExpr n) =>
        n.Kind == SKind.Keyword && uint.TryParse(n.Text.Replace("_", ""), out var u) ? u : throw Error($"expected a u32, found {n}", n);

    private Limits Limits(SExpr e, ref int j)
    {
        var min = U32(Item(e, j++));
        ulong? max = null;
        if (j < e.Items.Count && TextScope.IsIndex(e.Items[j]) && e.Items[j].Kind == SKind.Keyword) max = U32(e.Items[j++]);
        return new Limits(min, max);
    }
}
