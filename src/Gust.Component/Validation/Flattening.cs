using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>
/// The parts of the Canonical ABI validation needs (CanonicalABI.md "Flattening", "Element Size"):
/// core parameter/result types of a lifted or lowered function, whether it needs memory/realloc, and sizes.
/// </summary>
internal static class Flattening
{
    public const int MaxFlatParams = 16;
    public const int MaxFlatResults = 1;
    public const ulong MaxValueSize = 1UL << 28;
    private const int MaxDepth = 200;

    public static List<ValType> Flatten(VT t, int depth = 0)
    {
        if (depth > MaxDepth) return [ValType.I32];
        if (t is PrimVT p) return Prim(p.P);
        var d = ((DefVT)t).T;
        switch (d)
        {
            case PrimD pd: return Prim(pd.P);
            case ListD { Length: { } n } l:
                var one = Flatten(l.Element, depth + 1);
                var all = new List<ValType>();
                for (uint i = 0; i < n && all.Count <= MaxFlatParams + 1; i++) all.AddRange(one);
                return all;
            case ListD: return [ValType.I32, ValType.I32];
            case RecordD r: return r.Fields.SelectMany(f => Flatten(f.Type, depth + 1)).ToList();
            case TupleD tu: return tu.Types.SelectMany(x => Flatten(x, depth + 1)).ToList();
            case VariantD v: return Variant(v.Cases.Select(c => c.Type), depth);
            case OptionD o: return Variant([null, o.Type], depth);
            case ResultD r: return Variant([r.Ok, r.Error], depth);
            case EnumD: return [ValType.I32];
            case FlagsD f: return f.Labels.Count == 0 ? [] : Enumerable.Repeat(ValType.I32, (f.Labels.Count + 31) / 32).ToList();
            default: return [ValType.I32];
        }
    }

    private static List<ValType> Prim(Primitive p) => p switch
    {
        Primitive.S64 or Primitive.U64 => [ValType.I64],
        Primitive.F32 => [ValType.F32],
        Primitive.F64 => [ValType.F64],
        Primitive.String => [ValType.I32, ValType.I32],
        _ => [ValType.I32],
    };

    private static List<ValType> Variant(IEnumerable<VT?> cases, int depth)
    {
        var flat = new List<ValType>();
        foreach (var c in cases)
        {
            if (c is null) continue;
            var f = Flatten(c, depth + 1);
            for (int i = 0; i < f.Count; i++)
            {
                if (i < flat.Count) flat[i] = Join(flat[i], f[i]);
                else flat.Add(f[i]);
            }
        }
        return [ValType.I32, .. flat];
    }

    private static ValType Join(ValType a, ValType b) =>
        a == b ? a : (a, b) is (ValType.I32, ValType.F32) or (ValType.F32, ValType.I32) ? ValType.I32 : ValType.I64;

    /// <summary>The core signature of a component function: "lift" (the core callee) or "lower" (the core caller).</summary>
    public static FuncType CoreSignature(FuncT f, bool lift)
    {
        var ps = f.Params.SelectMany(p => Flatten(p.Type)).ToList();
        if (ps.Count > MaxFlatParams) ps = [ValType.I32];
        var rs = f.Result is { } r ? Flatten(r) : [];
        if (rs.Count > MaxFlatResults)
        {
            if (lift) rs = [ValType.I32];
            else { ps.Add(ValType.I32); rs = []; }
        }
        return new FuncType(ps.ToArray(), rs.ToArray());
    }

    /// <summary>Whether values of the type live in linear memory (strings and lists).</summary>
    public static bool UsesMemory(VT t, int depth = 0)
    {
        if (depth > MaxDepth) return false;
        if (t is PrimVT p) return p.P == Primitive.String;
        return ((DefVT)t).T switch
        {
            PrimD pd => pd.P == Primitive.String,
            ListD { Length: null } => true,
            ListD l => UsesMemory(l.Element, depth + 1),
            RecordD r => r.Fields.Any(f => UsesMemory(f.Type, depth + 1)),
            TupleD tu => tu.Types.Any(x => UsesMemory(x, depth + 1)),
            VariantD v => v.Cases.Any(c => c.Type is { } ct && UsesMemory(ct, depth + 1)),
            OptionD o => UsesMemory(o.Type, depth + 1),
            ResultD r => r.Ok is { } ok && UsesMemory(ok, depth + 1) || r.Error is { } e && UsesMemory(e, depth + 1),
            _ => false,
        };
    }

    /// <summary>
    /// elem_size and alignment (CanonicalABI.md) with 64-bit pointers, the width validation bounds
    /// (Binary.md: elem_size(t, i64) &lt; 2^28); saturating so huge fixed lists cannot wrap.
    /// </summary>
    public static (ulong Size, ulong Align) SizeAlign(VT t, int depth = 0)
    {
        if (depth > MaxDepth) return (MaxValueSize, 1);
        if (t is PrimVT p) return p.P switch
        {
            Primitive.Bool or Primitive.S8 or Primitive.U8 => (1, 1),
            Primitive.S16 or Primitive.U16 => (2, 2),
            Primitive.S64 or Primitive.U64 or Primitive.F64 => (8, 8),
            Primitive.String => (16, 8),
            _ => (4, 4),
        };
        switch (((DefVT)t).T)
        {
            case PrimD pd: return SizeAlign(new PrimVT(pd.P), depth);
            case ListD { Length: { } n } l:
                var (es, ea) = SizeAlign(l.Element, depth + 1);
                return (Saturate((UInt128)es * n), ea);
            case ListD: return (16, 8);
            case RecordD r: return RecordSize(r.Fields.Select(f => f.Type), depth);
            case TupleD tu: return RecordSize(tu.Types, depth);
            case VariantD v: return VariantSize(v.Cases.Select(c => c.Type).ToList(), depth);
            case OptionD o: return VariantSize([null, o.Type], depth);
            case ResultD r: return VariantSize([r.Ok, r.Error], depth);
            case EnumD e: return Discriminant(e.Labels.Count);
            case FlagsD f: return f.Labels.Count switch { 0 => (0, 1), <= 8 => (1, 1), <= 16 => (2, 2), _ => ((ulong)(4 * ((f.Labels.Count + 31) / 32)), 4) };
            default: return (4, 4);
        }
    }

    private static ulong Saturate(UInt128 v) => v > MaxValueSize * 16 ? MaxValueSize * 16 : (ulong)v;

    private static ulong AlignTo(ulong x, ulong a) => (x + a - 1) / a * a;

    private static (ulong, ulong) RecordSize(IEnumerable<VT> fields, int depth)
    {
        ulong size = 0, align = 1;
        foreach (var f in fields)
        {
            var (s, a) = SizeAlign(f, depth + 1);
            size = Saturate((UInt128)AlignTo(size, a) + s);
            align = Math.Max(align, a);
        }
        return (AlignTo(size, align), align);
    }

    private static (ulong, ulong) Discriminant(int cases) => cases <= 256 ? (1UL, 1UL) : cases <= 65536 ? (2UL, 2UL) : (4UL, 4UL);

    private static (ulong, ulong) VariantSize(List<VT?> cases, int depth)
    {
        var (size, align) = Discriminant(cases.Count);
        ulong maxSize = 0, maxAlign = align;
        foreach (var c in cases)
        {
            if (c is null) continue;
            var (s, a) = SizeAlign(c, depth + 1);
            maxSize = Math.Max(maxSize, s);
            maxAlign = Math.Max(maxAlign, a);
        }
        size = Saturate((UInt128)AlignTo(size, maxAlign) + maxSize);
        return (AlignTo(size, maxAlign), maxAlign);
    }
}
