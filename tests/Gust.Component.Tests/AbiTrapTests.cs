using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Bad guest data traps with the spec's reason; bad host values are argument errors.</summary>
public class AbiTrapTests
{
    private static ComponentValType T(string s) => AbiTestSyntax.ParseType(s);

    private static LiftLowerContext Cx(ArrayMemory memory, Realloc? realloc = null) => new(new CanonicalOptions(memory, StringEncoding.Utf8, realloc));

    private static ComponentValue LiftFlat(ComponentValType t, params FlatValue[] flat) => Cx(new ArrayMemory(64)).LiftFlat(new FlatReader(flat), t);

    private static ComponentValue Load(ComponentValType t, byte[] bytes, uint ptr = 8)
    {
        var memory = new ArrayMemory(64);
        bytes.CopyTo(memory.Bytes[(int)ptr..]);
        return Cx(memory).Load(ptr, t);
    }

    private static string Trap(Action a) => Assert.Throws<CanonicalAbiTrap>(a).Reason;

    [Theory]
    [InlineData(0xD800u), InlineData(0xDBFFu), InlineData(0xDC00u), InlineData(0xDFFFu), InlineData(0x110000u), InlineData(0xFFFFFFFFu)]
    public void CharMustBeAUnicodeScalarValue(uint bits)
    {
        Assert.Equal(TrapReason.InvalidChar, Trap(() => LiftFlat(PrimitiveType.Char, FlatValue.I32(bits))));
        Assert.Equal(TrapReason.InvalidChar, Trap(() => Load(PrimitiveType.Char, BitConverter.GetBytes(bits))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CharValue((int)bits));
    }

    [Theory]
    [InlineData(0u), InlineData(0xD7FFu), InlineData(0xE000u), InlineData(0x10FFFFu)]
    public void ScalarValuesAtTheEdgesLift(uint bits) => Assert.Equal(new CharValue((int)bits), LiftFlat(PrimitiveType.Char, FlatValue.I32(bits)));

    /// <summary>definitions.py convert_int_to_bool: any non-zero byte or i32 is true; nothing traps.</summary>
    [Fact]
    public void AnyNonZeroBoolIsTrue()
    {
        Assert.Equal(new BoolValue(true), LiftFlat(PrimitiveType.Bool, FlatValue.I32(2u)));
        Assert.Equal(new BoolValue(true), LiftFlat(PrimitiveType.Bool, FlatValue.I32(0x80000000u)));
        Assert.Equal(new BoolValue(true), Load(PrimitiveType.Bool, [0xFF]));
        Assert.Equal(new BoolValue(false), Load(PrimitiveType.Bool, [0x00]));
    }

    [Theory]
    [InlineData("variant{a,b(u8),c}", 3u), InlineData("enum{a,b}", 2u), InlineData("option<u8>", 2u), InlineData("result<u8,_>", 2u),
     InlineData("result<_,_>", 0xFFu), InlineData("enum*257", 257u), InlineData("variant{a}", 1u)]
    public void DiscriminantPastTheLastCaseTraps(string type, uint discriminant)
    {
        var t = T(type);
        var flat = CanonicalAbi.Flatten(t).Select((ft, i) => new FlatValue(ft, i == 0 ? discriminant : 0)).ToArray();
        Assert.Equal(TrapReason.InvalidDiscriminant, Trap(() => LiftFlat(t, flat)));
        Assert.Equal(TrapReason.InvalidDiscriminant, Trap(() => Load(t, BitConverter.GetBytes(discriminant)[..CanonicalAbi.DiscriminantSize(((VariantType)CanonicalAbi.Despecialize(t)).Cases.Count)])));
    }

    [Fact]
    public void ListsAreBoundsAlignmentAndLengthChecked()
    {
        var t = T("list<u32>");
        Assert.Equal(TrapReason.ListOutOfBounds, Trap(() => LiftFlat(t, FlatValue.I32(60u), FlatValue.I32(2u))));
        Assert.Equal(new ListValue(EquatableList.Of<ComponentValue>(ComponentValue.U32(0))), LiftFlat(t, FlatValue.I32(60u), FlatValue.I32(1u)));
        Assert.Equal(TrapReason.UnalignedPointer, Trap(() => LiftFlat(t, FlatValue.I32(2u), FlatValue.I32(1u))));
        Assert.Equal(TrapReason.ListTooLong, Trap(() => LiftFlat(t, FlatValue.I32(0u), FlatValue.I32(1u << 26))));
        Assert.Equal(TrapReason.ListOutOfBounds, Trap(() => LiftFlat(t, FlatValue.I32(0u), FlatValue.I32((1u << 26) - 1))));
        Assert.Equal(TrapReason.ListOutOfBounds, Trap(() => LiftFlat(t, FlatValue.I32(0xFFFFFFFCu), FlatValue.I32(1u))));
        // Even an empty list must point inside memory (or just at its end).
        Assert.Equal(ComponentValue.List(), LiftFlat(t, FlatValue.I32(64u), FlatValue.I32(0u)));
        Assert.Equal(TrapReason.ListOutOfBounds, Trap(() => LiftFlat(t, FlatValue.I32(68u), FlatValue.I32(0u))));
    }

    [Fact]
    public void LoadAndStoreCheckTheirPointer()
    {
        var cx = Cx(new ArrayMemory(16));
        Assert.Equal(TrapReason.UnalignedPointer, Trap(() => cx.Load(2, PrimitiveType.U32)));
        Assert.Equal(TrapReason.PointerOutOfBounds, Trap(() => cx.Load(16, PrimitiveType.U8)));
        Assert.Equal(TrapReason.PointerOutOfBounds, Trap(() => cx.Store(ComponentValue.U64(1), PrimitiveType.U64, 16)));
        Assert.Equal(ComponentValue.U64(0), cx.Load(8, PrimitiveType.U64));
        Assert.Equal(TrapReason.NoMemory, Trap(() => new LiftLowerContext(new CanonicalOptions()).Load(0, PrimitiveType.U8)));
    }

    [Fact]
    public void ListAllocationsAreChecked()
    {
        var memory = new ArrayMemory(32);
        var list = ComponentValue.List(ComponentValue.U32(1), ComponentValue.U32(2));
        Assert.Equal(TrapReason.ReallocUnaligned, Trap(() => Cx(memory, (_, _, _, _) => 0xFFFFFFFF).LowerFlat(list, T("list<u32>"))));
        Assert.Equal(TrapReason.ReallocOutOfBounds, Trap(() => Cx(memory, (_, _, _, _) => 28).LowerFlat(list, T("list<u32>"))));
        Assert.Equal(TrapReason.ReallocOutOfBounds, Trap(() => Cx(memory, (_, _, _, _) => 36).LowerFlat(ComponentValue.List(), T("list<u32>"))));
        var calls = new List<(uint, uint, uint, uint)>();
        var flat = Cx(memory, (a, b, c, d) => { calls.Add((a, b, c, d)); return 8; }).LowerFlat(list, T("list<u32>"));
        Assert.Equal([(0u, 0u, 4u, 8u)], calls);
        Assert.Equal([FlatValue.I32(8u), FlatValue.I32(2u)], flat);
    }

    [Fact]
    public void NansAreCanonicalizedBothWays()
    {
        var lifted = (F32Value)LiftFlat(PrimitiveType.F32, new FlatValue(ValType.F32, 0x7fa00001));
        Assert.Equal(LiftLowerContext.CanonicalFloat32Nan, BitConverter.SingleToUInt32Bits(lifted.Value));
        var lifted64 = (F64Value)Load(PrimitiveType.F64, BitConverter.GetBytes(0xfff0000000000001UL));
        Assert.Equal(LiftLowerContext.CanonicalFloat64Nan, BitConverter.DoubleToUInt64Bits(lifted64.Value));
        var cx = Cx(new ArrayMemory(16));
        var lowered = cx.LowerFlat(new F32Value(BitConverter.UInt32BitsToSingle(0xffc00123)), PrimitiveType.F32);
        Assert.Equal([new FlatValue(ValType.F32, LiftLowerContext.CanonicalFloat32Nan)], lowered);
        Assert.Equal(new F32Value(float.NaN), new F32Value(BitConverter.UInt32BitsToSingle(0xffc00123)));
        Assert.NotEqual(new F64Value(0.0), new F64Value(-0.0));
        // Not NaNs: kept bit for bit, negative zero included.
        Assert.Equal([new FlatValue(ValType.F64, 0x8000000000000000)], cx.LowerFlat(new F64Value(-0.0), PrimitiveType.F64));
    }

    /// <summary>A variant's payload slot holds the join of its cases' types; lifting narrows it back (wrapping i64 to i32).</summary>
    [Fact]
    public void VariantPayloadsAreNarrowedFromTheJoinedType()
    {
        var t = T("variant{a(f32),b(u64),c(s8)}");
        Assert.Equal([ValType.I32, ValType.I64], CanonicalAbi.Flatten(t));
        Assert.Equal(ComponentValue.Variant("a", new F32Value(1.5f)), LiftFlat(t, FlatValue.I32(0u), FlatValue.I64(0xFFFFFFFF_3FC00000UL)));
        Assert.Equal(ComponentValue.Variant("c", ComponentValue.S8(-1)), LiftFlat(t, FlatValue.I32(2u), FlatValue.I64(0x1_000000FFUL)));
        var cx = Cx(new ArrayMemory(16));
        Assert.Equal([FlatValue.I32(0u), FlatValue.I64(0x3FC00000UL)], cx.LowerFlat(ComponentValue.Variant("a", new F32Value(1.5f)), t));
        Assert.Equal([FlatValue.I32(2u), FlatValue.I64(0xFFFFFFFFUL)], cx.LowerFlat(ComponentValue.Variant("c", ComponentValue.S8(-1)), t));
    }

    [Fact]
    public void FlagBitsPastTheLastLabelAreIgnored()
    {
        Assert.Equal(ComponentValue.Flags("a"), LiftFlat(T("flags{a,b}"), FlatValue.I32(0xFFFFFFFDu)));
        Assert.Equal(ComponentValue.Flags("g0", "g33"), Load(T("flags*34"), [1, 0, 0, 0, 2, 0, 0, 0xFF]));
        Assert.Equal([FlatValue.I32(1u), FlatValue.I32(2u)], Cx(new ArrayMemory(8)).LowerFlat(ComponentValue.Flags("g33", "g0"), T("flags*34")));
    }

    [Fact]
    public void HostValuesOfTheWrongTypeAreArgumentErrors()
    {
        var cx = Cx(new ArrayMemory(64), (_, _, _, _) => 8);
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.U8(1), PrimitiveType.S8));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.Flags("z"), T("flags{a}")));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.Variant("b"), T("variant{a}")));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.Variant("a"), T("variant{a(u8)}")));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.Record(("x", ComponentValue.U8(1))), T("record{y:u8}")));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.Tuple(ComponentValue.U8(1)), T("tuple<u8,u8>")));
        Assert.Throws<ArgumentException>(() => cx.LowerFlat(ComponentValue.List(ComponentValue.U8(1)), T("list<u8,2>")));
        Assert.Throws<ArgumentException>(() => cx.LiftFlat(new FlatReader([FlatValue.I64(1L)]), PrimitiveType.U32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntValue(Primitive.U8, 256L));
    }
}
