using System.Text;
using Gust.Wasm.Text;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Robustness of the text parsers: mutated and truncated spec text and deep nesting may only
/// produce <see cref="WasmException"/>, never another exception or a stack overflow.
/// </summary>
public class TextFuzzTests
{
    private static readonly string[] Seeds = ["block.wast", "elem.wast", "float_literals.wast", "names.wast", "memory.wast", "annotations.wast"];

    /// <summary>Runs the parsers on input; only a <see cref="WasmException"/> may escape.</summary>
    private static void ParseAll(byte[] input)
    {
        try
        {
            WatParser.ParseModule(input, "fuzz.wat");
        }
        catch (WasmException) { }
        WastScript script;
        try
        {
            script = WastParser.Parse(input, "fuzz.wast");
        }
        catch (WasmException)
        {
            return;
        }
        foreach (var command in script.Commands)
        {
            var source = command switch
            {
                ModuleCommand m => m.Source,
                AssertMalformed m => m.Module,
                AssertInvalid m => m.Module,
                AssertUnlinkable m => m.Module,
                AssertUninstantiable m => m.Module,
                _ => null,
            };
            if (source is null or BinaryModuleSource) continue;
            try
            {
                source.Compile();
            }
            catch (WasmException) { }
        }
    }

    [Fact]
    public void MutatedSpecTextOnlyThrowsWasmException()
    {
        SpecSuite.RequirePresent();
        var rng = new Random(20261125);
        foreach (var name in Seeds)
        {
            var original = File.ReadAllBytes(Path.Combine(SpecSuite.WasmTestsuite, name));
            for (var round = 0; round < 60; round++)
            {
                var input = (byte[])original.Clone();
                var edits = rng.Next(1, 8);
                for (var e = 0; e < edits; e++)
                {
                    var at = rng.Next(input.Length);
                    input[at] = rng.Next(4) switch
                    {
                        0 => (byte)rng.Next(256),
                        1 => (byte)"()\"$;\\ "[rng.Next(7)],
                        2 => (byte)'0',
                        _ => input[rng.Next(input.Length)],
                    };
                }
                if (rng.Next(3) == 0) input = input[..rng.Next(input.Length)];
                ParseAll(input);
            }
        }
    }

    [Fact]
    public void RandomTokenSoupOnlyThrowsWasmException()
    {
        string[] pieces =
        [
            "(", ")", "(", ")", "module", "func", "block", "if", "then", "else", "end", "loop", "br 0", "$x", "(param i32)",
            "(result i32)", "i32.const", "0x1p3", "-nan:0x1", "\"s\\u{41}\"", "(@a", ";;c\n", "(;c;)", "local.get", "call_indirect",
            "(type 0)", "(elem", "(data", "(memory", "(table", "funcref", "offset=1", "align=4", "i32.load", "select", "assert_return",
            "(invoke \"f\"", "(either", "ref.null", "extern", "memory.init", "table.copy", "(export \"e\")", "(import \"m\" \"n\")",
        ];
        var rng = new Random(7);
        for (var round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            var n = rng.Next(1, 40);
            for (var i = 0; i < n; i++) sb.Append(pieces[rng.Next(pieces.Length)]).Append(' ');
            ParseAll(Encoding.UTF8.GetBytes(sb.ToString()));
        }
    }

    [Fact]
    public void DeepFoldedNestingDoesNotOverflow()
    {
        const int depth = 100_000;
        var text = "(module (func " + string.Concat(Enumerable.Repeat("(block ", depth)) + new string(')', depth) + "))";
        var m = WatParser.ParseModule(text);
        Assert.Equal(2 * depth + 1, m.Codes[0].Body.Count);
    }

    [Fact]
    public void DeepFlatNestingDoesNotOverflow()
    {
        const int depth = 100_000;
        var text = "(func " + string.Concat(Enumerable.Repeat("block ", depth)) + "br " + (depth - 1) + " " +
                   string.Concat(Enumerable.Repeat("end ", depth)) + ")";
        var m = WatParser.ParseModule(text);
        Assert.Equal(2 * depth + 2, m.Codes[0].Body.Count);
    }

    [Fact]
    public void DeepParenthesesInScriptsAndValuesDoNotOverflow()
    {
        const int depth = 100_000;
        var parens = new string('(', depth) + new string(')', depth);
        ParseAll(Encoding.UTF8.GetBytes(parens));
        ParseAll(Encoding.UTF8.GetBytes("(assert_return (invoke \"f\") " + string.Concat(Enumerable.Repeat("(either ", depth)) + new string(')', depth + 1)));
        ParseAll(Encoding.UTF8.GetBytes("(module (func (i32.add " + parens + ")))"));
        ParseAll(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("(;", depth)) + string.Concat(Enumerable.Repeat(";)", depth))));
        ParseAll(Encoding.UTF8.GetBytes("(@a " + parens + ")"));
    }
}
