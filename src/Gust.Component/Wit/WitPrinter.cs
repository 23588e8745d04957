using System.Text;
using Gust.Component.Types;

namespace Gust.Component.Wit;

/// <summary>
/// Prints resolved WIT back as text in the layout <c>wasm-tools component wit</c> uses: <c>package ns:name;</c>,
/// then interfaces, then worlds, two-space indents. Worlds print elaborated (includes flattened, implied imports
/// listed), so the text parses and resolves back to an equal model.
/// </summary>
public static class WitPrinter
{
    /// <summary>Prints the root package, then every dependency as a nested <c>package … { }</c> block, so the text stands alone.</summary>
    public static string Print(WitPackageSet set)
    {
        var w = new Writer(set.Root);
        w.Package(set.Root, nested: false, set.Root.Interfaces, set.Root.Worlds);
        foreach (var p in set.Packages)
            if (p != set.Root) w.Package(p, nested: true, p.Interfaces, p.Worlds);
        return w.ToString();
    }

    /// <summary>Prints one package with its <c>package</c> declaration.</summary>
    public static string Print(WitPackage package)
    {
        var w = new Writer(package);
        w.Package(package, nested: false, package.Interfaces, package.Worlds);
        return w.ToString();
    }

    /// <summary>
    /// Prints one world on its own: its package with just that world and the interfaces it needs, then each
    /// dependency package it reaches as a nested block with just the interfaces it needs (as <c>wasm-tools
    /// component wit</c> prints a component's world).
    /// </summary>
    public static string Print(WitWorld world)
    {
        var needed = new List<WitInterface>();
        var seen = new HashSet<WitInterface>();
        void Need(WitInterface i)
        {
            if (!seen.Add(i)) return;
            foreach (var t in i.Types)
                if (t.Target?.Owner is WitInterface from) Need(from);
            if (i.Name is not null) needed.Add(i);
        }
        foreach (var item in world.Imports.Concat(world.Exports))
        {
            if (item.Interface is { } i) Need(i);
            if (item.Type?.Target?.Owner is WitInterface from) Need(from);
        }
        var w = new Writer(world.Package);
        w.Package(world.Package, nested: false, needed.Where(i => i.Package == world.Package), [world]);
        foreach (var p in needed.Select(i => i.Package).Distinct())
            if (p != world.Package) w.Package(p, nested: true, needed.Where(i => i.Package == p), []);
        return w.ToString();
    }

    /// <summary>Keywords that must be <c>%</c>-escaped when used as names.</summary>
    public static string Id(string name) => WitLexer.Keywords.Contains(name) ? "%" + name : name;

    private sealed class Writer(WitPackage root)
    {
        private readonly StringBuilder sb = new();
        private WitPackage current = root;
        private int indent;

        public override string ToString() => sb.ToString();

        private void Line(string text = "")
        {
            if (text.Length > 0) sb.Append(' ', indent * 2).Append(text);
            sb.Append('\n');
        }

        private void Docs(string? docs)
        {
            if (docs is null) return;
            foreach (var l in docs.Split('\n')) Line(l.Length == 0 ? "///" : "/// " + l);
        }

        private void Prefix(string? docs, WitGate gate, string? externalId = null)
        {
            Docs(docs);
            if (gate.Since is { } s) Line($"@since(version = {s})");
            if (gate.Unstable is { } u) Line($"@unstable(feature = {u})");
            if (gate.Deprecated is { } d) Line($"@deprecated(version = {d})");
            if (externalId is { } x) Line($"@external-id(\"{Escape(x)}\")");
        }

        private static string Escape(string s)
        {
            var b = new StringBuilder();
            foreach (var c in s)
            {
                if (c is '"' or '\\') b.Append('\\').Append(c);
                else if (char.IsControl(c)) b.Append($"\\u{{{(int)c:x}}}");
                else b.Append(c);
            }
            return b.ToString();
        }

        public void Package(WitPackage p, bool nested, IEnumerable<WitInterface> interfaces, IEnumerable<WitWorld> worlds)
        {
            current = p;
            if (sb.Length > 0) Line();
            Docs(p.Docs);
            if (!nested) Line($"package {p.Name};");
            else
            {
                Line($"package {p.Name} {{");
                indent++;
            }
            bool first = true;
            foreach (var i in interfaces)
            {
                if (!nested || !first) Line();
                first = false;
                Prefix(i.Docs, i.Gate);
                Line($"interface {Id(i.Name!)} {{");
                InterfaceBody(i);
                Line("}");
            }
            foreach (var w in worlds)
            {
                if (!nested || !first) Line();
                first = false;
                World(w);
            }
            if (nested)
            {
                indent--;
                Line("}");
            }
        }

        private void InterfaceBody(WitInterface i)
        {
            indent++;
            TypeDefs(i.Types);
            var free = i.Functions.Where(f => f.Kind == FunctionKind.Freestanding).ToList();
            if (free.Count > 0 && i.Types.Count > 0) Line();
            foreach (var f in free) Function(f);
            indent--;
        }

