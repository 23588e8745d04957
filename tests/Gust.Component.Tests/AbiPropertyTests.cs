using CsCheck;
using Gust.Component.Abi;
using Gust.Component.Types;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Random types and values: whatever is lowered lifts back equal, in memory and flat, in every string encoding.</summary>
public class AbiPropertyTests
{
    private static EquatableList<string> Labels(char prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToEquatableList();

    private static Gen<ComponentValType> GenType(int depth)
    {
        var prim = Gen.Int[0, (int)Primitive.String].Select(i => (ComponentValType)new PrimitiveType((Primitive)i));
        var resource = new ResourceType("r");
        var handle = Gen.Bool.Select(own => own ? (ComponentValType)new OwnType(resource) : new BorrowType(resource));
        if (depth == 0) return Gen.Frequency((6, prim), (1, handle));
        var inner = GenType(depth - 1);
        return Gen.Frequency(
            (6, prim),
            (1, handle),
            (1, inner.Select(e => (ComponentValType)new ListType(e))),
            (1, Gen.Select(inner, Gen.UInt[1, 3], (e, n) => (ComponentValType)new ListType(e, n))),
            (1, inner.Array[1, 4].Select(ts => (ComponentValType)new RecordType(ts.Select((t, i) => new Field($"f{i}", t)).ToEquatableList()))),
            (1, inner.Array[1, 4].Select(ts => (ComponentValType)new TupleType(ts.ToEquatableList()))),
            (1, Gen.Select(inner, Gen.Bool).Array[1, 4].Select(cs => (ComponentValType)new VariantType(cs.Select((c, i) => new Case($"c{i}", c.Item2 ? c.Item1 : null)).ToEquatableList()))),
            (1, Gen.Int[1, 300].Select(n => (ComponentValType)new EnumType(Labels('e', n)))),
            (1, inner.Select(t => (ComponentValType)new OptionType(t))),
            (1, Gen.Select(inner, inner, Gen.Int[0, 3], (ok, err, which) => (ComponentValType)new ResultType((which & 1) != 0 ? ok : null, (which & 2) != 0 ? err : null))),
            (1, Gen.Int[1, 70].Select(n => (ComponentValType)new FlagsType(Labels('g', n)))));
    }

    private static readonly Gen<int> Scalar = Gen.Int[0, 0x10FFFF - 0x800].Select(i => i >= 0xD800 ? i + 0x800 : i);

    private static readonly Gen<string> Text = Gen.Frequency(
        (2, Gen.Char['\0', '\x7f'].Array[0, 12].Select(cs => new string(cs))),
        (2, Gen.Char['\0', '\xff'].Array[0, 12].Select(cs => new string(cs))),
        (3, Scalar.Array[0, 12].Select(rs => string.Concat(rs.Select(char.ConvertFromUtf32)))));

    private static Gen<ComponentValue[]> Sequence(IEnumerable<Gen<ComponentValue>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<ComponentValue>()), (acc, g) => acc.SelectMany(a => g.Select(v => (ComponentValue[])[.. a, v])));

    private static Gen<ComponentValue> GenValue(ComponentValType t) => t switch
    {
        PrimitiveType p => p.Kind switch
        {
            Primitive.Bool => Gen.Bool.Select(b => (ComponentValue)new BoolValue(b)),
            Primitive.S8 => Gen.SByte.Select(v => (ComponentValue)ComponentValue.S8(v)),
            Primitive.U8 => Gen.Byte.Select(v => (ComponentValue)ComponentValue.U8(v)),
            Primitive.S16 => Gen.Short.Select(v => (ComponentValue)ComponentValue.S16(v)),
            Primitive.U16 => Gen.UShort.Select(v => (ComponentValue)ComponentValue.U16(v)),
            Primitive.S32 => Gen.Int.Select(v => (ComponentValue)ComponentValue.S32(v)),
            Primitive.U32 => Gen.UInt.Select(v => (ComponentValue)ComponentValue.U32(v)),
            Primitive.S64 => Gen.Long.Select(v => (ComponentValue)ComponentValue.S64(v)),
            Primitive.U64 => Gen.ULong.Select(v => (ComponentValue)ComponentValue.U64(v)),
            Primitive.F32 => Gen.UInt.Select(b => (ComponentValue)new F32Value(BitConverter.UInt32BitsToSingle(b))),
            Primitive.F64 => Gen.ULong.Select(b => (ComponentValue)new F64Value(BitConverter.UInt64BitsToDouble(b))),
            Primitive.Char => Scalar.Select(c => (ComponentValue)new CharValue(c)),
            _ => Text.Select(s => (ComponentValue)new StringValue(s)),
        },
        ListType { Length: { } n } l => GenValue(l.Element).Array[(int)n].Select(es => (ComponentValue)new ListValue(es.ToEquatableList())),
        ListType l => GenValue(l.Element).Array[0, 4].Select(es => (ComponentValue)new ListValue(es.ToEquatableList())),
        RecordType r => Sequence(r.Fields.Select(f => GenValue(f.Type))).Select(vs => (ComponentValue)new RecordValue(r.Fields.Select((f, i) => new FieldValue(f.Name, vs[i])).ToEquatableList())),
        TupleType tu => Sequence(tu.Types.Select(GenValue)).Select(vs => (ComponentValue)new TupleValue(vs.ToEquatableList())),
        VariantType v => Gen.Int[0, v.Cases.Count - 1].SelectMany(i => v.Cases[i].Type is { } ct
            ? GenValue(ct).Select(p => (ComponentValue)new VariantValue(v.Cases[i].Name, p))
            : Gen.Const((ComponentValue)new VariantValue(v.Cases[i].Name, null))),
        EnumType e => Gen.Int[0, e.Labels.Count - 1].Select(i => (ComponentValue)new EnumValue(e.Labels[i])),
        OptionType o => Gen.Frequency((1, Gen.Const((ComponentValue)new OptionValue(null))), (3, GenValue(o.Type).Select(v => (ComponentValue)new OptionValue(v)))),
        ResultType r => Gen.Bool.SelectMany(ok => (ok ? r.Ok : r.Error) is { } pt
            ? GenValue(pt).Select(p => (ComponentValue)new ResultValue(ok, p))
            : Gen.Const((ComponentValue)new ResultValue(ok, null))),
        FlagsType f => Gen.Bool.Array[f.Labels.Count].Select(bs => (ComponentValue)new FlagsValue(f.Labels.Where((_, i) => bs[i]))),
        _ => Gen.UInt.Select(i => (ComponentValue)new HandleValue(i)),
    };

