namespace Gust.Wasm.Text;

/// <summary>One index space's symbolic names ($x) in the text format (spec 6.6.1 identifier contexts).</summary>
internal sealed class NameSpace
{
    private readonly Dictionary<string, uint> _names = new(StringComparer.Ordinal);

    public NameSpace(string kind) => Kind = kind;

    /// <summary>The word used in diagnostics: "func", "local", "type", …</summary>
    public string Kind { get; }
    public uint Count { get; private set; }

    /// <summary>Allocates the next index, binding <paramref name="name"/> to it when given.</summary>
    public uint Define(string? name, Token at, TokenCursor c)
    {
        if (name is not null && !_names.TryAdd(name, Count)) throw c.Error($"duplicate {Kind} ${name}", at);
        return Count++;
    }

    public bool TryGet(string name, out uint index) => _names.TryGetValue(name, out index);

    /// <summary>Reads an index: a u32 or a bound $name.</summary>
    public uint Resolve(TokenCursor c)
    {
        var t = c.Peek();
        if (t.Kind == TokenKind.Id)
        {
            c.Next();
            return _names.TryGetValue(t.Text!, out var i) ? i : throw c.Error($"unknown {Kind} ${t.Text}", t);
        }
        return c.ExpectU32();
    }
}
