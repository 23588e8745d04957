using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// Function names from the name custom section (spec 7.4.1), for comments in printed text. The
/// section is optional and its errors are not errors of the module, so anything malformed just
/// yields fewer names.
/// </summary>
internal static class WatPrinterNames
{
    private const byte FunctionNamesId = 1;

    public static Dictionary<uint, string> FunctionNames(Module module)
    {
        var names = new Dictionary<uint, string>();
        var section = module.Customs.FirstOrDefault(c => c.Name == "name");
        if (section is null) return names;

        var data = section.Data;
        var at = 0;
        while (at < data.Length)
        {
            var id = data[at++];
            if (!TryU32(data, ref at, out var size) || size > data.Length - at) return names;
            var end = at + (int)size;
            if (id == FunctionNamesId)
            {
                if (!TryU32(data, ref at, out var count)) return names;
                for (var i = 0u; i < count && at < end; i++)
                {
                    if (!TryU32(data, ref at, out var func) || !TryU32(data, ref at, out var length) || length > end - at) return names;
                    names.TryAdd(func, Encoding.UTF8.GetString(data, at, (int)length));
                    at += (int)length;
                }
                return names;
            }
            at = end;
        }
        return names;
    }

    private static bool TryU32(byte[] data, ref int at, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= data.Length) return false;
            var b = data[at++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }
}
