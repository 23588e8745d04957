using System.Text;
using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Component.Wit;
using Gust.Wasm;

namespace Gust.Component.Wrap;

/// <summary>
/// Recovers WIT from component type information: the world a component implements (its imports and exports,
/// as wit-component's decoder names it: <c>root:component</c>, world <c>root</c>), or the package and world a
/// core module embeds in its <c>component-type</c> custom section. The WIT is written as text, then resolved
/// and printed by the WIT front end, so it is checked and laid out like any other WIT.
/// </summary>
public static class ComponentWit
{
    public const string RootPackage = "root:component";
    public const string RootWorld = "root";

    /// <summary>The WIT of a component's imports and exports: its world <c>root</c> in package <c>root:component</c>.</summary>
    public static WitPackageSet Decode(ComponentDef component)
    {
        var items = new TypeEvaluator().Component(component);
        return Resolve(new WitText(RootPackage).World(RootWorld, items));
    }

    /// <summary>Prints a component's WIT (root package and world, then the packages of its interfaces).</summary>
    public static string Print(ComponentDef component) => WitPrinter.Print(Decode(component));

    /// <summary>
    /// Decodes a <c>component-type</c> custom section (wit-component's encoding: a component exporting a component
    /// type whose exports are the package's worlds) to the package set and the qualified world name.
    /// </summary>
    public static (WitPackageSet Set, string World) DecodeEmbedded(byte[] section)
    {
        var top = new TypeEvaluator().Component(ComponentReader.Read(section, "component-type"));
        foreach (var (_, item) in top.Exports)
        {
            if (item is not VItems package) continue;
            foreach (var (name, world) in package.Exports)
            {
                if (world is not VItems { IsComponent: true } w) continue;
                var id = InterfaceId.Parse(name) ?? throw TypeEvaluator.Bad($"world name `{name}` is not qualified");
                return (Resolve(new WitText(id.Package).World(id.Name, w)), name);
            }
        }
        throw TypeEvaluator.Bad("the `component-type` section holds no world");
    }

    private static WitPackageSet Resolve(string text)
    {
        try { return WitResolver.ResolveText(text, "<component>"); }
        catch (WasmException e)
        {
            throw WasmException.Invalid($"the component's types do not form a WIT world: {e.Diagnostic.Message}", SourceLocation.AtOffset(null, -1));
        }
    }
}

/// <summary><c>ns:pkg/name@version</c> split into package (<c>ns:pkg@version</c>) and name.</summary>
internal sealed record InterfaceId(string Package, string Name)
{
    public static InterfaceId? Parse(string qualified)
    {
        int slash = qualified.IndexOf('/'), colon = qualified.IndexOf(':');
        if (slash < 0 || colon < 0 || colon > slash) return null;
        int at = qualified.IndexOf('@', slash);
        var name = at < 0 ? qualified[(slash + 1)..] : qualified[(slash + 1)..at];
        var package = at < 0 ? qualified[..slash] : qualified[..slash] + qualified[at..];
        return new(package, name);
    }
}

/// <summary>Writes the WIT source text of one world and the interfaces it refers to.</summary>
internal sealed class WitText(string rootPackage)
{
    private const string WorldOwner = "%world";
    private readonly Dictionary<string, VItems> _interfaces = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public string World(string name, VItems world)
    {
        foreach (var (n, item) in world.Imports.Concat(world.Exports))
            if (item is VItems inst) Own(inst, InterfaceId.Parse(n) is null ? "%inline:" + n : n);
        foreach (var (_, item) in world.Imports)
            if (item is NamedType t && t.Owner is null) t.Owner = WorldOwner;

        var sb = new StringBuilder();
        sb.Append($"package {rootPackage};\n\nworld {Id(name)} {{\n");
        Items(sb, world.Imports, "import");
        Items(sb, world.Exports, "export");
        sb.Append("}\n");

        foreach (var group in _order.Where(k => InterfaceId.Parse(k) is not null).GroupBy(k => InterfaceId.Parse(k)!.Package))
        {
            bool nested = group.Key != rootPackage;
            sb.Append(nested ? $"\npackage {group.Key} {{\n" : "\n");
            foreach (var key in group)
            {
                sb.Append($"interface {Id(InterfaceId.Parse(key)!.Name)} {{\n");
                Body(sb, _interfaces[key], key);
                sb.Append("}\n");
            }
            if (nested) sb.Append("}\n");
        }
        return sb.ToString();
    }

