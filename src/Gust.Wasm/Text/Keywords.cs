namespace Gust.Wasm.Text;

/// <summary>
/// Which keywords the text format knows. The reference interpreter reports a keyword it does not
/// know as "unknown operator X" wherever it appears, and a known one out of place as "unexpected
/// token"; the spec suite's malformed cases depend on that split.
/// </summary>
internal static class Keywords
{
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "module", "type", "func", "param", "result", "local", "import", "export", "table", "memory",
        "global", "elem", "data", "start", "offset", "item", "declare", "mut", "then", "else", "end",
        "i32", "i64", "f32", "f64", "v128", "funcref", "externref", "ref", "null", "extern", "pagesize",
        "binary", "quote", "definition", "instance", "register", "invoke", "get", "either",
        "rec", "sub", "final", "struct", "array", "field", "tag", "any", "eq", "i31", "none", "nofunc", "noextern",
        "nan:canonical", "nan:arithmetic", "anyref", "eqref", "i31ref", "structref", "arrayref", "nullref", "nullfuncref", "nullexternref", "exnref",
    };

    public static bool IsKnown(string kw)
    {
        if (Structural.Contains(kw) || OpTable.TryGet(kw, out _) || UnsupportedFeature(kw) is not null) return true;
        if (kw.StartsWith("offset=", StringComparison.Ordinal) || kw.StartsWith("align=", StringComparison.Ordinal)) return true;
        // A well-formed number out of place is a known token; a malformed one is not.
        return TextNumbers.ParseF64(kw, out _) != NumberStatus.Syntax;
    }

    /// <summary>The out-of-scope proposal an instruction name belongs to, or null.</summary>
    public static string? UnsupportedFeature(string op)
    {
        if (op.StartsWith("v128.") || op.StartsWith("i8x16.") || op.StartsWith("i16x8.") || op.StartsWith("i32x4.") ||
            op.StartsWith("i64x2.") || op.StartsWith("f32x4.") || op.StartsWith("f64x2."))
            return op.Contains("relaxed") ? Features.RelaxedSimd : Features.Simd;
        if (op.Contains(".atomic.") || op.StartsWith("memory.atomic") || op == "atomic.fence") return Features.Threads;
        return op switch
        {
            "return_call" or "return_call_indirect" => Features.TailCall,
            "return_call_ref" or "call_ref" or "ref.as_non_null" or "br_on_null" or "br_on_non_null" => Features.FunctionReferences,
            "try_table" or "throw" or "throw_ref" or "try" or "catch" or "catch_all" or "rethrow" or "delegate" => Features.Exceptions,
            "ref.eq" or "ref.test" or "ref.cast" or "br_on_cast" or "br_on_cast_fail" or "ref.i31" or
                "any.convert_extern" or "extern.convert_any" => Features.Gc,
            _ when op.StartsWith("struct.") || op.StartsWith("array.") || op.StartsWith("i31.") => Features.Gc,
            _ => null,
        };
    }
}
