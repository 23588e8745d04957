using System.Text;
using Gust.Component.Wit;

namespace Gust.Component.Tests;

/// <summary>Finds the WIT test data and the spec, and describes resolved models for comparison.</summary>
internal static class WitTestData
{
    /// <summary>tests/Gust.Component.Tests/wit: one package folder per world (reused by the jco interop tests).</summary>
    public static string WorldsDir { get; } = FindUp(Path.Combine("tests", "Gust.Component.Tests", "wit"));

    public static string WitSpec => Path.Combine(SpecRoot, "component-model", "design", "mvp", "WIT.md");

    private static string SpecRoot =>
        Environment.GetEnvironmentVariable("GUST_SPEC") is { Length: > 0 } s ? s : FindUp("shared/spec", Path.Combine("..", "shared", "spec"));

    public static IEnumerable<string> WorldNames() =>
        Directory.EnumerateDirectories(WorldsDir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string FindUp(string relative, string? alsoTry = null)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
            if (alsoTry is not null && Directory.Exists(Path.Combine(dir.FullName, alsoTry))) return Path.Combine(dir.FullName, alsoTry);
        }
        throw new DirectoryNotFoundException(relative);
    }

    /// <summary>
    /// A canonical description of a package set: every interface's types (name, kind, component type) and
    /// functions (extern name, component type), every world's imports and exports. Resources print by name, so
    /// two resolutions of equal text describe the same.
    /// </summary>
    public static string Describe(WitPackageSet set)
    {
        var sb = new StringBuilder();
        foreach (var p in set.Packages)
        {
            sb.Append("package ").Append(p.Name).Append('\n');
            foreach (var i in p.Interfaces) DescribeInterface(sb, i, "  ");
            foreach (var w in p.Worlds) DescribeWorld(sb, w);
        }
        return sb.ToString();
    }

    /// <summary>A world's imports and exports: names, and each function's or inline interface's component types.</summary>
    public static string DescribeWorld(WitWorld w)
    {
        var sb = new StringBuilder();
        DescribeWorld(sb, w);
        return sb.ToString();
    }

    private static void DescribeWorld(StringBuilder sb, WitWorld w)
    {
        sb.Append("  world ").Append(w.Name).Append('\n');
        foreach (var (dir, items) in new[] { ("import", w.Imports), ("export", w.Exports) })
            foreach (var item in items)
            {
                sb.Append("    ").Append(dir).Append(' ').Append(item.Name).Append(item.IsInterfaceName ? " (interface name)" : "").Append(": ");
                if (item.Function is { } f) sb.Append(f.ExternName).Append(' ').Append(f.FuncType).Append('\n');
                else if (item.Type is { } t) sb.Append("type ").Append(t.Kind).Append(' ').Append(t.ValType).Append('\n');
                else
                {
                    sb.Append(item.Interface!.QualifiedName ?? "inline").Append('\n');
                    DescribeInterface(sb, item.Interface, "      ");
                }
            }
    }

    private static void DescribeInterface(StringBuilder sb, WitInterface i, string indent)
    {
        sb.Append(indent).Append("interface ").Append(i.Name).Append('\n');
        foreach (var t in i.Types)
            sb.Append(indent).Append("  type ").Append(t.Name).Append(' ').Append(t.Kind).Append(' ').Append(t.ValType)
              .Append(t.Target is { } target ? $" from {(target.Owner as WitInterface)?.QualifiedName}.{target.Name}" : "").Append('\n');
        foreach (var f in i.Functions)
            sb.Append(indent).Append("  func ").Append(f.ExternName).Append(' ').Append(f.FuncType).Append('\n');
    }
}
