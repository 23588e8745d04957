using Gust.Wasm;

namespace Gust.Component.Wit;

/// <summary>
/// Turns parsed WIT files into a <see cref="WitPackageSet"/>: groups files into packages, resolves <c>use</c>
/// across interfaces and packages, checks names (defined once, defined at all, no cycles) and feature gates, and
/// flattens and elaborates worlds. Errors throw <see cref="WasmException"/> (kind Invalid; Malformed from the
/// parser) at file:line:column of the offending name.
/// <para>
/// Typical use: <c>var world = WitResolver.ResolvePath("wit").SelectWorld(name);</c> then walk
/// <see cref="WitWorld.Imports"/> and <see cref="WitWorld.Exports"/> (interfaces with their
/// <see cref="WitScope.Types"/> and <see cref="WitInterface.Functions"/>, each type both named
/// (<see cref="WitType"/>) and structural (<see cref="WitTypeDef.ValType"/>, <see cref="WitFunction.FuncType"/>)).
/// <see cref="WitPrinter"/> prints any of it back as WIT; <see cref="WitParser.ParseFile"/> gives the syntax tree alone.
/// </para>
/// </summary>
public static class WitResolver
{
    /// <summary>
    /// Resolves a WIT package folder (WIT.md "Root Package: A Directory"): every <c>*.wit</c> in
    /// <paramref name="directory"/> is the root package; each file or folder in its <c>deps/</c> is a dependency package.
    /// </summary>
    public static WitPackageSet ResolveDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new WasmException(new(DiagnosticKind.Error, "no such directory", SourceLocation.AtLine(directory, 0, 0)));
        var deps = new List<IReadOnlyList<WitFileSyntax>>();
        var depsDir = Path.Combine(directory, "deps");
        if (Directory.Exists(depsDir))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(depsDir).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(entry)) deps.Add(ParseFolder(entry));
                else if (entry.EndsWith(".wit", StringComparison.Ordinal)) deps.Add([ParseFile(entry)]);
            }
        }
        return Resolve(ParseFolder(directory), deps);
    }

    /// <summary>Resolves a path that is either a package folder or a single <c>.wit</c> file.</summary>
    public static WitPackageSet ResolvePath(string path) =>
        Directory.Exists(path) ? ResolveDirectory(path) : Resolve([ParseFile(path)], []);

    /// <summary>Resolves one file's text (WIT.md "Root Package: A File"): dependencies must be nested <c>package … { }</c> blocks.</summary>
    public static WitPackageSet ResolveText(string text, string? path = null) => Resolve([WitParser.ParseFile(text, path)], []);

    /// <summary>
    /// Resolves already-parsed files: <paramref name="root"/> holds the root package's files, each entry of
    /// <paramref name="dependencies"/> the files of one dependency package. Nested <c>package … { }</c> blocks in
    /// any file are packages of their own.
    /// </summary>
    public static WitPackageSet Resolve(IReadOnlyList<WitFileSyntax> root, IReadOnlyList<IReadOnlyList<WitFileSyntax>> dependencies)
    {
        var sources = new List<PackageSource>();
        foreach (var dep in dependencies) Group(dep, sources);
        var rootSource = Group(root, sources);
        return new Resolution(sources).Run(rootSource);
    }

    private static List<WitFileSyntax> ParseFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.wit").Order(StringComparer.Ordinal).Select(ParseFile).ToList();
        if (files.Count == 0) throw new WasmException(new(DiagnosticKind.Error, "no `.wit` files in folder", SourceLocation.AtLine(folder, 0, 0)));
        return files;
    }

    private static WitFileSyntax ParseFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WasmException(new(DiagnosticKind.Error, e.Message, SourceLocation.AtLine(path, 0, 0)));
        }
        return WitParser.ParseFile(text, path);
    }

    /// <summary>
    /// Files of one package: their <c>package</c> declarations must agree. A file set with no declaration and
    /// only nested packages takes its last nested package as the package (the usual single-file dependency layout).
    /// </summary>
    private static PackageSource Group(IReadOnlyList<WitFileSyntax> files, List<PackageSource> sources)
    {
        WitFileSyntax? declaring = null;
        foreach (var f in files)
        {
            if (f.Package is null) continue;
            if (declaring is null) declaring = f;
            else if (declaring.Package != f.Package)
                throw WasmException.Invalid($"package `{f.Package}` does not match package `{declaring.Package}` declared in {declaring.PackageAt}", f.PackageAt);
        }
        var nested = new List<PackageSource>();
        foreach (var f in files)
            foreach (var n in f.Nested)
                nested.Add(new(n.Name, [n.Body]));
        bool hasItems = files.Any(f => f.Body.Uses.Count + f.Body.Interfaces.Count + f.Body.Worlds.Count > 0);
        PackageSource main;
        if (declaring is null)
        {
            var at = files.Count > 0 ? SourceLocation.AtLine(files[0].Path, 1, 1) : SourceLocation.AtLine(null, 1, 1);
            if (hasItems || nested.Count == 0) throw WasmException.Invalid("no `package` declaration: one file of a package must start with `package ns:name;`", at);
            main = nested[^1];
            nested.RemoveAt(nested.Count - 1);
        }
        else main = new(declaring.Package!, files.Select(f => f.Body).ToList()) { Docs = declaring.PackageDocs };
        foreach (var n in nested)
            if (!sources.Any(s => s.Name == n.Name) && n.Name != main.Name) sources.Add(n);
        var existing = sources.FindIndex(s => s.Name == main.Name);
        if (existing >= 0) sources.RemoveAt(existing);
        sources.Add(main);
        return main;
    }
}

/// <summary>The syntax of one package: a body per file (each with its own top-level <c>use</c>s) or nested block.</summary>
internal sealed class PackageSource(PackageName name, List<PackageBodySyntax> bodies)
{
    public PackageName Name { get; } = name;
    public List<PackageBodySyntax> Bodies { get; } = bodies;
    public string? Docs { get; init; }
}
