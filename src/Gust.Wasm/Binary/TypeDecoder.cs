namespace Gust.Wasm.Binary;

/// <summary>
/// Decodes types (spec 5.3). Type encodings from proposals outside Gust's scope (v128, typed and GC
/// references, exception references, memory64, shared memory, rec/sub types) are reported as
/// unsupported with the proposal's name rather than as malformed.
/// </summary>
internal static class TypeDecoder
{
    private const byte FuncTypeForm = 0x60;

    /// <summary>valtype: a one-byte negative s7; anything else is not a type Gust knows.</summary>
    public static ValType ReadValType(ref WasmReader r) => ReadTypeByte(ref r, refOnly: false);

    public static ValType ReadRefType(ref WasmReader r) => ReadTypeByte(ref r, refOnly: true);

    private static ValType ReadTypeByte(ref WasmReader r, bool refOnly)
    {
        var at = r.Pos;
        var b = r.ReadByte();
        // Types are s7 (spec 5.3.1), so a continuation bit makes the encoding too long.
        if ((b & 0x80) != 0) throw r.Malformed("integer representation too long", r.Pos);
        if (ValTypes.IsDefined(b) && (!refOnly || ((ValType)b).IsRef())) return (ValType)b;
        if (b == 0x7B && !refOnly) throw r.Unsupported(Features.Simd, "the v128 type", at);
        throw OutOfScopeReference(ref r, b - 0x80, at) ?? r.Malformed("malformed reference type", at);
    }

    /// <summary>The feature a reference-type or heap-type code (as a negative s33) belongs to, if any.</summary>
    private static WasmException? OutOfScopeReference(ref WasmReader r, long code, int at) => code switch
    {
        -0x1C or -0x1D => r.Unsupported(Features.FunctionReferences, "a typed reference type", at),
        -0x0F or -0x0E or -0x0D or -0x12 or -0x13 or -0x14 or -0x15 or -0x16 =>
            r.Unsupported(Features.Gc, "a GC reference type", at),
        -0x0C or -0x17 => r.Unsupported(Features.Exceptions, "an exception reference type", at),
        _ => null,
    };

    /// <summary>The heap type of ref.null (an s33): func or extern.</summary>
    public static ValType ReadHeapType(ref WasmReader r)
    {
        var at = r.Pos;
        var code = r.ReadS33();
        if (code == (long)ValType.FuncRef - 0x80) return ValType.FuncRef;
        if (code == (long)ValType.ExternRef - 0x80) return ValType.ExternRef;
        if (code >= 0) throw r.Unsupported(Features.FunctionReferences, "a concrete heap type", at);
        throw OutOfScopeReference(ref r, code, at) ?? r.Malformed("malformed heap type", at);
    }

    /// <summary>blocktype (spec 5.4.1): 0x40, a one-byte value type, or a non-negative s33 type index.</summary>
    public static BlockType ReadBlockType(ref WasmReader r)
    {
        var b = r.Peek();
        if (b == 0x40)
        {
            r.Pos++;
            return BlockType.Empty;
        }
        if ((b & 0xC0) == 0x40) return BlockType.Of(ReadValType(ref r));
        var at = r.Pos;
        var index = r.ReadS33();
        if (index < 0) throw r.Malformed("integer representation too long", at + 1);
        if (index > int.MaxValue) throw r.Malformed("malformed type index", at);
        return BlockType.Indexed((uint)index);
    }

    public static FuncType ReadFuncType(ref WasmReader r)
    {
        var at = r.Pos;
        var form = r.ReadByte();
        if ((form & 0x80) != 0) throw r.Malformed("integer representation too long", r.Pos);
        if (form != FuncTypeForm)
        {
            // 0x5F struct, 0x5E array, 0x4E rec, 0x50/0x4F sub (GC proposal).
            if (form is 0x5F or 0x5E or 0x4E or 0x50 or 0x4F) throw r.Unsupported(Features.Gc, "a GC type definition", at);
            throw r.Malformed("malformed definition type", at);
        }
        var parameters = ReadResultType(ref r);
        var results = ReadResultType(ref r);
        return new FuncType(parameters, results);
    }

    private static ValType[] ReadResultType(ref WasmReader r)
    {
        var n = r.ReadLength();
        var types = n == 0 ? Array.Empty<ValType>() : new ValType[n];
        for (var i = 0; i < n; i++) types[i] = ReadValType(ref r);
        return types;
    }

    public static GlobalType ReadGlobalType(ref WasmReader r)
    {
        var type = ReadValType(ref r);
        var mutability = r.ReadByte();
        if (mutability > 1) throw r.Malformed("malformed mutability", r.Pos - 1);
        return new GlobalType(type, mutability == 1);
    }

    public static TableType ReadTableType(ref WasmReader r)
    {
        var elem = ReadRefType(ref r);
        var (limits, _) = ReadLimits(ref r, memory: false);
        return new TableType(elem, limits);
    }

    public static MemoryType ReadMemoryType(ref WasmReader r)
    {
        var (limits, flags) = ReadLimits(ref r, memory: true);
        if ((flags & CustomPageSizeFlag) == 0) return new MemoryType(limits);
        var at = r.Pos;
        var log2 = r.ReadU32();
        // The page size 2^log2 must fit in 64 bits; which sizes are allowed is validation's concern.
        if (log2 >= 64) throw r.Malformed("invalid custom page size", at);
        return new MemoryType(limits, (int)log2) { HasCustomPageSize = true };
    }

    private const byte HasMaxFlag = 0x01;
    private const byte SharedFlag = 0x02;
    private const byte Is64Flag = 0x04;
    private const byte CustomPageSizeFlag = 0x08;

    /// <summary>limits (spec 5.3.7) read as u64 like the current reference interpreter; range checks are validation's.</summary>
    private static (Limits, byte) ReadLimits(ref WasmReader r, bool memory)
    {
        var at = r.Pos;
        var flags = r.ReadByte();
        var known = memory ? HasMaxFlag | SharedFlag | Is64Flag | CustomPageSizeFlag : HasMaxFlag | Is64Flag;
        if ((flags & ~known) != 0) throw r.Malformed("malformed limits flags", at);
        // The core suite (which has no custom page sizes) expects a bare 0x08 flag at the end of the
        // section to be rejected as a bad flag; with nothing after it, it cannot be a page-size memory.
        if ((flags & CustomPageSizeFlag) != 0 && r.Pos >= r.SectionEnd) throw r.Malformed("malformed limits flags", at);
        if ((flags & Is64Flag) != 0)
            throw memory ? r.Unsupported(Features.Memory64, "a 64-bit memory", at) : r.Unsupported(Features.Table64, "a 64-bit table", at);
        if ((flags & SharedFlag) != 0) throw r.Unsupported(Features.Threads, "a shared memory", at);
        var min = r.ReadU64();
        ulong? max = (flags & HasMaxFlag) != 0 ? r.ReadU64() : null;
        return (new Limits(min, max), flags);
    }
}
