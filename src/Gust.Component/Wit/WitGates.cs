using Gust.Wasm;

namespace Gust.Component.Wit;

/// <summary>
/// WIT.md "Rules for feature gate usage": an item that refers to a gated item, or that is contained in one, must
/// be gated at least as strictly; and a package that uses <c>@since</c> or <c>@deprecated</c> must have a version.
/// Strictness: no gate &lt; <c>@since(v)</c> (a later v is stricter) &lt; <c>@unstable</c>. An item that is only
/// <c>@deprecated</c> is not checked (WIT.md's deprecation scenario has one inside a <c>@since</c> interface).
/// </summary>
internal static class WitGates
{
    public static bool Satisfies(WitGate item, WitGate required)
    {
        if (required.Unstable is not null) return item.Unstable is not null;
        if (required.Since is not { } needed) return true;
        if (item.Unstable is not null || item.Since is null && item.Deprecated is not null) return true;
        return item.Since is { } since && CompareVersions(since, needed) >= 0;
    }

    public static string Describe(WitGate gate) =>
        gate.Unstable is { } f ? $"@unstable(feature = {f})" : $"@since(version = {gate.Since})";

    /// <summary>An item inside a gated interface, world or resource.</summary>
    public static void CheckContained(WitGate item, string name, WitGate container, string containerName, SourceLocation at)
    {
        if (!Satisfies(item, container))
            throw WasmException.Invalid($"`{name}` must be gated at least as strictly as `{containerName}`, which is `{Describe(container)}`", at);
    }

    /// <summary>A reference from an item gated <paramref name="from"/> to a type gated as <paramref name="target"/>'s.</summary>
    public static void CheckReference(WitGate from, WitTypeDef target, SourceLocation at)
    {
        if (!Satisfies(from, target.Gate))
            throw WasmException.Invalid($"type `{target.Name}` is `{Describe(target.Gate)}`, so what refers to it must be gated at least as strictly", at);
    }

    public static void CheckPackageVersion(WitGate gate, PackageName package, SourceLocation at)
    {
        if ((gate.Since ?? gate.Deprecated) is not null && package.Version is null)
            throw WasmException.Invalid($"package `{package}` uses `@since` or `@deprecated`, so it must have a version", at);
    }

    /// <summary>Semver precedence (semver.org §11) on the version core and pre-release; build metadata is ignored.</summary>
    private static int CompareVersions(string a, string b)
    {
        static (long[] Core, string? Pre) Split(string v)
        {
            int plus = v.IndexOf('+');
            if (plus >= 0) v = v[..plus];
            int dash = v.IndexOf('-');
            var core = (dash < 0 ? v : v[..dash]).Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToArray();
            return (core, dash < 0 ? null : v[(dash + 1)..]);
        }
        var (ca, pa) = Split(a);
        var (cb, pb) = Split(b);
        for (int i = 0; i < Math.Min(ca.Length, cb.Length); i++)
            if (ca[i] != cb[i]) return ca[i].CompareTo(cb[i]);
        if (pa is null || pb is null) return (pa is null ? 1 : 0) - (pb is null ? 1 : 0);
        return string.CompareOrdinal(pa, pb);
    }
}
