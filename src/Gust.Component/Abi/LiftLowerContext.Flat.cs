using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Abi;

/// <summary>Lifting from and lowering to flat core values (CanonicalABI.md "Flat Lifting", "Flat Lowering").</summary>
public sealed partial class LiftLowerContext
{
    /// <summary>Reads a value of type <paramref name="t"/> from its flattening (definitions.py lift_flat).</summary>
    public ComponentValue LiftFlat(FlatReader vi, ComponentValType t)
    {
        switch (CanonicalAbi.GuardDepth(t))
        {
            case PrimitiveType { Kind: Primitive.String }:
                return LoadStringFromRange(vi.Next(ValType.I32).AsI32, vi.Next(ValType.I32).AsI32);
            case PrimitiveType p:
                var flat = CanonicalAbi.PrimitiveFlat(p.Kind);
                return PrimitiveFromBits(p.Kind, vi.Next(flat).Bits);
            case ListType { Length: { } n } l:
                var elements = new ComponentValue[n];
                for (var i = 0; i < elements.Length; i++) elements[i] = LiftFlat(vi, l.Element);
                return new ListValue(elements.ToEquatableList());
            case ListType l:
                return LoadListFromRange(vi.Next(ValType.I32).AsI32, vi.Next(ValType.I32).AsI32, l.Element);
            case FlagsType f:
                return ValueShapes.UnpackFlags(f, Enumerable.Range(0, CanonicalAbi.FlagsWords(f.Labels.Count)).Select(_ => vi.Next(ValType.I32).AsI32).ToArray());
            case OwnType or BorrowType:
                return new HandleValue(vi.Next(ValType.I32).AsI32);
        }
        switch (CanonicalAbi.Despecialize(t))
        {
            case RecordType r:
                return ValueShapes.MakeRecord(t, r, r.Fields.Select(f => LiftFlat(vi, f.Type)).ToArray());
            case VariantType v:
                var joined = CanonicalAbi.FlattenVariant(v.Cases);
                joined.RemoveAt(0);
                var index = vi.Next(ValType.I32).AsI32;
                if (index >= v.Cases.Count) throw new CanonicalAbiTrap(TrapReason.InvalidDiscriminant);
                var c = v.Cases[(int)index];
                var payloadReader = new CoercingReader(vi, joined);
                var payload = c.Type is null ? null : LiftFlat(payloadReader, c.Type);
                for (var i = payloadReader.Position; i < joined.Count; i++) vi.Next(joined[i]);
                return ValueShapes.MakeCase(t, v, (int)index, payload);
            default:
                throw new ArgumentException($"the canonical ABI has no layout for {t}", nameof(t));
        }
    }

    /// <summary>The flattening of <paramref name="v"/>, of type <paramref name="t"/> (definitions.py lower_flat).</summary>
    public List<FlatValue> LowerFlat(ComponentValue v, ComponentValType t)
    {
        var flat = new List<FlatValue>();
        LowerFlatInto(v, t, flat);
        return flat;
    }

    private void LowerFlatInto(ComponentValue v, ComponentValType t, List<FlatValue> flat)
    {
        switch (CanonicalAbi.GuardDepth(t))
        {
            case PrimitiveType { Kind: Primitive.String }:
                var (ptr, units) = StoreStringIntoRange(v as StringValue ?? throw ValueShapes.Mismatch(v, t));
                flat.AddRange([FlatValue.I32(ptr), FlatValue.I32(units)]);
                return;
            case PrimitiveType p:
                var type = CanonicalAbi.PrimitiveFlat(p.Kind);
                var bits = PrimitiveToBits(p.Kind, v);
                flat.Add(new FlatValue(type, type == ValType.I64 || type == ValType.F64 ? bits : (uint)bits));
                return;
            case ListType l:
                var elements = (v as ListValue ?? throw ValueShapes.Mismatch(v, t)).Elements;
                if (l.Length is { } n)
                {
                    if (elements.Count != n) throw ValueShapes.Mismatch(v, t);
                    foreach (var e in elements) LowerFlatInto(e, l.Element, flat);
                    return;
                }
                flat.AddRange([FlatValue.I32(StoreListIntoRange(elements, l.Element)), FlatValue.I32((uint)elements.Count)]);
                return;
            case FlagsType f:
                flat.AddRange(ValueShapes.PackFlags(f, v).Select(FlatValue.I32));
                return;
            case OwnType or BorrowType:
                flat.Add(FlatValue.I32((v as HandleValue ?? throw ValueShapes.Mismatch(v, t)).Index));
                return;
        }
        switch (CanonicalAbi.Despecialize(t))
        {
            case RecordType r:
                var values = ValueShapes.RecordFields(t, r, v);
                for (var i = 0; i < values.Length; i++) LowerFlatInto(values[i], r.Fields[i].Type, flat);
                return;
            case VariantType vt:
                var (index, payload) = ValueShapes.MatchCase(t, vt, v);
                var joined = CanonicalAbi.FlattenVariant(vt.Cases);
                flat.Add(FlatValue.I32((uint)index));
                var payloadFlat = payload is null ? [] : LowerFlat(payload, vt.Cases[index].Type!);
                for (var i = 1; i < joined.Count; i++)
                {
                    // Widen each payload value to the joined type; positions past this case's payload are zero.
                    var bits = i - 1 < payloadFlat.Count ? payloadFlat[i - 1].Bits : 0;
                    flat.Add(new FlatValue(joined[i], bits));
                }
                return;
            default:
                throw new ArgumentException($"the canonical ABI has no layout for {t}", nameof(t));
        }
    }
}