        /// <summary>Typedefs in order; consecutive <c>use</c>s of one interface share a statement.</summary>
        private void TypeDefs(IReadOnlyList<WitTypeDef> types)
        {
            for (int k = 0; k < types.Count; k++)
            {
                var t = types[k];
                if (t.Kind != WitTypeDefKind.Use)
                {
                    // A blank line sets off each block-shaped definition, as wasm-tools does.
                    if (k > 0 && (t.Members.Count > 0 || t.Methods.Count > 0 || types[k - 1].Kind == WitTypeDefKind.Use)) Line();
                    TypeDef(t);
                    continue;
                }
                var from = (WitInterface)t.Target!.Owner;
                var names = new List<string> { UseName(t) };
                while (k + 1 < types.Count && types[k + 1] is { Kind: WitTypeDefKind.Use } next && next.Target!.Owner == from && next.Docs is null && next.Gate.IsNone)
                {
                    names.Add(UseName(next));
                    k++;
                }
                Prefix(t.Docs, t.Gate);
                Line($"use {InterfacePath(from)}.{{{string.Join(", ", names)}}};");
            }
        }

        private static string UseName(WitTypeDef t) => t.Name == t.Target!.Name ? Id(t.Name) : $"{Id(t.Target.Name)} as {Id(t.Name)}";

        /// <summary>A named interface as seen from the package being printed: bare within it, qualified otherwise.</summary>
        private string InterfacePath(WitInterface i) => i.Package == current ? Id(i.Name!) : i.QualifiedName!;

        private void TypeDef(WitTypeDef t)
        {
            Prefix(t.Docs, t.Gate, t.ExternalId);
            var name = Id(t.Name);
            switch (t.Kind)
            {
                case WitTypeDefKind.Alias:
                    Line($"type {name} = {Type(t.Aliased!)};");
                    break;
                case WitTypeDefKind.Resource:
                    if (t.Methods.Count == 0) { Line($"resource {name};"); break; }
                    Line($"resource {name} {{");
                    indent++;
                    foreach (var m in t.Methods) Function(m);
                    indent--;
                    Line("}");
                    break;
                default:
                    Line($"{t.Kind.ToString().ToLowerInvariant()} {name} {{");
                    indent++;
                    foreach (var m in t.Members)
                    {
                        Docs(m.Docs);
                        Line(t.Kind switch
                        {
                            WitTypeDefKind.Record => $"{Id(m.Name)}: {Type(m.Type!)},",
                            WitTypeDefKind.Variant when m.Type is not null => $"{Id(m.Name)}({Type(m.Type)}),",
                            _ => $"{Id(m.Name)},",
                        });
                    }
                    indent--;
                    Line("}");
                    break;
            }
        }

        private void Function(WitFunction f)
        {
            Prefix(f.Docs, f.Gate, f.ExternalId);
            if (f.Kind == FunctionKind.Constructor)
                Line($"constructor({Params(f.Params)}){(f.ResultWritten ? " -> " + Type(f.Result!) : "")};");
            else
                Line($"{Id(f.Name)}: {Signature(f)};");
        }

        private string Signature(WitFunction f)
        {
            var ps = f.Kind == FunctionKind.Method ? f.Params.Skip(1) : f.Params;
            var prefix = (f.Kind == FunctionKind.Static ? "static " : "") + (f.IsAsync ? "async " : "");
            return $"{prefix}func({Params(ps)}){(f.Result is null ? "" : " -> " + Type(f.Result))}";
        }

        private static string Params(IEnumerable<WitParam> ps) => string.Join(", ", ps.Select(p => $"{Id(p.Name)}: {Type(p.Type)}"));

        private static string Type(WitType t) => t switch
        {
            WitPrimitive p => p.Type.Name,
            WitList { Length: { } n } l => $"list<{Type(l.Element)}, {n}>",
            WitList l => $"list<{Type(l.Element)}>",
            WitOption o => $"option<{Type(o.Type)}>",
            WitResult { Ok: null, Error: null } => "result",
            WitResult { Error: null } r => $"result<{Type(r.Ok!)}>",
            WitResult { Ok: null } r => $"result<_, {Type(r.Error!)}>",
            WitResult r => $"result<{Type(r.Ok!)}, {Type(r.Error!)}>",
            WitTuple tu => $"tuple<{string.Join(", ", tu.Types.Select(Type))}>",
            WitRef r => Id(r.Def.Name),
            WitBorrow b => $"borrow<{Id(b.Def.Name)}>",
            _ => throw new InvalidOperationException(t.GetType().Name),
        };

        private void World(WitWorld w)
        {
            Prefix(w.Docs, w.Gate);
            Line($"world {Id(w.Name)} {{");
            indent++;
            foreach (var item in w.Imports) WorldItem(item, "import");
            foreach (var item in w.Exports) WorldItem(item, "export");
            indent--;
            Line("}");
        }

        private void WorldItem(WitWorldItem item, string dir)
        {
            if (item.Type is { } t)
            {
                TypeDefs([t]);
                return;
            }
            if (item.Function is { Resource: not null }) return; // printed inside its resource
            Prefix(item.Docs, item.Gate, item.ExternalId);
            if (item.Function is { } f) Line($"{dir} {Id(item.Name)}: {Signature(f)};");
            else if (item.IsInterfaceName) Line($"{dir} {InterfacePath(item.Interface!)};");
            else if (item.Interface!.Name is not null) Line($"{dir} {Id(item.Name)}: {InterfacePath(item.Interface)};");
            else
            {
                Line($"{dir} {Id(item.Name)}: interface {{");
                InterfaceBody(item.Interface);
                Line("}");
            }
        }
    }
}
