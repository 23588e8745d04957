using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Wit;

/// <summary>
/// Parses WIT text (WIT.md "Lexical structure" onwards) into a <see cref="WitFileSyntax"/>. Syntax errors throw
/// <see cref="WasmException"/> (kind Malformed) at file:line:column, e.g. "expected `;`, found `}`".
/// Names are not checked here: <see cref="WitResolver"/> does that.
/// </summary>
public sealed class WitParser
{
    /// <summary>Type nesting deeper than this is rejected, so hostile input cannot overflow the stack.</summary>
    private const int MaxTypeDepth = 100;

    private readonly List<WitToken> tokens;
    private readonly string? file;
    private int pos;

    private WitParser(List<WitToken> tokens, string? file) { this.tokens = tokens; this.file = file; }

    /// <summary>Parses one <c>.wit</c> file; <paramref name="path"/> names it in diagnostics.</summary>
    public static WitFileSyntax ParseFile(string text, string? path = null)
    {
        var parser = new WitParser(WitLexer.Tokenize(text, path), path);
        return parser.File();
    }

    private WitToken Peek(int ahead = 0) => tokens[Math.Min(pos + ahead, tokens.Count - 1)];
    private WitToken Next() => tokens[Math.Min(pos++, tokens.Count - 1)];
    private SourceLocation At => Peek().At;

    private WasmException Expected(string what) => WasmException.Malformed($"expected {what}, found {Peek().Describe()}", At);

    private bool EatOp(string op)
    {
        if (!Peek().IsOp(op)) return false;
        pos++;
        return true;
    }

    private bool Eat(string keyword)
    {
        if (!Peek().Is(keyword)) return false;
        pos++;
        return true;
    }

    private void ExpectOp(string op)
    {
        if (!EatOp(op)) throw Expected($"`{op}`");
    }

    private void Expect(string keyword)
    {
        if (!Eat(keyword)) throw Expected($"`{keyword}`");
    }

    private string Id()
    {
        var t = Peek();
        if (t.Kind != WitTokenKind.Id || t.IsKeyword) throw Expected("an identifier");
        pos++;
        return t.Text;
    }

    private WitFileSyntax File()
    {
        // Docs and gates before the first token belong to the package declaration or, without one, to the first item.
        ItemPrefix? prefix = Prefix();
        PackageName? package = null;
        var packageAt = At;
        var nested = new List<NestedPackageSyntax>();
        var body = new PackageBodySyntax();
        string? packageDocs = null;
        if (Eat("package"))
        {
            var name = PackageName();
            if (Peek().IsOp("{")) nested.Add(NestedBody(name, packageAt));
            else
            {
                ExpectOp(";");
                package = name;
                packageDocs = prefix.Docs;
            }
            prefix = null;
        }
        while (Peek().Kind != WitTokenKind.Eof)
        {
            var itemPrefix = prefix ?? Prefix();
            prefix = null;
            var at = At;
            if (Eat("package")) nested.Add(NestedBody(PackageName(), at));
            else PackageItem(body, itemPrefix);
        }
        return new WitFileSyntax(file, package, packageAt, body, nested) { PackageDocs = packageDocs };
    }

    private NestedPackageSyntax NestedBody(PackageName name, SourceLocation at)
    {
        ExpectOp("{");
        var body = new PackageBodySyntax();
        while (!EatOp("}"))
        {
            if (Peek().Kind == WitTokenKind.Eof) throw Expected("`}`");
            PackageItem(body, Prefix());
        }
        return new(name, at, body);
    }

    private void PackageItem(PackageBodySyntax body, ItemPrefix prefix)
    {
        var at = At;
        if (Eat("use"))
        {
            var path = UsePath();
            string? alias = Eat("as") ? Id() : null;
            ExpectOp(";");
            body.Uses.Add(new(path, alias, at));
        }
        else if (Eat("interface"))
        {
            var name = Id();
            body.Interfaces.Add(new(name, prefix, at, InterfaceBody()));
        }
        else if (Eat("world"))
        {
            var name = Id();
            body.Worlds.Add(new(name, prefix, at, WorldBody()));
        }
        else throw Expected("`world`, `interface` or `use`");
    }

