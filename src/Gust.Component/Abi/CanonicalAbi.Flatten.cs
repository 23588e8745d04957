using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Abi;

/// <summary>Which side of a function boundary a flattened signature is for (definitions.py flatten_functype's context).</summary>
public enum FlattenContext
{
    /// <summary>canon lift: the core function is the callee; spilled results come back as a returned pointer.</summary>
    Lift,
    /// <summary>canon lower: the core function is the caller; spilled results go to a pointer passed as a last parameter.</summary>
    Lower,
}

public static partial class CanonicalAbi
{
    /// <summary>More flat parameters than this are passed in memory, through one pointer.</summary>
    public const int MaxFlatParams = 16;

    /// <summary>More flat results than this are passed in memory, through a (return) pointer.</summary>
    public const int MaxFlatResults = 1;

    /// <summary>The core value types that carry <paramref name="t"/> (definitions.py flatten_type).</summary>
    public static IReadOnlyList<ValType> Flatten(ComponentValType t) => Flatten([t]);

    public static IReadOnlyList<ValType> Flatten(IEnumerable<ComponentValType> ts) => Flatten(ts, int.MaxValue);

    /// <summary>
    /// The flattening, cut short once it is longer than <paramref name="limit"/>: enough to tell whether values
    /// spill, without building the whole flattening of, say, a list&lt;u8, 100000&gt;.
    /// </summary>
    internal static List<ValType> Flatten(IEnumerable<ComponentValType> ts, int limit)
    {
        var flat = new List<ValType>();
        foreach (var t in ts)
        {
            if (flat.Count > limit) break;
            FlattenInto(t, flat, limit);
        }
        return flat;
    }

    private static void FlattenInto(ComponentValType t, List<ValType> flat, int limit)
    {
        switch (GuardDepth(Despecialize(t)))
        {
            case PrimitiveType p:
                if (p.Kind == Primitive.String) flat.AddRange([ValType.I32, ValType.I32]);
                else flat.Add(PrimitiveFlat(p.Kind));
                break;
            case ListType { Length: { } n } l:
                var element = Flatten([l.Element], limit);
                for (var i = 0u; i < n && flat.Count <= limit; i++) flat.AddRange(element);
                break;
            case ListType:
                flat.AddRange([ValType.I32, ValType.I32]);
                break;
            case RecordType r:
                foreach (var f in r.Fields.TakeWhile(_ => flat.Count <= limit)) FlattenInto(f.Type, flat, limit);
                break;
            case VariantType v:
                flat.AddRange(FlattenVariant(v.Cases, limit));
                break;
            case FlagsType f:
                for (var i = 0; i < FlagsWords(f.Labels.Count); i++) flat.Add(ValType.I32);
                break;
            case OwnType or BorrowType:
                flat.Add(ValType.I32);
                break;
            case var u:
                throw Unknown(u);
        }
    }

    internal static ValType PrimitiveFlat(Primitive p) => p switch
    {
        Primitive.S64 or Primitive.U64 => ValType.I64,
        Primitive.F32 => ValType.F32,
        Primitive.F64 => ValType.F64,
        _ => ValType.I32,
    };

    /// <summary>
    /// The discriminant (i32) followed by the element-wise <see cref="Join"/> of every case's flattening,
    /// so each payload position can hold any case's value there.
    /// </summary>
    internal static List<ValType> FlattenVariant(IReadOnlyList<Case> cases, int limit = int.MaxValue)
    {
        var payload = new List<ValType>();
        foreach (var c in cases)
        {
            if (c.Type is null) continue;
            var ct = Flatten([c.Type], limit);
            for (var i = 0; i < ct.Count; i++)
            {
                if (i < payload.Count) payload[i] = Join(payload[i], ct[i]);
                else payload.Add(ct[i]);
            }
        }
        payload.Insert(0, ValType.I32);
        return payload;
    }

    /// <summary>The narrowest core type that can hold both: equal types stay, i32 and f32 meet in i32, the rest in i64.</summary>
    public static ValType Join(ValType a, ValType b) =>
        a == b ? a : (a, b) is (ValType.I32, ValType.F32) or (ValType.F32, ValType.I32) ? ValType.I32 : ValType.I64;

    /// <summary>
    /// The core signature of a lifted or lowered (synchronous) function (definitions.py flatten_functype):
    /// past <see cref="MaxFlatParams"/> the parameters are passed as one pointer; past <see cref="MaxFlatResults"/>
    /// a lifted function returns a pointer to its results, and a lowered one takes a pointer to write them to.
    /// </summary>
    public static FuncType FlattenFunc(ComponentFuncType ft, FlattenContext context)
    {
        var flatParams = Flatten(ft.Params.Select(p => p.Type), MaxFlatParams);
        var flatResults = Flatten(ResultTypes(ft), MaxFlatResults);
        if (flatParams.Count > MaxFlatParams) flatParams = [ValType.I32];
        if (flatResults.Count > MaxFlatResults)
        {
            if (context == FlattenContext.Lift) flatResults = [ValType.I32];
            else
            {
                flatParams.Add(ValType.I32);
                flatResults = [];
            }
        }
        return new FuncType([.. flatParams], [.. flatResults]);
    }

    internal static ComponentValType[] ResultTypes(ComponentFuncType ft) => ft.Result is null ? [] : [ft.Result];
}
