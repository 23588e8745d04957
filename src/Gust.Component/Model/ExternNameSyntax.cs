namespace Gust.Component.Model;

/// <summary>What an import or export name is (Explainer "Import and Export Definitions").</summary>
public enum ExternNameKind : byte { Label, Constructor, Method, Static, Interface }

/// <summary>
/// A parsed import/export name. For [constructor]r, [method]r.m and [static]r.m, <see cref="Resource"/> is r
/// and <see cref="Label"/> the function's label (r for a constructor); for a plain label both are the label
/// (Resource empty); for an interface name ns:pkg/iface@version the parts are filled and Label is iface.
/// </summary>
public sealed record ParsedExternName(ExternNameKind Kind, string Resource, string Label, string? Namespace = null, string? Package = null, string? Version = null);

/// <summary>
/// The syntax of import and export names: kebab-case labels, annotated names, interface names
/// ns:pkg/iface@version (one namespace and projection), and the strongly-unique comparison.
/// Error texts follow wasm-tools (the component-model tests' expectations).
/// </summary>
public static class ExternNameSyntax
{
    /// <summary>Parses a name; null with <paramref name="error"/> set when it is not a valid extern name.</summary>
    public static ParsedExternName? Parse(string name, out string? error)
    {
        try
        {
            error = null;
            return ParseName(name);
        }
        catch (NameError e)
        {
            error = $"{e.Message}: `{name}` is not a valid extern name";
            return null;
        }
    }

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

    private static ParsedExternName ParseName(string name)
    {
        foreach (var (prefix, kind) in new[] { ("[constructor]", ExternNameKind.Constructor), ("[method]", ExternNameKind.Method), ("[static]", ExternNameKind.Static) })
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = name[prefix.Length..];
            if (kind == ExternNameKind.Constructor)
            {
                Kebab(rest);
                return new ParsedExternName(kind, rest, rest);
            }
            var dot = rest.IndexOf('.');
            if (dot < 0) throw new NameError($"failed to find `.` character in `{rest}`");
            Kebab(rest[..dot]);
            Kebab(rest[(dot + 1)..]);
            return new ParsedExternName(kind, rest[..dot], rest[(dot + 1)..]);
        }
        if (name.Contains(':')) return Interface(name);
        Kebab(name);
        return new ParsedExternName(ExternNameKind.Label, "", name);
    }

    private static void Kebab(string s)
    {
        if (!IsKebab(s)) throw new NameError($"`{s}` is not in kebab case");
    }

    /// <summary>Parses an interface name: ns:pkg/iface@version (one namespace, one projection).</summary>
    private static ParsedExternName Interface(string name)
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
        var ns = Take();
        Words(ns);
        if (i >= name.Length || name[i] != ':') throw new NameError("expected `:`");
        i++;
        var package = Take();
        Words(package);
        if (i >= name.Length || name[i] != '/') throw new NameError("expected `/` after package name");
        i++;
        var iface = Take();
        Kebab(iface);
        string? version = null;
        if (i < name.Length && name[i] == '@')
        {
            i++;
            version = name[i..];
            if (Semver.Check(version) is { } err) throw new NameError(err);
            i = name.Length;
        }
        if (i < name.Length) throw new NameError($"trailing characters found: `{name[i..]}`");
        return new ParsedExternName(ExternNameKind.Interface, "", iface, ns, package, version);
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

/// <summary>Stops name parsing at the first fault; never leaves <see cref="ExternNameSyntax"/>.</summary>
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