    private void Own(VItems inst, string key)
    {
        if (!_interfaces.ContainsKey(key))
        {
            _interfaces[key] = inst;
            _order.Add(key);
        }
        foreach (var (_, item) in inst.Exports)
            if (item is NamedType t && t.Owner is null) t.Owner = key;
    }

    private void Items(StringBuilder sb, List<(string Name, object Item)> items, string keyword)
    {
        foreach (var (name, item) in items)
        {
            switch (item)
            {
                case VItems inst when InterfaceId.Parse(name) is not null:
                    sb.Append($"  {keyword} {name};\n");
                    break;
                case VItems inst:
                    sb.Append($"  {keyword} {Id(name)}: interface {{\n");
                    Body(sb, inst, "%inline:" + name);
                    sb.Append("  }\n");
                    break;
                case VFunc f:
                    sb.Append($"  {keyword} {Id(name)}: {Func(f, WorldOwner, skipSelf: false)};\n");
                    break;
                case NamedType t when t.Owner == WorldOwner:
                    TypeDef(sb, t, WorldOwner);
                    break;
            }
        }
    }

    /// <summary>An interface's types and functions; resource functions go inside their resource.</summary>
    private void Body(StringBuilder sb, VItems inst, string owner)
    {
        var methods = new Dictionary<string, List<(string Name, VFunc Func)>>(StringComparer.Ordinal);
        foreach (var (name, item) in inst.Exports)
            if (item is VFunc f && ResourceOf(name) is { } r)
                (methods.TryGetValue(r, out var list) ? list : methods[r] = []).Add((name, f));
        foreach (var (_, item) in inst.Exports)
            if (item is NamedType t) TypeDef(sb, t, owner, methods);
        foreach (var (name, item) in inst.Exports)
            if (item is VFunc f && ResourceOf(name) is null) sb.Append($"  {Id(name)}: {Func(f, owner, skipSelf: false)};\n");
    }

