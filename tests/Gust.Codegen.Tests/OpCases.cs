using Gust.Wasm;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>
/// Runs many calls of single instructions in one image: each instruction becomes an exported
/// function "local.get 0 … op" named after it, every case one call, and each result is checked against the
/// expected text. Failures list every mismatching case at once.
/// </summary>
public sealed class OpCases
{
    private readonly System.Text.StringBuilder _funcs = new();
    private readonly HashSet<string> _defined = new();
    private readonly List<(string Export, WastValue[] Args, Func<string, bool> Check, string Expected)> _cases = new();

    /// <summary>A case for instruction <paramref name="op"/>; operands and result types come from the opcode table.</summary>
    public OpCases Add(string op, WastValue[] args, string expected) => Add(op, args, r => r == expected, expected);

    public OpCases Add(string op, WastValue[] args, Func<string, bool> check, string description)
    {
        Define(op);
        _cases.Add((op, args, check, description));
        return this;
    }

    private void Define(string op)
    {
        if (!_defined.Add(op)) return;
        Assert.True(OpTable.TryGet(op, out var info), op);
        var ps = info.Operands;
        var body = string.Join(" ", ps.Select((_, i) => $"local.get {i}")) + " " + op;
        _funcs.AppendLine($"  (func (export \"{op}\") (param {string.Join(" ", ps.Select(p => p.Name()))}) (result {string.Join(" ", info.Results.Select(r => r.Name()))}) {body})");
    }

    public void RunOn(string board)
    {
        var results = Native.Results(board, Wat.Parse($"(module\n{_funcs})"), _cases.Select(c => (c.Export, c.Args)));
        var failures = _cases.Select((c, i) => (c, got: results[i]))
            .Where(x => !x.c.Check(x.got))
            .Select(x => $"{x.c.Export}({string.Join(", ", x.c.Args.Select(a => $"{a.Type.Name()}:0x{a.Bits:x}"))}) = {x.got}, expected {x.c.Expected}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {_cases.Count} cases failed on {board}:\n{string.Join("\n", failures)}");
    }
}
