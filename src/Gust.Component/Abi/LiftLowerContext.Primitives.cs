using Gust.Component.Types;

namespace Gust.Component.Abi;

public sealed partial class LiftLowerContext
{
    public const uint CanonicalFloat32Nan = 0x7fc00000;
    public const ulong CanonicalFloat64Nan = 0x7ff8000000000000;

    /// <summary>
    /// A primitive (not string) from its bits in memory or in a core value. Any non-zero bool is true; NaNs become
    /// the canonical NaN; a char that is no Unicode scalar value traps (definitions.py convert_i32_to_char).
    /// </summary>
    private static ComponentValue PrimitiveFromBits(Primitive kind, ulong bits) => kind switch
    {
        Primitive.Bool => new BoolValue(bits != 0),
        Primitive.F32 => new F32Value(BitConverter.UInt32BitsToSingle(float.IsNaN(BitConverter.UInt32BitsToSingle((uint)bits)) ? CanonicalFloat32Nan : (uint)bits)),
        Primitive.F64 => new F64Value(BitConverter.UInt64BitsToDouble(double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? CanonicalFloat64Nan : bits)),
        Primitive.Char => CharValue.IsScalarValue((uint)bits) ? new CharValue((int)(uint)bits) : throw new CanonicalAbiTrap(TrapReason.InvalidChar),
        _ => new IntValue(kind, IntValue.Normalize(kind, bits)),
    };

    /// <summary>
    /// The bits of a primitive (not string), sign-extended for signed integers. NaNs are stored as the canonical NaN:
    /// Gust follows the spec's deterministic profile rather than scrambling NaN payloads.
    /// </summary>
    private static ulong PrimitiveToBits(Primitive kind, ComponentValue v) => (kind, v) switch
    {
        (Primitive.Bool, BoolValue b) => b.Value ? 1UL : 0UL,
        (Primitive.F32, F32Value f) => float.IsNaN(f.Value) ? CanonicalFloat32Nan : BitConverter.SingleToUInt32Bits(f.Value),
        (Primitive.F64, F64Value f) => double.IsNaN(f.Value) ? CanonicalFloat64Nan : BitConverter.DoubleToUInt64Bits(f.Value),
        (Primitive.Char, CharValue c) => (uint)c.Scalar,
        (_, IntValue i) when i.Kind == kind => i.Bits,
        _ => throw ValueShapes.Mismatch(v, new PrimitiveType(kind)),
    };
}
