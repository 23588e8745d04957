using System.Text;
using Gust.Wasm;

namespace Gust.Codegen;

/// <summary>
/// A readable name for every function index: from the name section (appendix 7.4.1) when the module
/// has one, else its first export, else "module.name" of its import, else "f{index}".
/// </summary>
public static class FunctionNames
{
    public static string[] Of(Module module)
    {
        var names = new string?[module.FuncCount];
        var fromSection = NameSection(module);
        uint i = 0;
        foreach (var imp in module.ImportsOf(ExternKind.Func)) names[i++] = $"{imp.Module}.{imp.Name}";
        foreach (var e in module.Exports)
            if (e.Kind == ExternKind.Func && e.Index < names.Length && (e.Index >= i || names[e.Index] is null)) names[e.Index] ??= e.Name;
        foreach (var (index, name) in fromSection)
            if (index < names.Length) names[index] = name;
        for (var k = 0; k < names.Length; k++) names[k] ??= $"f{k}";
        return names!;
    }

    /// <summary>The function-names subsection (id 1) of the "name" custom section; empty when absent or malformed.</summary>
    private static IEnumerable<(uint Index, string Name)> NameSection(Module module)
    {
        var section = module.Customs.FirstOrDefault(c => c.Name == "name");
        if (section is null) return [];
        var found = new List<(uint, string)>();
        try
        {
            var d = section.Data;
            var pos = 0;
            while (pos < d.Length)
            {
                var id = d[pos++];
                var size = (int)Leb(d, ref pos);
                if (size < 0 || size > d.Length - pos) throw new ArgumentException("subsection past the section");
                var end = pos + size;
                if (id == 1)
                {
                    var count = Leb(d, ref pos);
                    for (uint k = 0; k < count; k++)
                    {
                        var index = Leb(d, ref pos);
                        var len = (int)Leb(d, ref pos);
                        if (len < 0 || len > d.Length - pos) throw new ArgumentException("name past the section");
                        found.Add((index, Encoding.UTF8.GetString(d, pos, len)));
                        pos += len;
                    }
                }
                pos = end;
            }
        }
        catch (ArgumentException) { } // a malformed name section only costs us names
        return found;
    }

    private static uint Leb(byte[] d, ref int pos)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (pos >= d.Length) throw new ArgumentException("LEB128 past the section");
            var b = d[pos++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ArgumentException("LEB128 too long");
    }
}
