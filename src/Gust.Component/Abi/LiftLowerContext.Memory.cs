using Gust.Component.Types;

namespace Gust.Component.Abi;

public sealed partial class LiftLowerContext
{
    /// <summary>Reads a value of type <paramref name="t"/> at <paramref name="ptr"/> (definitions.py load).</summary>
    public ComponentValue Load(uint ptr, ComponentValType t)
    {
        CheckRange(ptr, CanonicalAbi.Alignment(t), CanonicalAbi.Size(t), TrapReason.UnalignedPointer, TrapReason.PointerOutOfBounds);
        return LoadAt(ptr, t);
    }

    /// <summary>Writes <paramref name="v"/>, of type <paramref name="t"/>, at <paramref name="ptr"/> (definitions.py store).</summary>
    public void Store(ComponentValue v, ComponentValType t, uint ptr)
    {
        CheckRange(ptr, CanonicalAbi.Alignment(t), CanonicalAbi.Size(t), TrapReason.UnalignedPointer, TrapReason.PointerOutOfBounds);
        StoreAt(v, t, ptr);
    }

    private ComponentValue LoadAt(uint ptr, ComponentValType t)
    {
        switch (CanonicalAbi.GuardDepth(t))
        {
            case PrimitiveType { Kind: Primitive.String }:
                return LoadStringFromRange((uint)LoadInt(ptr, 4), (uint)LoadInt(ptr + 4, 4));
            case PrimitiveType p:
                return PrimitiveFromBits(p.Kind, LoadInt(ptr, CanonicalAbi.Size(p)));
            case ListType { Length: { } n } l:
                return LoadListFromValidRange(ptr, n, l.Element);
            case ListType l:
                return LoadListFromRange((uint)LoadInt(ptr, 4), (uint)LoadInt(ptr + 4, 4), l.Element);
            case FlagsType f:
                var size = CanonicalAbi.FlagsSize(f.Labels.Count);
                var words = size <= 4 ? [(uint)LoadInt(ptr, size)] : Enumerable.Range(0, size / 4).Select(i => (uint)LoadInt(ptr + (uint)(4 * i), 4)).ToArray();
                return ValueShapes.UnpackFlags(f, words);
            case OwnType or BorrowType:
                return new HandleValue((uint)LoadInt(ptr, 4));
        }
        switch (CanonicalAbi.Despecialize(t))
        {
            case RecordType r:
                var offsets = CanonicalAbi.FieldOffsets(r);
                return ValueShapes.MakeRecord(t, r, r.Fields.Select((f, i) => LoadAt(ptr + (uint)offsets[i], f.Type)).ToArray());
            case VariantType v:
                var index = LoadInt(ptr, CanonicalAbi.DiscriminantSize(v.Cases.Count));
                if (index >= (ulong)v.Cases.Count) throw new CanonicalAbiTrap(TrapReason.InvalidDiscriminant);
                var c = v.Cases[(int)index];
                var payload = c.Type is null ? null : LoadAt(ptr + (uint)CanonicalAbi.PayloadOffset(v), c.Type);
                return ValueShapes.MakeCase(t, v, (int)index, payload);
            default:
                throw new ArgumentException($"the canonical ABI has no layout for {t}", nameof(t));
        }
    }

    private void StoreAt(ComponentValue v, ComponentValType t, uint ptr)
    {
        switch (CanonicalAbi.GuardDepth(t))
        {
            case PrimitiveType { Kind: Primitive.String }:
                var (begin, units) = StoreStringIntoRange(v as StringValue ?? throw ValueShapes.Mismatch(v, t));
                StoreInt(begin, ptr, 4);
                StoreInt(units, ptr + 4, 4);
                return;
            case PrimitiveType p:
                StoreInt(PrimitiveToBits(p.Kind, v), ptr, CanonicalAbi.Size(p));
                return;
            case ListType l:
                var elements = (v as ListValue ?? throw ValueShapes.Mismatch(v, t)).Elements;
                if (l.Length is { } n)
                {
                    if (elements.Count != n) throw ValueShapes.Mismatch(v, t);
                    StoreListIntoValidRange(elements, ptr, l.Element);
                    return;
                }
                StoreInt(StoreListIntoRange(elements, l.Element), ptr, 4);
                StoreInt((uint)elements.Count, ptr + 4, 4);
                return;
            case FlagsType f:
                var words = ValueShapes.PackFlags(f, v);
                var size = CanonicalAbi.FlagsSize(f.Labels.Count);
                if (size <= 4) StoreInt(words[0], ptr, size);
                else for (var i = 0; i < words.Length; i++) StoreInt(words[i], ptr + (uint)(4 * i), 4);
                return;
            case OwnType or BorrowType:
                StoreInt((v as HandleValue ?? throw ValueShapes.Mismatch(v, t)).Index, ptr, 4);
                return;
        }
        switch (CanonicalAbi.Despecialize(t))
        {
            case RecordType r:
                var offsets = CanonicalAbi.FieldOffsets(r);
                var values = ValueShapes.RecordFields(t, r, v);
                for (var i = 0; i < values.Length; i++) StoreAt(values[i], r.Fields[i].Type, ptr + (uint)offsets[i]);
                return;
            case VariantType vt:
                var (index, payload) = ValueShapes.MatchCase(t, vt, v);
                StoreInt((uint)index, ptr, CanonicalAbi.DiscriminantSize(vt.Cases.Count));
                if (payload is not null) StoreAt(payload, vt.Cases[index].Type!, ptr + (uint)CanonicalAbi.PayloadOffset(vt));
                return;
            default:
                throw new ArgumentException($"the canonical ABI has no layout for {t}", nameof(t));
        }
    }

    private ListValue LoadListFromRange(uint ptr, uint length, ComponentValType element)
    {
        var byteLength = (long)length * CanonicalAbi.Size(element);
        if (byteLength > MaxListByteLength) throw new CanonicalAbiTrap(TrapReason.ListTooLong);
        CheckRange(ptr, CanonicalAbi.Alignment(element), byteLength, TrapReason.UnalignedPointer, TrapReason.ListOutOfBounds);
        return LoadListFromValidRange(ptr, length, element);
    }

    private ListValue LoadListFromValidRange(uint ptr, uint length, ComponentValType element)
    {
        var size = (uint)CanonicalAbi.Size(element);
        var elements = new ComponentValue[length];
        for (var i = 0u; i < length; i++) elements[i] = LoadAt(ptr + i * size, element);
        return new ListValue(elements.ToEquatableList());
    }

    /// <summary>Allocates the list's elements with realloc and stores them; returns the pointer.</summary>
    private uint StoreListIntoRange(IReadOnlyList<ComponentValue> elements, ComponentValType element)
    {
        var ptr = Allocate(CanonicalAbi.Alignment(element), (long)elements.Count * CanonicalAbi.Size(element));
        StoreListIntoValidRange(elements, ptr, element);
        return ptr;
    }

    private void StoreListIntoValidRange(IReadOnlyList<ComponentValue> elements, uint ptr, ComponentValType element)
    {
        var size = (uint)CanonicalAbi.Size(element);
        for (var i = 0; i < elements.Count; i++) StoreAt(elements[i], element, ptr + (uint)i * size);
    }
}