    private static string? ResourceOf(string name)
    {
        if (name.StartsWith("[constructor]", StringComparison.Ordinal)) return name["[constructor]".Length..];
        foreach (var prefix in (string[])["[method]", "[static]"])
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..name.IndexOf('.')];
        return null;
    }

    private void TypeDef(StringBuilder sb, NamedType t, string owner, Dictionary<string, List<(string Name, VFunc Func)>>? methods = null)
    {
        var name = Id(t.Name!);
        var def = t.Def;
        if (def is VRef r)
        {
            var target = Visible(r.Named);
            if (target.Owner is { } o && o != owner)
            {
                var alias = target.Name == t.Name ? "" : $" as {name}";
                sb.Append($"  use {Reference(o, owner)}.{{{Id(target.Name!)}{alias}}};\n");
                return;
            }
            if (target.Owner is not null)
            {
                sb.Append($"  type {name} = {Id(target.Name!)};\n");
                return;
            }
            def = target.Def; // a name the component uses internally stands for its definition
        }
        switch (def)
        {
            case null:
                sb.Append($"  resource {name}");
                if (methods is null || !methods.TryGetValue(t.Name!, out var list)) { sb.Append(";\n"); break; }
                sb.Append(" {\n");
                foreach (var (fn, f) in list) sb.Append($"    {Method(fn, t, f, owner)};\n");
                sb.Append("  }\n");
                break;
            case VRecord rec:
                sb.Append($"  record {name} {{ {string.Join(", ", rec.Fields.Select(f => $"{Id(f.Name)}: {Type(f.Type, owner)}"))} }}\n");
                break;
            case VVariant v:
                sb.Append($"  variant {name} {{ {string.Join(", ", v.Cases.Select(c => c.Type is null ? Id(c.Name) : $"{Id(c.Name)}({Type(c.Type, owner)})"))} }}\n");
                break;
            case VEnum e:
                sb.Append($"  enum {name} {{ {string.Join(", ", e.Labels.Select(Id))} }}\n");
                break;
            case VFlags fl:
                sb.Append($"  flags {name} {{ {string.Join(", ", fl.Labels.Select(Id))} }}\n");
                break;
            default:
                sb.Append($"  type {name} = {Type(def, owner)};\n");
                break;
        }
    }

    private string Method(string name, NamedType resource, VFunc f, string owner)
    {
        if (name.StartsWith("[constructor]", StringComparison.Ordinal))
        {
            var ps = Params(f, owner, skipSelf: false);
            return f.Result is VOwn own && Visible(own.Resource) == Visible(resource) ? $"constructor({ps})" : $"constructor({ps}) -> {Type(f.Result!, owner)}";
        }
        var member = name[(name.IndexOf('.') + 1)..];
        return name.StartsWith("[static]", StringComparison.Ordinal)
            ? $"{Id(member)}: static {Func(f, owner, skipSelf: false)}"
            : $"{Id(member)}: {Func(f, owner, skipSelf: true)}";
    }

    private string Func(VFunc f, string owner, bool skipSelf) =>
        $"func({Params(f, owner, skipSelf)})" + (f.Result is { } r ? $" -> {Type(r, owner)}" : "");

    private string Params(VFunc f, string owner, bool skipSelf) =>
        string.Join(", ", f.Params.Skip(skipSelf ? 1 : 0).Select(p => $"{Id(p.Name)}: {Type(p.Type, owner)}"));

    /// <summary>A named type as WIT can see it: names a component gives only internally (shim imports) are looked through.</summary>
    private static NamedType Visible(NamedType n)
    {
        for (int i = 0; i < 64 && n.Owner is null && n.Def is VRef r; i++) n = r.Named;
        return n;
    }

    /// <summary>How <paramref name="owner"/> refers to interface <paramref name="key"/> in a <c>use</c>.</summary>
    private string Reference(string key, string owner)
    {
        var id = InterfaceId.Parse(key) ?? throw TypeEvaluator.Bad($"type from `{key}` cannot be used from another interface");
        var ownerPackage = InterfaceId.Parse(owner)?.Package ?? rootPackage;
        return id.Package == ownerPackage ? Id(id.Name) : key;
    }

    private string Type(VType t, string owner) => t switch
    {
        VPrim p => new PrimitiveType(p.Kind).Name,
        VRef r => Id(Visible(r.Named).Name ?? throw TypeEvaluator.Bad("a type without a name")),
        VOwn o => Id(Visible(o.Resource).Name ?? throw TypeEvaluator.Bad("a resource without a name")),
        VBorrow b => $"borrow<{Id(Visible(b.Resource).Name ?? throw TypeEvaluator.Bad("a resource without a name"))}>",
        VList l => l.Length is { } n ? $"list<{Type(l.Element, owner)}, {n}>" : $"list<{Type(l.Element, owner)}>",
        VOption o => $"option<{Type(o.Type, owner)}>",
        VTuple tu => $"tuple<{string.Join(", ", tu.Types.Select(x => Type(x, owner)))}>",
        VResult { Ok: null, Error: null } => "result",
        VResult { Error: null } res => $"result<{Type(res.Ok!, owner)}>",
        VResult res => $"result<{(res.Ok is null ? "_" : Type(res.Ok, owner))}, {Type(res.Error!, owner)}>",
        _ => throw TypeEvaluator.Bad("a record, variant, enum or flags type without a name"),
    };

    private static string Id(string name) => WitPrinter.Id(name);
}
