using System.Text;
using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Component.Wit;
using Gust.Wasm;

namespace Gust.Component.Bindgen;

/// <summary>
/// C declarations for the WIT types a world uses, each written once and after the types it refers to.
/// Every C type has the canonical ABI's memory layout on wasm32 (a static assertion checks it), so the glue
/// moves values between C and linear memory by plain copies: records are structs, variants
/// <c>{ tag; union val; }</c>, options <c>{ bool is_some; val; }</c>, results <c>{ bool is_err; union { ok; err; } val; }</c>,
/// tuples structs <c>f0, f1…</c>, strings and lists <c>{ ptr, len }</c>, enums and flags integers, handles
/// <c>{ int32_t __handle; }</c>.
/// </summary>
internal sealed class CTypeEmitter(string world, Func<WitScope, string> scopeName)
{
    private readonly HashSet<string> emitted = [];
    private readonly StringBuilder text = new();

    /// <summary>The snake-case world name that prefixes every generated name.</summary>
    public string World { get; } = world;

    public string Text => text.ToString();

    public string StringType => $"{World}_string_t";

    /// <summary>The C type of <paramref name="t"/>, declaring it (and what it refers to) first if it is new.</summary>
    public string Of(WitType t)
    {
        switch (t)
        {
            case WitPrimitive { Type.Kind: Primitive.String }:
                return StringType;
            case WitPrimitive p:
                return CNames.Primitive(p.Type.Kind);
            case WitRef r:
                return Named(r.Def);
            case WitBorrow b:
                return Handle(b.Def, "borrow");
        }
        var name = $"{World}_{Mangle(t)}_t";
        if (!emitted.Add(name)) return name;
        var body = new StringBuilder();
        switch (t)
        {
            case WitList { Length: null } l:
                body.Append($"typedef struct {name} {{\n    {Of(l.Element)} *ptr;\n    size_t len;\n}} {name};\n");
                break;
            case WitList { Length: { } n } l:
                body.Append($"typedef struct {name} {{\n    {Of(l.Element)} elems[{n}];\n}} {name};\n");
                break;
            case WitOption o:
                body.Append($"typedef struct {name} {{\n    bool is_some;\n    {Of(o.Type)} val;\n}} {name};\n");
                break;
            case WitResult r:
                body.Append($"typedef struct {name} {{\n    bool is_err;\n");
                if (r.Ok is not null || r.Error is not null)
                {
                    body.Append("    union {\n");
                    if (r.Ok is not null) body.Append($"        {Of(r.Ok)} ok;\n");
                    if (r.Error is not null) body.Append($"        {Of(r.Error)} err;\n");
                    body.Append("    } val;\n");
                }
                body.Append($"}} {name};\n");
                break;
            case WitTuple tu:
                body.Append($"typedef struct {name} {{\n");
                for (var i = 0; i < tu.Types.Count; i++) body.Append($"    {Of(tu.Types[i])} f{i};\n");
                body.Append($"}} {name};\n");
                break;
        }
        Append(body, name, t.ValType);
        return name;
    }

