namespace Gust.Wasm.Validation;

/// <summary>Validity of table and memory types (spec 3.2.4–3.2.6, with custom-page-sizes for memories).</summary>
internal static class TypeRules
{
    public static void CheckTable(ModuleContext c, TableType table, Site where)
    {
        if (!table.ElemType.IsRef()) throw c.Fail("type mismatch", where);
        CheckLimits(c, table.Limits, uint.MaxValue, "table size must be at most 2^32-1", where);
    }

    /// <summary>
    /// A memory's page size is 1 byte or 64 KiB; its limits are bounded by the 32-bit address space
    /// counted in pages of that size, and like all 32-bit limits by 2^32-1 (custom-page-sizes'
    /// memory_max.wast: 0xFFFF_FFFF one-byte pages are valid, 0x1_0000_0000 are not).
    /// </summary>
    public static void CheckMemory(ModuleContext c, MemoryType memory, Site where)
    {
        if (memory.PageSizeLog2 is not (0 or 16)) throw c.Fail("invalid custom page size", where);
        var range = Math.Min(1UL << (32 - memory.PageSizeLog2), uint.MaxValue);
        CheckLimits(c, memory.Limits, range, $"memory size must be at most {range} pages (4GiB)", where);
    }

    /// <summary>Range first, then min ≤ max, in the reference interpreter's order.</summary>
    private static void CheckLimits(ModuleContext c, Limits limits, ulong range, string rangeMessage, Site where)
    {
        if (limits.Min > range || limits.Max > range) throw c.Fail(rangeMessage, where);
        if (limits.Min > limits.Max) throw c.Fail("size minimum must not be greater than maximum", where);
    }
}
