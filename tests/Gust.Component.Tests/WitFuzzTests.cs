using CsCheck;
using Gust.Component.Wit;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Mutated WIT text: the parser, resolver and printer fail only with a <see cref="WasmException"/>.</summary>
public class WitFuzzTests
{
    private static readonly Lazy<string[]> Corpus = new(() =>
        Directory.EnumerateFiles(WitTestData.WorldsDir, "*.wit", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Concat(WitSpecExampleTests.All().Select(e => "package local:demo;\n" + e.Text))
            .ToArray());

    /// <summary>Pieces that make mutations reach deeper than random characters do.</summary>
    private static readonly string[] Pieces =
    [
        "{", "}", "<", ">", "(", ")", ";", ":", ",", ".", "/", "@", "%", "=", "->", "_", "*", "\"", "///", "/*", "*/", "//", "\n",
        "interface", "world", "package", "use", "import", "export", "include", "with", "as", "type", "record", "variant",
        "enum", "flags", "resource", "func", "static", "constructor", "borrow", "own", "list", "option", "result", "tuple",
        "string", "u32", "async", "future", "@since(version = 1.0.0)", "@unstable(feature = x)", "@deprecated(version = 0.1.0)",
        "a:b/c@1.0.0", "1.2.3-rc.1", "0", "4", "self", "x", "y-z", "%record", "list<u8, 3>",
    ];

    private static readonly Gen<string> Mutated =
        from source in Gen.Int[0, int.MaxValue].Select(i => Corpus.Value[i % Corpus.Value.Length])
        from edits in Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Gen.Int[0, Pieces.Length - 1]).Array[1, 6]
        select Apply(source, edits);

    private static string Apply(string text, (int Kind, int At, int Len, int Piece)[] edits)
    {
        foreach (var (kind, at0, len0, piece) in edits)
        {
            if (text.Length == 0) text = Pieces[piece];
            int at = at0 % text.Length, len = Math.Min(len0, text.Length - at);
            text = kind switch
            {
                0 => text.Remove(at, len),
                1 => text.Insert(at, Pieces[piece]),
                2 => text.Insert(at, text.Substring(at, len)),
                3 => text.Remove(at, len).Insert(at, Pieces[piece]),
                _ => text.Insert(at, ((char)(at0 % 0x3000)).ToString()),
            };
        }
        return text;
    }

    [Fact]
    public void MutatedTextFailsOnlyWithDiagnostics()
    {
        int parsed = 0, resolved = 0;
        Mutated.Sample(text =>
        {
            WitPackageSet set;
            try
            {
                WitParser.ParseFile(text, "fuzz.wit");
                Interlocked.Increment(ref parsed);
                set = WitResolver.ResolveText(text, "fuzz.wit");
                Interlocked.Increment(ref resolved);
            }
            catch (WasmException) { return; }
            // Whatever resolves prints to text that resolves to the same model.
            var again = WitResolver.ResolveText(WitPrinter.Print(set), "printed.wit");
            Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(again));
        }, iter: int.MaxValue, time: 5, print: t => t);
        Assert.True(parsed > 0 && resolved > 0, $"parsed {parsed}, resolved {resolved}: the mutations never reach the resolver");
        Console.WriteLine($"WIT fuzz: {parsed} parsed, {resolved} resolved");
    }
}
