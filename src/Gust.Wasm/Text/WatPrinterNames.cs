using Gust.Wasm.Binary;

namespace Gust.Wasm.Text;

/// <summary>
/// Function names from the name custom section (spec 7.4.1), for comments in printed text. The
/// section is optional and its errors are not errors of the module, so a malformed one just
/// yields the names read before the error.
/// </summary>
internal static class WatPrinterNames
{
    private const byte FunctionNamesId = 1;

    public static Dictionary<uint, string> FunctionNames(Module module)
    {
        var names = new Dictionary<uint, string>();
        if (module.Customs.FirstOrDefault(c => c.Name == "name") is not { } section) return names;
        var r = new WasmReader(section.Data, null, new LayoutRecorder());
        try
        {
            while (!r.AtEnd)
            {
                var id = r.ReadByte();
                var size = r.ReadLength();
                if (id != FunctionNamesId)
                {
                    r.Pos += size;
                    continue;
                }
                for (var count = r.ReadU32(); count > 0; count--)
                {
                    var func = r.ReadU32();
                    names.TryAdd(func, r.ReadName());
                }
                break;
            }
        }
        catch (WasmException)
        {
            // keep what was read
        }
        return names;
    }
}
