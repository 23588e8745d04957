using System.Text;
using CsCheck;
using Gust.Component.Wit;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>
/// Random valid WIT (every type form, resources, uses between interfaces, worlds with every item kind, docs, gates,
/// escaped keywords) resolves, and prints to text that resolves to an equal model and prints the same.
/// </summary>
public class WitGeneratedTests
{
    private static readonly string[] Words = ["a", "b-c", "x1", "record", "type", "list", "FOO", "ABC-d", "v2-x", "result", "item", "own"];

    private sealed class Builder(Random rng)
    {
        private readonly StringBuilder sb = new();
        private int fresh;

        private readonly HashSet<string> bare = [];

        /// <summary>A fresh name; sometimes a bare word (a keyword needs its `%`), sometimes escaped without need.</summary>
        private string Name()
        {
            var word = Words[rng.Next(Words.Length)];
            if (rng.Next(5) == 0 && bare.Add(word)) return Ref(word);
            var w = word + "-n" + fresh++;
            return rng.Next(4) == 0 ? "%" + w : w;
        }

        private static string Ref(string name) => name is "record" or "type" or "list" or "result" or "own" ? "%" + name : name;

        private string Type(List<(string Name, bool Resource)> scope, int depth, bool param)
        {
            int pick = rng.Next(depth > 2 ? 2 : 10);
            switch (pick)
            {
                case 0: return new[] { "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string" }[rng.Next(13)];
                case 1 when scope.Count > 0:
                    var (n, res) = scope[rng.Next(scope.Count)];
                    return res && param && rng.Next(2) == 0 ? $"borrow<{Ref(n)}>" : Ref(n);
                case 2: return $"list<{Type(scope, depth + 1, param)}>";
                case 3: return $"list<{Type(scope, depth + 1, param)}, {rng.Next(1, 5)}>";
                case 4: return $"option<{Type(scope, depth + 1, param)}>";
                case 5: return rng.Next(4) switch
                {
                    0 => "result",
                    1 => $"result<{Type(scope, depth + 1, param)}>",
                    2 => $"result<_, {Type(scope, depth + 1, param)}>",
                    _ => $"result<{Type(scope, depth + 1, param)}, {Type(scope, depth + 1, param)}>",
                };
                case 6: return $"tuple<{string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Type(scope, depth + 1, param)))}>";
                default: return "u32";
            }
        }

        private string Docs() => rng.Next(4) == 0 ? $"/// doc {fresh++}\n" : "";

        private string Func(List<(string, bool)> scope) =>
            $"func({string.Join(", ", Enumerable.Range(0, rng.Next(3)).Select(_ => $"{Name()}: {Type(scope, 0, true)}"))})"
            + (rng.Next(3) == 0 ? "" : $" -> {Type(scope, 0, false)}");

        /// <summary>An interface body; returns the names it defines, for later interfaces to use.</summary>
        private List<(string Name, bool Resource)> Interface(List<(string Iface, List<(string Name, bool Resource)> Types)> earlier)
        {
            var scope = new List<(string Name, bool Resource)>();
            if (earlier.Count > 0 && rng.Next(2) == 0)
            {
                var (iface, types) = earlier[rng.Next(earlier.Count)];
                if (types.Count > 0)
                {
                    var chosen = types.Where(_ => rng.Next(2) == 0).DefaultIfEmpty(types[0]).ToList();
                    sb.Append($"use {iface}.{{{string.Join(", ", chosen.Select(t => Ref(t.Name)))}}};\n");
                    scope.AddRange(chosen.Select(t => (t.Name.TrimStart('%'), t.Resource)));
                }
            }
            for (int k = rng.Next(6); k > 0; k--)
            {
                var name = Name();
                sb.Append(Docs());
                switch (rng.Next(6))
                {
                    case 0: sb.Append($"type {name} = {Type(scope, 0, false)};\n"); break;
                    case 1: sb.Append($"record {name} {{ {string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => $"{Name()}: {Type(scope, 1, false)}"))} }}\n"); break;
                    case 2: sb.Append($"variant {name} {{ {string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(2) == 0 ? Name() : $"{Name()}({Type(scope, 1, false)})"))} }}\n"); break;
                    case 3: sb.Append($"enum {name} {{ {string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Name()))} }}\n"); break;
                    case 4: sb.Append($"flags {name} {{ {string.Join(", ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Name()))} }}\n"); break;
                    default:
                        sb.Append($"resource {name} {{\n");
                        var inner = scope.Append((name.TrimStart('%'), true)).ToList();
                        if (rng.Next(2) == 0) sb.Append($"constructor({string.Join(", ", Enumerable.Range(0, rng.Next(2)).Select(_ => $"{Name()}: {Type(scope, 1, true)}"))});\n");
                        for (int m = rng.Next(3); m > 0; m--) sb.Append($"{Docs()}{Name()}: {(rng.Next(3) == 0 ? "static " : "")}{Func(inner)};\n");
                        sb.Append("}\n");
                        scope.Add((name.TrimStart('%'), true));
                        continue;
                }
                scope.Add((name.TrimStart('%'), false));
            }
            for (int k = rng.Next(4); k > 0; k--) sb.Append($"{Docs()}{Name()}: {(rng.Next(5) == 0 ? "async " : "")}{Func(scope)};\n");
            return scope;
        }

        public string Build()
        {
            sb.Append($"package gen:pkg{(rng.Next(2) == 0 ? "@1.2.3" : "")};\n");
            var ifaces = new List<(string Iface, List<(string Name, bool Resource)> Types)>();
            for (int k = rng.Next(1, 4); k > 0; k--)
            {
                var name = Name();
                sb.Append(Docs()).Append($"interface {name} {{\n");
                ifaces.Add((name, Interface(ifaces)));
                sb.Append("}\n");
            }
            sb.Append("world w {\n");
            foreach (var (iface, _) in ifaces)
                if (rng.Next(3) > 0) sb.Append($"{(rng.Next(2) == 0 ? "import" : "export")} {iface};\n");
            for (int k = rng.Next(3); k > 0; k--) sb.Append($"{Docs()}{(rng.Next(2) == 0 ? "import" : "export")} {Name()}: {Func([])};\n");
            if (rng.Next(2) == 0)
            {
                sb.Append($"import {Name()}: interface {{\n");
                Interface(ifaces);
                sb.Append("}\n");
            }
            if (ifaces.Count > 0 && rng.Next(3) == 0) sb.Append($"import {Name()}: {ifaces[0].Iface};\n");
            sb.Append("}\n");
            return sb.ToString();
        }
    }

    [Fact]
    public void GeneratedWitRoundTrips()
    {
        Gen.Int.Sample(seed =>
        {
            var text = new Builder(new Random(seed)).Build();
            var set = WitResolver.ResolveText(text, "generated.wit");
            var printed = WitPrinter.Print(set);
            var again = WitResolver.ResolveText(printed, "printed.wit");
            Assert.Equal(WitTestData.Describe(set), WitTestData.Describe(again));
            Assert.Equal(printed, WitPrinter.Print(again));
            var world = set.SelectWorld("w");
            Assert.Equal(WitTestData.DescribeWorld(world), WitTestData.DescribeWorld(WitResolver.ResolveText(WitPrinter.Print(world)).SelectWorld("w")));
        }, iter: 1000, print: seed => new Builder(new Random(seed)).Build());
    }
}