    /// <summary><c>package-decl ::= 'package' (id ':')+ id ('/' id)* ('@' valid-semver)?</c>; nested namespaces are not supported.</summary>
    private PackageName PackageName()
    {
        var ns = Id();
        ExpectOp(":");
        var name = Id();
        if (Peek().IsOp(":") || Peek().IsOp("/"))
            throw WasmException.Unsupported("wit-nested-namespaces", "a nested namespace or package name", At);
        return new(ns, name, EatOp("@") ? Version() : null);
    }

    /// <summary>A semver version (semver.org): MAJOR.MINOR.PATCH with optional -pre-release and +build.</summary>
    private string Version()
    {
        var t = Peek();
        if (t.Kind is not (WitTokenKind.Version or WitTokenKind.Integer)) throw Expected("a version");
        pos++;
        if (!IsSemver(t.Text)) throw WasmException.Malformed($"`{t.Text}` is not a valid semver version", t.At);
        return t.Text;
    }

    private static bool IsSemver(string v)
    {
        int plus = v.IndexOf('+');
        var core = plus < 0 ? v : v[..plus];
        if (plus >= 0 && !Identifiers(v[(plus + 1)..], numericNoLeadingZero: false)) return false;
        int dash = core.IndexOf('-');
        if (dash >= 0 && !Identifiers(core[(dash + 1)..], numericNoLeadingZero: true)) return false;
        var parts = (dash < 0 ? core : core[..dash]).Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));

        static bool Identifiers(string s, bool numericNoLeadingZero) => s.Split('.').All(id =>
            id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && !(numericNoLeadingZero && id.Length > 1 && id[0] == '0' && id.All(char.IsAsciiDigit)));
    }

    /// <summary><c>use-path ::= id | id ':' id '/' id ('@' valid-semver)?</c></summary>
    private UsePathSyntax UsePath()
    {
        var at = At;
        var first = Id();
        if (!Peek().IsOp(":")) return new(null, first, at);
        pos++;
        var pkg = Id();
        if (Peek().IsOp(":")) throw WasmException.Unsupported("wit-nested-namespaces", "a nested namespace or package name", At);
        if (!Peek().IsOp("/")) throw Expected("`/` and an interface or world name after a package name");
        pos++;
        var name = Id();
        if (Peek().IsOp("/")) throw WasmException.Unsupported("wit-nested-namespaces", "a nested package path", At);
        return new(new(first, pkg, EatOp("@") ? Version() : null), name, at);
    }

    /// <summary>Doc comments, gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) and <c>@external-id("…")</c> before an item.</summary>
    private ItemPrefix Prefix()
    {
        string? docs = Peek().Docs;
        string? since = null, unstable = null, deprecated = null, externalId = null;
        while (Peek().IsOp("@"))
        {
            var at = At;
            pos++;
            var kind = Peek();
            if (kind.Kind != WitTokenKind.Id) throw Expected("`since`, `unstable`, `deprecated` or `external-id` after `@`");
            pos++;
            ExpectOp("(");
            switch (kind.Text)
            {
                case "since": since = GateField("version", Version); break;
                case "deprecated": deprecated = GateField("version", Version); break;
                case "unstable": unstable = GateField("feature", Id); break;
                case "external-id":
                    if (Peek().Kind != WitTokenKind.String) throw Expected("a string literal");
                    externalId = Next().Text;
                    break;
                default: throw WasmException.Malformed($"unknown attribute `@{kind.Text}`", at);
            }
            ExpectOp(")");
        }
        if (since is not null && unstable is not null)
            throw WasmException.Malformed("an item cannot be both `@since` and `@unstable`", At);
        return docs is null && since is null && unstable is null && deprecated is null && externalId is null
            ? ItemPrefix.None : new(docs, new(since, unstable, deprecated), externalId);
    }

    private string GateField(string field, Func<string> value)
    {
        if (Peek().Kind != WitTokenKind.Id || Peek().Text != field) throw Expected($"`{field}`");
        pos++;
        ExpectOp("=");
        return value();
    }

    private List<InterfaceItemSyntax> InterfaceBody()
    {
        ExpectOp("{");
        var items = new List<InterfaceItemSyntax>();
        while (!EatOp("}"))
        {
            if (Peek().Kind == WitTokenKind.Eof) throw Expected("`}`");
            items.Add(InterfaceItem(Prefix()));
        }
        return items;
    }

    private InterfaceItemSyntax InterfaceItem(ItemPrefix prefix)
    {
        var at = At;
        if (Eat("use")) return Use(prefix, at);
        if (TypeDef(prefix) is { } def) return def;
        var name = Id();
        ExpectOp(":");
        return new FuncSyntax(name, FunctionKind.Freestanding, FuncType(), prefix, at);
    }

    private UseSyntax Use(ItemPrefix prefix, SourceLocation at)
    {
        var path = UsePath();
        ExpectOp(".");
        ExpectOp("{");
        var names = new List<UseNameSyntax>();
        do
        {
            if (Peek().IsOp("}") && names.Count > 0) break;
            var nameAt = At;
            var name = Id();
            names.Add(new(name, Eat("as") ? Id() : null, nameAt));
        } while (EatOp(","));
        ExpectOp("}");
        ExpectOp(";");
        return new(path, names, prefix, at);
    }

    /// <summary>type, record, variant, enum, flags or resource; null when the next token starts none of them.</summary>
    private TypeDefSyntax? TypeDef(ItemPrefix prefix)
    {
        var at = At;
        if (Eat("type"))
        {
            var name = Id();
            ExpectOp("=");
            var type = Type(0);
            ExpectOp(";");
            return new AliasSyntax(name, type, prefix, at);
        }
        if (Eat("resource")) return Resource(prefix, at);
        CompoundKind? kind = Peek().Is("record") ? CompoundKind.Record : Peek().Is("variant") ? CompoundKind.Variant
            : Peek().Is("enum") ? CompoundKind.Enum : Peek().Is("flags") ? CompoundKind.Flags : null;
        if (kind is not { } k) return null;
        pos++;
        var compoundName = Id();
        ExpectOp("{");
        var members = new List<FieldSyntax>();
        while (!Peek().IsOp("}"))
        {
            var docs = Peek().Docs;
            var memberAt = At;
            var member = Id();
            TypeSyntax? type = null;
            if (k == CompoundKind.Record) { ExpectOp(":"); type = Type(0); }
            else if (k == CompoundKind.Variant && EatOp("(")) { type = Type(0); ExpectOp(")"); }
            members.Add(new(member, type, docs, memberAt));
            if (!EatOp(",")) break;
        }
        ExpectOp("}");
        if (members.Count == 0) throw WasmException.Malformed($"{k.ToString().ToLowerInvariant()} `{compoundName}` must have at least one {(k == CompoundKind.Record ? "field" : "case")}", at);
        return new CompoundSyntax(k, compoundName, members, prefix, at);
    }

    private ResourceSyntax Resource(ItemPrefix prefix, SourceLocation at)
    {
        var name = Id();
        var functions = new List<FuncSyntax>();
        if (EatOp(";")) return new(name, functions, prefix, at);
        ExpectOp("{");
        while (!EatOp("}"))
        {
            if (Peek().Kind == WitTokenKind.Eof) throw Expected("`}`");
            var fprefix = Prefix();
            var fat = At;
            if (Eat("constructor"))
            {
                var (parms, result) = Signature();
                ExpectOp(";");
                functions.Add(new(name, FunctionKind.Constructor, new(false, parms, result), fprefix, fat));
                continue;
            }
            var fname = Id();
            ExpectOp(":");
            var kind = Eat("static") ? FunctionKind.Static : FunctionKind.Method;
            functions.Add(new(fname, kind, FuncType(), fprefix, fat));
        }
        EatOp(";");
        return new(name, functions, prefix, at);
    }

    /// <summary><c>func-type ::= 'async'? 'func' param-list result-list</c>, with the closing <c>;</c>.</summary>
    private FuncTypeSyntax FuncType()
    {
        bool isAsync = Eat("async");
        Expect("func");
        var (parms, result) = Signature();
        ExpectOp(";");
        return new(isAsync, parms, result);
    }

    private (List<ParamSyntax>, TypeSyntax?) Signature()
    {
        ExpectOp("(");
        var parms = new List<ParamSyntax>();
        while (!Peek().IsOp(")"))
        {
            var at = At;
            var name = Id();
            ExpectOp(":");
            parms.Add(new(name, Type(0), at));
            if (!EatOp(",")) break;
        }
        ExpectOp(")");
        return (parms, EatOp("->") ? Type(0) : null);
    }

    private TypeSyntax Type(int depth)
    {
        if (depth > MaxTypeDepth) throw WasmException.Malformed("type nesting is too deep", At);
        var t = Peek();
        var at = t.At;
        if (t.Kind != WitTokenKind.Id) throw Expected("a type");
        pos++;
        if (t.Escaped) return new NamedSyntax(t.Text, at);
        switch (t.Text)
        {
            case "bool": return new PrimitiveSyntax(PrimitiveType.Bool, at);
            case "s8": return new PrimitiveSyntax(PrimitiveType.S8, at);
            case "u8": return new PrimitiveSyntax(PrimitiveType.U8, at);
            case "s16": return new PrimitiveSyntax(PrimitiveType.S16, at);
            case "u16": return new PrimitiveSyntax(PrimitiveType.U16, at);
            case "s32": return new PrimitiveSyntax(PrimitiveType.S32, at);
            case "u32": return new PrimitiveSyntax(PrimitiveType.U32, at);
            case "s64": return new PrimitiveSyntax(PrimitiveType.S64, at);
            case "u64": return new PrimitiveSyntax(PrimitiveType.U64, at);
            case "f32": return new PrimitiveSyntax(PrimitiveType.F32, at);
            case "f64": return new PrimitiveSyntax(PrimitiveType.F64, at);
            case "char": return new PrimitiveSyntax(PrimitiveType.Char, at);
            case "string": return new PrimitiveSyntax(PrimitiveType.String, at);
            case "list":
            {
                ExpectOp("<");
                var element = Type(depth + 1);
                uint? length = null;
                if (EatOp(","))
                {
                    var n = Peek();
                    if (n.Kind != WitTokenKind.Integer || !uint.TryParse(n.Text, out var len) || len == 0 || n.Text[0] == '0')
                        throw Expected("a fixed list length (a positive integer)");
                    pos++;
                    length = len;
                }
                ExpectOp(">");
                return new ListSyntax(element, length, at);
            }
            case "option":
            {
                ExpectOp("<");
                var inner = Type(depth + 1);
                ExpectOp(">");
                return new OptionSyntax(inner, at);
            }
            case "result":
            {
                if (!EatOp("<")) return new ResultSyntax(null, null, at);
                TypeSyntax? ok = EatOp("_") ? null : Type(depth + 1);
                TypeSyntax? err = null;
                if (ok is null || Peek().IsOp(","))
                {
                    ExpectOp(",");
                    err = Type(depth + 1);
                }
                ExpectOp(">");
                return new ResultSyntax(ok, err, at);
            }
            case "tuple":
            {
                ExpectOp("<");
                var types = new List<TypeSyntax>();
                do
                {
                    if (Peek().IsOp(">") && types.Count > 0) break;
                    types.Add(Type(depth + 1));
                } while (EatOp(","));
                ExpectOp(">");
                return new TupleSyntax(types, at);
            }
            case "borrow" or "own":
            {
                ExpectOp("<");
                var name = Id();
                ExpectOp(">");
                return t.Text == "borrow" ? new BorrowSyntax(name, at) : new NamedSyntax(name, at);
            }
            case "future" or "stream":
                throw WasmException.Unsupported("component-model-async", $"the `{t.Text}` type", at);
            case "map":
                throw WasmException.Unsupported("wit-map", "the `map` type", at);
            default:
                if (t.IsKeyword) { pos--; throw Expected("a type"); }
                return new NamedSyntax(t.Text, at);
        }
    }

    private List<WorldItemSyntax> WorldBody()
    {
        ExpectOp("{");
        var items = new List<WorldItemSyntax>();
        while (!EatOp("}"))
        {
            if (Peek().Kind == WitTokenKind.Eof) throw Expected("`}`");
            items.Add(WorldItem(Prefix()));
        }
        return items;
    }

    private WorldItemSyntax WorldItem(ItemPrefix prefix)
    {
        var at = At;
        if (Eat("use")) return new WorldTypeSyntax(Use(prefix, at));
        if (Eat("include"))
        {
            var path = UsePath();
            var with = new List<IncludeNameSyntax>();
            if (Eat("with"))
            {
                ExpectOp("{");
                do
                {
                    if (Peek().IsOp("}") && with.Count > 0) break;
                    var nameAt = At;
                    var name = Id();
                    Expect("as");
                    with.Add(new(name, Id(), nameAt));
                } while (EatOp(","));
                ExpectOp("}");
                EatOp(";"); // WIT.md's own example writes one; the grammar has none
            }
            else ExpectOp(";");
            return new IncludeSyntax(path, with, prefix, at);
        }
        bool import = Peek().Is("import");
        if (import || Peek().Is("export"))
        {
            pos++;
            return Extern(import, prefix, at);
        }
        if (TypeDef(prefix) is { } def) return new WorldTypeSyntax(def);
        throw Expected("`import`, `export`, `include`, `use` or a type definition");
    }

    /// <summary>
    /// After <c>import</c>/<c>export</c>: <c>id ':' func-type</c>, <c>id ':' 'interface' { … }</c>,
    /// <c>id ':' use-path ';'</c>, or a bare <c>use-path ';'</c>. <c>a:b</c> written without spaces is a
    /// package name (WIT.md), so <c>import a:b;</c> is an error while <c>import a: b;</c> names interface b.
    /// </summary>
    private ExternSyntax Extern(bool import, ItemPrefix prefix, SourceLocation at)
    {
        var idTok = Peek();
        var colon = Peek(1);
        if (idTok.Kind == WitTokenKind.Id && colon.IsOp(":"))
        {
            var after = Peek(2);
            bool packagePath = colon.Start == idTok.End && after.Start == colon.End && after.Kind == WitTokenKind.Id && !after.IsKeyword;
            if (!packagePath || Peek(3).IsOp(";"))
            {
                if (packagePath) throw WasmException.Malformed($"expected `/` and an interface name after package `{idTok.Text}:{after.Text}`: a package cannot be {(import ? "imported" : "exported")}", Peek(3).At);
                var name = Id();
                pos++;
                if (Peek().Is("func") || Peek().Is("async")) return new(import, name, null, FuncType(), null, prefix, at);
                if (Eat("interface")) return new(import, name, null, null, InterfaceBody(), prefix, at);
                var target = UsePath();
                ExpectOp(";");
                return new(import, name, target, null, null, prefix, at);
            }
        }
        var path = UsePath();
        ExpectOp(";");
        return new(import, null, path, null, null, prefix, at);
    }
}