    /// <summary>The C type of a named type, declaring it first if it is new.</summary>
    public string Named(WitTypeDef def)
    {
        if (def.Kind == WitTypeDefKind.Resource) return Handle(def, "own");
        var name = $"{Prefix(def.Owner)}{CNames.Snake(def.Name)}_t";
        if (!emitted.Add(name)) return name;
        var body = new StringBuilder();
        var constant = CNames.Upper(name[..^2]);
        switch (def.Kind)
        {
            case WitTypeDefKind.Use:
                body.Append($"typedef {Named(def.Target!)} {name};\n");
                break;
            case WitTypeDefKind.Alias:
                body.Append($"typedef {Of(def.Aliased!)} {name};\n");
                break;
            case WitTypeDefKind.Record:
                body.Append($"typedef struct {name} {{\n");
                foreach (var f in def.Members) body.Append($"    {Of(f.Type!)} {CNames.Member(f.Name)};\n");
                body.Append($"}} {name};\n");
                break;
            case WitTypeDefKind.Variant:
                var payloads = def.Members.Where(c => c.Type is not null).ToList();
                body.Append($"typedef struct {name} {{\n    {TagType(def.Members.Count)} tag;\n");
                if (payloads.Count > 0)
                {
                    body.Append("    union {\n");
                    foreach (var c in payloads) body.Append($"        {Of(c.Type!)} {CNames.Member(c.Name)};\n");
                    body.Append("    } val;\n");
                }
                body.Append($"}} {name};\n");
                AppendConstants(body, constant, def.Members.Select((c, i) => (c.Name, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case WitTypeDefKind.Enum:
                body.Append($"typedef {TagType(def.Members.Count)} {name};\n");
                AppendConstants(body, constant, def.Members.Select((c, i) => (c.Name, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case WitTypeDefKind.Flags:
                if (def.Members.Count > 32)
                    throw WasmException.Invalid($"flags `{def.Name}` has {def.Members.Count} labels; C bindings support at most 32", SourceLocation.AtLine(null, 0, 0));
                body.Append($"typedef {FlagsType(def.Members.Count)} {name};\n");
                AppendConstants(body, constant, def.Members.Select((c, i) => (c.Name, $"((({FlagsType(def.Members.Count)})1) << {i})")));
                break;
        }
        Append(body, name, def.ValType);
        return name;
    }

    /// <summary>An own or borrow handle to a resource: a struct, so own and borrow handles do not mix silently.</summary>
    private string Handle(WitTypeDef resource, string kind)
    {
        var def = resource;
        while (def.Kind == WitTypeDefKind.Use) def = def.Target!;
        var name = $"{Prefix(def.Owner)}{kind}_{CNames.Snake(def.Name)}_t";
        if (emitted.Add(name)) Append(new StringBuilder($"typedef struct {name} {{\n    int32_t __handle;\n}} {name};\n"), name, new OwnType(def.ResourceOf!));
        return name;
    }

    /// <summary>The name prefix of types declared in <paramref name="scope"/>: world, then interface (none for the world's own types).</summary>
    public string Prefix(WitScope scope) => scope is WitWorld ? $"{World}_" : $"{World}_{scopeName(scope)}_";

    private void Append(StringBuilder body, string name, ComponentValType t)
    {
        text.Append(body);
        text.Append($"_Static_assert(sizeof({name}) == {CanonicalAbi.Size(t)} && _Alignof({name}) == {CanonicalAbi.Alignment(t)}, \"{name}: canonical ABI layout\");\n\n");
    }

    private static void AppendConstants(StringBuilder body, string prefix, IEnumerable<(string Name, string Value)> constants)
    {
        foreach (var (n, v) in constants) body.Append($"#define {prefix}_{CNames.Upper(n)} {v}\n");
    }

    private static string TagType(int cases) => CanonicalAbi.DiscriminantSize(cases) switch { 1 => "uint8_t", 2 => "uint16_t", _ => "uint32_t" };

    private static string FlagsType(int labels) => CanonicalAbi.FlagsSize(labels) switch { 1 => "uint8_t", 2 => "uint16_t", _ => "uint32_t" };

    /// <summary>A name fragment for an anonymous type, after wit-bindgen's (<c>option&lt;list&lt;u8&gt;&gt;</c> → <c>option_list_u8</c>).</summary>
    private string Mangle(WitType t) => t switch
    {
        WitPrimitive p => p.Type.Name,
        WitRef r => Strip(Named(r.Def)),
        WitBorrow b => Strip(Handle(b.Def, "borrow")),
        WitList { Length: null } l => $"list_{Mangle(l.Element)}",
        WitList { Length: { } n } l => $"array{n}_{Mangle(l.Element)}",
        WitOption o => $"option_{Mangle(o.Type)}",
        WitResult r => $"result_{(r.Ok is null ? "void" : Mangle(r.Ok))}_{(r.Error is null ? "void" : Mangle(r.Error))}",
        WitTuple tu => $"tuple{tu.Types.Count}_{string.Join("_", tu.Types.Select(Mangle))}",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>A declared C name without the world prefix and the <c>_t</c> suffix.</summary>
    private string Strip(string cName) => cName[(World.Length + 1)..^2];
}