    private static readonly Gen<(ComponentValType, ComponentValue, StringEncoding)> TypedValues =
        GenType(3).SelectMany(t => Gen.Select(GenValue(t), Gen.Int[0, 2], (v, e) => (t, v, (StringEncoding)e)));

    /// <summary>A context whose realloc allocates upward from <paramref name="heapStart"/>.</summary>
    private static LiftLowerContext Cx(StringEncoding encoding, int heapStart = 8)
    {
        var memory = new ArrayMemory(1 << 20);
        var heap = new AbiHeap(memory, (uint)heapStart);
        return new LiftLowerContext(new CanonicalOptions(memory, encoding, heap.Realloc));
    }

    [Fact]
    public void StoreThenLoadGivesTheValueBack() => TypedValues.Sample((t, v, encoding) =>
    {
        var ptr = (uint)CanonicalAbi.AlignTo(8, CanonicalAbi.Alignment(t));
        var cx = Cx(encoding, heapStart: (int)ptr + CanonicalAbi.Size(t));
        cx.Store(v, t, ptr);
        Assert.Equal(v, cx.Load(ptr, t));
    }, iter: 400);

    [Fact]
    public void LowerFlatThenLiftFlatGivesTheValueBack() => TypedValues.Sample((t, v, encoding) =>
    {
        var cx = Cx(encoding);
        var flat = cx.LowerFlat(v, t);
        Assert.Equal(CanonicalAbi.Flatten(t), flat.Select(f => f.Type));
        var reader = new FlatReader(flat);
        Assert.Equal(v, cx.LiftFlat(reader, t));
        Assert.True(reader.Done);
    }, iter: 400);

    /// <summary>Several values as a function's parameters: flat up to 16 core values, else spilled to memory through one pointer.</summary>
    [Fact]
    public void ParameterListsRoundTripFlatOrSpilled() => TypedValues.Array[1, 6].Sample(items =>
    {
        var ts = items.Select(x => x.Item1).ToArray();
        var vs = items.Select(x => x.Item2).ToArray();
        var cx = Cx(items[0].Item3);
        var flat = cx.LowerFlatValues(CanonicalAbi.MaxFlatParams, vs, ts);
        var flatCount = CanonicalAbi.Flatten(ts).Count;
        Assert.Equal(flatCount <= CanonicalAbi.MaxFlatParams ? flatCount : 1, flat.Count);
        Assert.Equal(vs, cx.LiftFlatValues(CanonicalAbi.MaxFlatParams, new FlatReader(flat), ts));
    }, iter: 200);

    [Fact]
    public void LayoutIsConsistent() => GenType(4).Sample(t =>
    {
        var size = CanonicalAbi.Size(t);
        var alignment = CanonicalAbi.Alignment(t);
        Assert.Contains(alignment, new[] { 1, 2, 4, 8 });
        Assert.Equal(0, size % alignment);
        if (CanonicalAbi.Despecialize(t) is RecordType r)
        {
            var offsets = CanonicalAbi.FieldOffsets(t);
            for (var i = 0; i < offsets.Length; i++)
            {
                Assert.Equal(0, offsets[i] % CanonicalAbi.Alignment(r.Fields[i].Type));
                Assert.True(offsets[i] + CanonicalAbi.Size(r.Fields[i].Type) <= (i + 1 < offsets.Length ? offsets[i + 1] : size));
            }
        }
        if (CanonicalAbi.Despecialize(t) is VariantType v)
            Assert.All(v.Cases.Where(c => c.Type is not null), c => Assert.True(CanonicalAbi.PayloadOffset(t) + CanonicalAbi.Size(c.Type!) <= size));
    }, iter: 1000);
}
