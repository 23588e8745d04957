using Gust.Component.Types;

namespace Gust.Component.Abi;

/// <summary>
/// Between the specialized value kinds (tuple, enum, option, result) and the record and variant layouts they
/// despecialize to: lifting builds the value of the original type, lowering takes it apart.
/// </summary>
internal static class ValueShapes
{
    public static ComponentValue MakeRecord(ComponentValType t, RecordType r, ComponentValue[] values) => t is TupleType
        ? new TupleValue(values.ToEquatableList())
        : new RecordValue(r.Fields.Select((f, i) => new FieldValue(f.Name, values[i])).ToEquatableList());

    /// <summary>The field values of a record or tuple value in the type's field order.</summary>
    public static ComponentValue[] RecordFields(ComponentValType t, RecordType r, ComponentValue v)
    {
        switch (t, v)
        {
            case (TupleType, TupleValue tv) when tv.Values.Count == r.Fields.Count:
                return [.. tv.Values];
            case (RecordType, RecordValue rv) when rv.Fields.Count == r.Fields.Count:
                return r.Fields.Select(f => rv.Fields.FirstOrDefault(x => x.Name == f.Name)?.Value ?? throw Mismatch(v, t)).ToArray();
            default:
                throw Mismatch(v, t);
        }
    }

    public static ComponentValue MakeCase(ComponentValType t, VariantType v, int index, ComponentValue? payload) => t switch
    {
        EnumType e => new EnumValue(e.Labels[index]),
        OptionType => new OptionValue(index == 1 ? payload : null),
        ResultType => new ResultValue(index == 0, payload),
        _ => new VariantValue(v.Cases[index].Name, payload),
    };

    /// <summary>The case index and payload of a variant-like value (definitions.py match_case).</summary>
    public static (int Index, ComponentValue? Payload) MatchCase(ComponentValType t, VariantType v, ComponentValue value)
    {
        var (index, payload) = (t, value) switch
        {
            (EnumType e, EnumValue ev) => (IndexOf(e.Labels, ev.Label), null),
            (OptionType, OptionValue ov) => (ov.Value is null ? 0 : 1, ov.Value),
            (ResultType, ResultValue rv) => (rv.IsOk ? 0 : 1, rv.Payload),
            (VariantType, VariantValue vv) => (IndexOf(v.Cases.Select(c => c.Name).ToList(), vv.Case), vv.Payload),
            _ => throw Mismatch(value, t),
        };
        if (index < 0 || (v.Cases[index].Type is null) != (payload is null)) throw Mismatch(value, t);
        return (index, payload);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        return -1;
    }

    /// <summary>Flags as bits, label i in bit i of word i / 32 (definitions.py pack_flags_into_int).</summary>
    public static uint[] PackFlags(FlagsType t, ComponentValue v)
    {
        if (v is not FlagsValue fv) throw Mismatch(v, t);
        var words = new uint[CanonicalAbi.FlagsWords(t.Labels.Count)];
        var seen = 0;
        for (var i = 0; i < t.Labels.Count; i++)
        {
            if (!fv.Set.Contains(t.Labels[i])) continue;
            words[i / 32] |= 1u << (i % 32);
            seen++;
        }
        if (seen != fv.Set.Count) throw Mismatch(v, t);
        return words;
    }

    /// <summary>The labels whose bits are set; bits past the last label are ignored, as in unpack_flags_from_int.</summary>
    public static FlagsValue UnpackFlags(FlagsType t, uint[] words) =>
        new(t.Labels.Where((_, i) => (words[i / 32] >> (i % 32) & 1) != 0));

    public static ArgumentException Mismatch(ComponentValue? v, ComponentValType t) =>
        new($"the value {v?.ToString() ?? "(none)"} does not have type {t}");
}
