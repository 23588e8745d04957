namespace Gust.Wasm.Binary;

/// <summary>Encodes types (spec 5.3), the mirror of <see cref="TypeDecoder"/>.</summary>
internal static class TypeEncoder
{
    /// <summary>The s33 value of a heap type: the reference type's byte read as a one-byte negative LEB128.</summary>
    public static long HeapTypeCode(ValType referenceType) => (long)referenceType - 0x80;

    public static void WriteFuncType(WasmWriter w, FuncType type)
    {
        w.Byte(0x60);
        WriteResultType(w, type.Params);
        WriteResultType(w, type.Results);
    }

    private static void WriteResultType(WasmWriter w, ValType[] types)
    {
        w.Length(types.Length);
        foreach (var t in types) w.Byte((byte)t);
    }

    public static void WriteGlobalType(WasmWriter w, GlobalType type)
    {
        w.Byte((byte)type.Type);
        w.Byte(type.Mutable ? (byte)1 : (byte)0);
    }

    public static void WriteTableType(WasmWriter w, TableType type)
    {
        w.Byte((byte)type.ElemType);
        WriteLimits(w, type.Limits, 0);
    }

    public static void WriteMemoryType(WasmWriter w, MemoryType type)
    {
        var custom = type.HasCustomPageSize || type.PageSizeLog2 != 16;
        WriteLimits(w, type.Limits, custom ? (byte)0x08 : (byte)0);
        if (custom) w.U32((uint)type.PageSizeLog2);
    }

    private static void WriteLimits(WasmWriter w, Limits limits, byte flags)
    {
        w.Byte((byte)(flags | (limits.Max is null ? 0 : 1)));
        w.U64(limits.Min);
        if (limits.Max is { } max) w.U64(max);
    }
}
