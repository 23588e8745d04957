using Gust.Component.Wit;

namespace Gust.Component.Wrap;

/// <summary>
/// The names a core module uses for a world's items, in both conventions the ecosystem's producers use:
/// the legacy one (imports from module <c>ns:pkg/iface@1.2.3</c> or <c>$root</c>, exports <c>ns:pkg/iface@1.2.3#f</c>,
/// <c>cabi_realloc</c>, <c>cabi_post_*</c>, <c>memory</c>) and the <c>cm32p2</c> one of the BuildTargets.md
/// (<c>cm32p2|ns:pkg/iface@1</c>, <c>cm32p2|ns:pkg/iface@1|f</c>, <c>*_post</c>, <c>cm32p2_memory</c>, …).
/// </summary>
public static class CoreNames
{
    public static readonly string[] Memory = ["memory", "cm32p2_memory"];
    public static readonly string[] Realloc = ["cabi_realloc", "cm32p2_realloc"];
    public static readonly string[] Initialize = ["_initialize", "cm32p2_initialize"];

    /// <summary>The core import module names for an imported interface (null: world-level functions).</summary>
    public static string[] ImportModules(string? interfaceName) => interfaceName is null
        ? ["$root", "cm32p2"]
        : [interfaceName, "cm32p2|" + ShortVersion(interfaceName)];

    /// <summary>The import names of an imported resource's drop function.</summary>
    public static string[] ResourceDrop(string resource) => ["[resource-drop]" + resource, resource + "_drop"];

    /// <summary>The core import module of an exported interface's resource built-ins (resource.new/rep/drop).</summary>
    public static string[] ExportedResourceModules(string interfaceName) => ["[export]" + interfaceName, "cm32p2|_ex_" + ShortVersion(interfaceName)];

    /// <summary>The import names of a resource built-in (<paramref name="op"/>: new, rep or drop), in each convention.</summary>
    public static string[] ResourceBuiltin(string resource, string op) => [$"[resource-{op}]{resource}", $"{resource}_{op}"];

    /// <summary>The export names of an exported resource's destructor.</summary>
    public static string[] Destructor(string interfaceName, string resource) =>
        [$"{interfaceName}#[dtor]{resource}", $"cm32p2|{ShortVersion(interfaceName)}|{resource}_dtor"];

    /// <summary>The export names of a lifted function (interface null for a world-level function).</summary>
    public static string[] Export(string? interfaceName, string function) => interfaceName is null
        ? [function, "cm32p2||" + function]
        : [$"{interfaceName}#{function}", $"cm32p2|{ShortVersion(interfaceName)}|{function}"];

    /// <summary>The post-return export for a lifted function's export name (same convention as the name).</summary>
    public static string PostReturn(string exportName) =>
        exportName.StartsWith("cm32p2|", StringComparison.Ordinal) ? exportName + "_post" : "cabi_post_" + exportName;

    /// <summary>
    /// cm32p2 names carry the version only as far as semver compatibility goes: <c>@1.2.3</c> → <c>@1</c>,
    /// <c>@0.2.1</c> → <c>@0.2</c>, <c>@0.0.1</c> stays; a pre-release keeps the whole version.
    /// </summary>
    public static string ShortVersion(string name)
    {
        int at = name.LastIndexOf('@');
        if (at < 0 || name.IndexOf('/') > at) return name;
        var version = name[(at + 1)..];
        var parts = version.Split('.');
        if (parts.Length != 3 || version.Contains('-') || version.Contains('+')) return name;
        var shortened = parts[0] != "0" ? parts[0] : parts[1] != "0" ? $"0.{parts[1]}" : version;
        return name[..(at + 1)] + shortened;
    }

    /// <summary>The name a world item has in a component: the qualified interface name, or its plain name.</summary>
    public static string? InterfaceName(WitWorldItem item) => item.Interface is null ? null : item.Name;
}
