using System.Text;

namespace Gust.Codegen.Llvm;

/// <summary>Spelling of IR identifiers and string constants.</summary>
public static class LlvmNames
{
    /// <summary>A global identifier, quoted because wasm names may hold any character.</summary>
    public static string Global(string name) => "@\"" + Escape(name) + "\"";

    /// <summary>A name for a symbol: control characters (NUL included, which IR names cannot hold) become '_'.</summary>
    public static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '_' : c).ToArray());

    /// <summary>
    /// A C identifier made from any string, one-to-one: letters and digits stay, '_' becomes "__",
    /// any other UTF-8 byte becomes _XX (hex), so "print_i32" is "print__i32" and "a-b" is "a_2Db".
    /// </summary>
    public static string CIdentifier(string name)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9') sb.Append((char)b);
            else if (b == (byte)'_') sb.Append("__");
            else sb.Append('_').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>An array constant c"…\00" holding the UTF-8 bytes of a string, NUL-terminated.</summary>
    public static string CString(string s, out int length)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        length = bytes.Length + 1;
        return "c\"" + EscapeBytes(bytes) + "\\00\"";
    }

    public static string Bytes(byte[] bytes) => "c\"" + EscapeBytes(bytes) + "\"";

    private static string Escape(string s) => EscapeBytes(Encoding.UTF8.GetBytes(s));

    private static string EscapeBytes(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') sb.Append((char)b);
            else sb.Append('\\').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}
