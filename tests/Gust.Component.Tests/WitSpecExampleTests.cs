using System.Text.RegularExpressions;
using Gust.Component.Wit;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// The ```wit examples of WIT.md. Most are fragments, so each is completed the way the text around it
/// implies: a package declaration when it has none, an interface around bare items, a world around world items,
/// and stub packages, interfaces and types for the names it says are defined elsewhere.
/// </summary>
public partial class WitSpecExampleTests
{
    public sealed record Example(int Line, string Text)
    {
        public override string ToString() => $"WIT.md:{Line}";
        /// <summary>Examples that mark a line as an error (<c>// error</c>, <c>// ERROR</c>, <c>// invalid</c>).</summary>
        public bool MeantInvalid => ErrorComment().IsMatch(Text);
    }

    [GeneratedRegex(@"//.*\b(error|ERROR|invalid)\b")]
    private static partial Regex ErrorComment();

    public static IReadOnlyList<Example> All()
    {
        var lines = File.ReadAllLines(WitTestData.WitSpec);
        var result = new List<Example>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```wit") continue;
            int start = i + 1;
            while (++i < lines.Length && lines[i].Trim() != "```") { }
            result.Add(new(start + 1, string.Join("\n", lines[start..i])));
        }
        return result;
    }

    public static TheoryData<int> Valid() => new(All().Where(e => !e.MeantInvalid && !NotWit.ContainsKey(e.Line)).Select(e => e.Line));

    /// <summary>Examples that are not WIT, though fenced as such, and why.</summary>
    private static readonly Dictionary<int, string> NotWit = new()
    {
        [1196] = "the gate grammar (EBNF)",
        [1600] = "`use` syntax sketch naming `list`, a keyword",
        [1762] = "unnamed parameters `func(blob)`: a sketch before the desugaring",
        [1792] = "the desugared form, `%[method]blob.write`, which is not an identifier",
        [1906] = "`option` and `result` as variants: an illustration, using keywords as names",
        [1960] = "the desugared form again, without `;`",
        [2118] = "`package local:demo` without its `;`",
        
    };
    public static TheoryData<int> Invalid() => new(All().Where(e => e.MeantInvalid).Select(e => e.Line));

    [Fact]
    public void TheSpecHasTheExamplesThisTestExpects()
    {
        var all = All();
        Assert.True(all.Count >= 70, $"{all.Count} examples");
        Assert.True(all.Count(e => e.MeantInvalid) >= 5);
        foreach (var line in NotWit.Keys) Assert.Contains(all, e => e.Line == line);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidExampleParsesAndResolves(int line)
    {
        var set = Resolve(All().Single(e => e.Line == line));
        var printed = WitPrinter.Print(set);
        Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(WitResolver.ResolveText(printed)));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidExampleIsRejected(int line)
    {
        var example = All().Single(e => e.Line == line);
        var e = Assert.Throws<WasmException>(() => Resolve(example));
        // The error is on a line the example marks.
        var marked = example.Text.Split('\n').Select((l, i) => (l, i + 1)).Where(x => ErrorComment().IsMatch(x.l)).Select(x => x.Item2).ToList();
        Assert.Contains(e.Diagnostic.Location.Line - LinesAdded(example.Text), marked);
    }

    /// <summary>
    /// Resolves an example: split into files where it shows several (<c>// name.wit</c> lines), completed,
    /// with stubs for what it says is defined elsewhere: in the root package as another file, else as dependencies.
    /// </summary>
    private static WitPackageSet Resolve(Example example)
    {
        var parts = Regex.Split(example.Text, @"(?m)^(?=// (?:wit/)?[a-z-]+\.wit\s*$)").Where(p => p.Trim().Length > 0).ToList();
        List<WitFileSyntax> files = parts.Count > 1 && parts.Any(HasPackage)
            ? parts.Select((p, i) => WitParser.ParseFile(Fill(p), $"WIT.md:{example.Line}#{i}")).ToList()
            : [Complete(example.Text, $"WIT.md:{example.Line}")];
        var root = files.Select(f => f.Package).FirstOrDefault(p => p is not null) ?? files[0].Nested.LastOrDefault()?.Name ?? new PackageName("local", "demo");
        var stubs = Stubs(files, root).ToList();
        files.AddRange(stubs.Where(s => s.Package == root));
        return WitResolver.Resolve(files, stubs.Where(s => s.Package != root).Select(s => (IReadOnlyList<WitFileSyntax>)[s]).ToList());
    }

    private static bool HasPackage(string text) => Regex.IsMatch(text, @"^\s*package\s", RegexOptions.Multiline);
    private static bool HasTopLevelItems(string text) => Regex.IsMatch(text, @"^(\s*@[a-z-]+\(.*\)\s*)*(interface|world|package|use\s+[^.{]+;)", RegexOptions.Multiline) && !Regex.IsMatch(text, @"^\S.*:\s*(static\s+)?func", RegexOptions.Multiline);
    private static bool IsWorldFragment(string text) => Regex.IsMatch(text, @"^\s*(import|export|include)\s", RegexOptions.Multiline);

    /// <summary>Lines put before the example's text by <see cref="Complete"/>.</summary>
    private static int LinesAdded(string text) => HasPackage(text) ? 0 : HasTopLevelItems(text) ? 1 : 2;

    /// <summary>
    /// The example with its elisions filled in: a body that is only a comment (<c>{ /* ... */ }</c>) gets one
    /// placeholder member, <c>{ ... }</c> becomes <c>;</c>; then a package and a wrapper as needed.
    /// </summary>
    private static WitFileSyntax Complete(string text, string path)
    {
        text = Fill(text);
        if (HasPackage(text)) return WitParser.ParseFile(text, path);
        // A package that uses version gates must have a version (WIT.md "Rules for feature gate usage").
        var package = Regex.IsMatch(text, "@(since|deprecated)") ? "package local:demo@1.0.0;" : "package local:demo;";
        if (HasTopLevelItems(text)) return WitParser.ParseFile($"{package}\n{text}", path);
        var wrapper = IsWorldFragment(text) ? "world example" : "interface example";
        return WitParser.ParseFile($"{package}\n{wrapper} {{\n{text}\n}}", path);
    }

    private static string Fill(string text)
    {
        text = Regex.Replace(text, @"((?:enum|flags|variant) [a-z-]+ \{)(\s*(?://[^\n]*|/\*.*?\*/)\s*)\}", "$1$2placeholder }");
        text = Regex.Replace(text, @"(record [a-z-]+ \{)(\s*(?://[^\n]*|/\*.*?\*/)\s*)\}", "$1$2placeholder: u8 }");
        return text.Replace(" { ... }", ";");
    }

    /// <summary>
    /// A file per missing package or local name: every path the example refers to that nothing defines gets an
    /// empty interface (or world, for includes), with a resource for each name it <c>use</c>s.
    /// </summary>
    private static IEnumerable<WitFileSyntax> Stubs(List<WitFileSyntax> files, PackageName root)
    {
        var defined = new HashSet<string>();
        void Define(PackageName p, PackageBodySyntax b)
        {
            foreach (var i in b.Interfaces) defined.Add($"{p.Unversioned}/{i.Name}");
            foreach (var w in b.Worlds) defined.Add($"{p.Unversioned}/{w.Name}");
        }
        foreach (var file in files)
        {
            Define(root, file.Body);
            foreach (var n in file.Nested) Define(n.Name, n.Body);
        }
        var wanted = new Dictionary<(PackageName Package, string Name), (bool World, HashSet<string> Types)>();
        void Want(PackageName current, PackageBodySyntax body, UsePathSyntax path, bool world, IEnumerable<string> types)
        {
            var alias = path.Package is null ? body.Uses.FirstOrDefault(u => (u.As ?? u.Path.Name) == path.Name) : null;
            if (alias is not null) path = alias.Path;
            var pkg = path.Package ?? current;
            if (defined.Contains($"{pkg.Unversioned}/{path.Name}")) return;
            if (!wanted.TryGetValue((pkg, path.Name), out var w)) wanted[(pkg, path.Name)] = w = (world, []);
            w.Types.UnionWith(types);
        }
        void Walk(PackageName p, PackageBodySyntax b)
        {
            foreach (var u in b.Uses) Want(p, b, u.Path, false, []);
            foreach (var i in b.Interfaces)
                foreach (var u in i.Items.OfType<UseSyntax>()) Want(p, b, u.Path, false, u.Names.Select(n => n.Name));
            foreach (var w in b.Worlds)
                foreach (var item in w.Items)
                    switch (item)
                    {
                        case WorldTypeSyntax { Item: UseSyntax u }: Want(p, b, u.Path, false, u.Names.Select(n => n.Name)); break;
                        case ExternSyntax { Path: { } path }: Want(p, b, path, false, []); break;
                        case ExternSyntax { Inline: { } items }:
                            foreach (var u in items.OfType<UseSyntax>()) Want(p, b, u.Path, false, u.Names.Select(n => n.Name));
                            break;
                        case IncludeSyntax inc: Want(p, b, inc.Path, true, inc.With.Select(x => x.Name)); break;
                    }
        }
        foreach (var file in files)
        {
            Walk(root, file.Body);
            foreach (var n in file.Nested) Walk(n.Name, n.Body);
        }
        foreach (var group in wanted.GroupBy(w => w.Key.Package))
        {
            var items = string.Join("\n", group.Select(w => w.Value.World
                ? $"world {w.Key.Name} {{ {string.Concat(w.Value.Types.Select(t => $"import {t}: func(); "))}}}"
                : $"interface {w.Key.Name} {{ {string.Concat(w.Value.Types.Select(t => $"resource {t}; "))}}}"));
            yield return WitParser.ParseFile($"package {group.Key};\n{items}", $"stub-{group.Key.Namespace}-{group.Key.Name}.wit");
        }
    }
}
