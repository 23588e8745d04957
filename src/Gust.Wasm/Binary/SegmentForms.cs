namespace Gust.Wasm.Binary;

/// <summary>
/// Chooses the binary form (flags) of element and data segments. For a module read from a binary the
/// recorded <c>Flags</c> are kept when they still describe the segment; otherwise (modules built from
/// text) the smallest form is used, as wat2wasm does.
/// </summary>
internal static class SegmentForms
{
    private const uint NotActive = 1;
    private const uint ExplicitTableOrDeclarative = 2;
    private const uint Expressions = 4;

    public static uint ElemFlags(ElemSegment seg, bool usesExprs, bool keepRecorded)
    {
        var canonical = CanonicalElemFlags(seg, usesExprs);
        uint recorded = seg.Flags;
        if (!keepRecorded || recorded == canonical) return canonical;
        // A form that names table 0 or the funcref kind explicitly is as good as the implicit one.
        var fits = recorded <= 7
            && (recorded & Expressions) == (canonical & Expressions)
            && (recorded & NotActive) == (canonical & NotActive)
            && (seg.Mode != SegmentMode.Active
                ? (recorded & ExplicitTableOrDeclarative) == (canonical & ExplicitTableOrDeclarative)
                : (recorded & ExplicitTableOrDeclarative) != 0);
        return fits ? recorded : canonical;
    }

    private static uint CanonicalElemFlags(ElemSegment seg, bool usesExprs)
    {
        var flags = usesExprs ? Expressions : 0;
        return seg.Mode switch
        {
            SegmentMode.Passive => flags | NotActive,
            SegmentMode.Declarative => flags | NotActive | ExplicitTableOrDeclarative,
            _ when seg.Table != 0 || seg.ElemType != ValType.FuncRef => flags | ExplicitTableOrDeclarative,
            _ => flags,
        };
    }

    public static uint DataFlags(DataSegment seg, bool keepRecorded) => seg.Mode switch
    {
        SegmentMode.Passive => 1,
        _ when seg.Memory != 0 || (keepRecorded && seg.Flags == 2) => 2,
        _ => 0,
    };

    /// <summary>
    /// The function indices of an expression segment that holds only <c>ref.func</c>s of type funcref,
    /// which the index form says more briefly; null when it holds anything else.
    /// </summary>
    public static List<uint>? AsFuncIndices(ElemSegment seg)
    {
        if (seg.Exprs is null || seg.ElemType != ValType.FuncRef) return null;
        var indices = new List<uint>(seg.Exprs.Count);
        foreach (var expr in seg.Exprs)
        {
            if (expr is not [{ Op: Op.RefFunc } refFunc, { Op: Op.End }]) return null;
            indices.Add(refFunc.Index);
        }
        return indices;
    }
}
