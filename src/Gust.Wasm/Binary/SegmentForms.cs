namespace Gust.Wasm.Binary;

/// <summary>
/// Chooses the binary form (flags) of element and data segments: the recorded <c>Flags</c> when they
/// still describe the segment, otherwise the smallest form that does (modules built from text).
/// </summary>
internal static class SegmentForms
{
    private const uint NotActive = 1;
    private const uint ExplicitTableOrDeclarative = 2;
    private const uint Expressions = 4;

    public static uint ElemFlags(ElemSegment seg)
    {
        var canonical = CanonicalElemFlags(seg);
        uint recorded = seg.Flags;
        if (recorded == canonical) return canonical;
        // A form that names table 0 or the funcref kind explicitly is as good as the implicit one.
        var fits = recorded <= 7
            && (recorded & Expressions) == (canonical & Expressions)
            && (recorded & NotActive) == (canonical & NotActive)
            && (seg.Mode != SegmentMode.Active
                ? (recorded & ExplicitTableOrDeclarative) == (canonical & ExplicitTableOrDeclarative)
                : (recorded & ExplicitTableOrDeclarative) != 0);
        return fits ? recorded : canonical;
    }

    private static uint CanonicalElemFlags(ElemSegment seg)
    {
        var flags = seg.Exprs is not null ? Expressions : 0;
        return seg.Mode switch
        {
            SegmentMode.Passive => flags | NotActive,
            SegmentMode.Declarative => flags | NotActive | ExplicitTableOrDeclarative,
            _ when seg.Table != 0 || seg.ElemType != ValType.FuncRef => flags | ExplicitTableOrDeclarative,
            _ => flags,
        };
    }

    public static uint DataFlags(DataSegment seg) => seg.Mode switch
    {
        SegmentMode.Passive => 1,
        _ when seg.Memory != 0 || seg.Flags == 2 => 2,
        _ => 0,
    };
}
