namespace Gust.Component.Validation;

/// <summary>
/// Import and export names (Explainer "Import and Export Definitions"): kebab-case labels, annotated
/// names ([constructor]r, [method]r.m, [static]r.m), interface names ns:pkg/iface@version, and the
/// strongly-unique comparison. Errors are returned as text (null when valid); messages follow wasm-tools.
/// </summary>
internal static class ExternNames
{
    public enum Annotation : byte { None, Constructor, Method, Static, Interface }

    /// <summary>A parsed name: its annotation, the resource label (annotated names) and the item label.</summary>
    public readonly record struct Parsed(Annotation Kind, string Resource, string Label);

    public static bool IsKebab(string s)
    {
        if (s.Length == 0) return false;
        var fragments = s.Split('-');
        for (int i = 0; i < fragments.Length; i++)
        {
            var f = fragments[i];
            if (f.Length == 0) return false;
            bool lower = f.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
            bool upper = f.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
            if (!lower && !upper) return false;
            if (i == 0 && !char.IsAsciiLetter(f[0])) return false;
        }
        return true;
    }

    /// <summary>Parses an extern name; throws a <see cref="NameError"/> with wasm-tools' text.</summary>
    public static Parsed Parse(string name)
    {
        try { return ParseName(name); }
        catch (NameError e) { throw new NameError($"{e.Message}: `{name}` is not a valid extern name"); }
    }

    private static Parsed ParseName(string name)
    {
        foreach (var (prefix, kind) in new[] { ("[constructor]", Annotation.Constructor), ("[method]", Annotation.Method), ("[static]", Annotation.Static) })
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = name[prefix.Length..];
            if (kind == Annotation.Constructor)
            {
                Kebab(rest);
                return new Parsed(kind, rest, rest);
            }
            var dot = rest.IndexOf('.');
            if (dot < 0) throw new NameError($"failed to find `.` character in `{rest}`");
            Kebab(rest[..dot]);
            Kebab(rest[(dot + 1)..]);
            return new Parsed(kind, rest[..dot], rest[(dot + 1)..]);
        }
        if (name.Contains(':'))
        {
            Interface(name);
            return new Parsed(Annotation.Interface, "", name);
        }
        Kebab(name);
        return new Parsed(Annotation.None, "", name);
    }

    private static void Kebab(string s)
    {
        if (!IsKebab(s)) throw new NameError($"`{s}` is not in kebab case");
    }

    /// <summary>Checks an interface name: ns:pkg/iface@version (one namespace, one projection).</summary>
    public static void Interface(string name)
    {
        int i = 0;
        string Take()
        {
            int start = i;
            while (i < name.Length && name[i] is not (':' or '/' or '@')) i++;
            return name[start..i];
        }
        void Words(string w)
        {
            Kebab(w);
            if (!char.IsAsciiLetterLower(w[0]) || w.Any(c => char.IsAsciiLetterUpper(c)))
                throw new NameError($"character `{w.First(c => !char.IsAsciiLetterLower(c) && c != '-')}` is not lowercase in package name/namespace");
        }
        Words(Take());
        if (i >= name.Length || name[i] != ':') throw new NameError("expected `:`");
        i++;
        Words(Take());
        if (i >= name.Length || name[i] != '/') throw new NameError("expected `/` after package name");
        i++;
        Kebab(Take());
        if (i < name.Length && name[i] == '@')
        {
            i++;
            var version = name[i..];
            if (Semver.Check(version) is { } err) throw new NameError(err);
            i = name.Length;
        }
        if (i < name.Length) throw new NameError($"trailing characters found: `{name[i..]}`");
    }

    /// <summary>The strongly-unique key: acronyms lowercased, [method]/[static] stripped (l.l becomes l).</summary>
    public static string UniqueKey(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var prefix in new[] { "[method]", "[static]" })
        {
            if (!lower.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = lower[prefix.Length..];
            var dot = rest.IndexOf('.');
            if (dot >= 0 && rest[..dot] == rest[(dot + 1)..]) return rest[..dot];
            return rest;
        }
        return lower;
    }
}

internal sealed class NameError(string message) : Exception(message);

/// <summary>Semantic versions (semver.org) with the Rust semver crate's messages.</summary>
internal static class Semver
{
    public static string? Check(string v)
    {
        if (v.Length == 0) return "empty string, expected a semver version";
        int i = 0;
        foreach (var part in new[] { "major", "minor", "patch" })
        {
            if (part != "major")
            {
                if (i >= v.Length) return $"unexpected end of input while parsing {part} version number";
                if (v[i] != '.') return $"unexpected character '{v[i]}' after {Previous(part)} version number";
                i++;
            }
            if (i >= v.Length) return $"unexpected end of input while parsing {part} version number";
            if (!char.IsAsciiDigit(v[i])) return $"unexpected character '{v[i]}' while parsing {part} version number";
            var start = i;
            while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
            if (i - start > 1 && v[start] == '0') return $"invalid leading zero in {part} version number";
        }
        if (i < v.Length && v[i] == '-')
        {
            i++;
            if (Identifiers(v, ref i, "pre-release identifier") is { } e) return e;
        }
        if (i < v.Length && v[i] == '+')
        {
            i++;
            if (Identifiers(v, ref i, "build metadata") is { } e) return e;
        }
        if (i < v.Length) return $"unexpected character '{v[i]}' after patch version number";
        return null;
    }

    private static string Previous(string part) => part == "minor" ? "major" : "minor";

    private static string? Identifiers(string v, ref int i, string what)
    {
        while (true)
        {
            var start = i;
            while (i < v.Length && (char.IsAsciiLetterOrDigit(v[i]) || v[i] == '-')) i++;
            if (i == start) return $"empty identifier segment in {what}";
            if (i < v.Length && v[i] == '.') { i++; continue; }
            return null;
        }
    }
}
