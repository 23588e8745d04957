using Gust.Component.Types;

namespace Gust.Component.Abi;

/// <summary>
/// The canonical ABI's layout of component values in a 32-bit linear memory and as flat core values
/// (CanonicalABI.md "Despecialization", "Alignment", "Element Size", "Flattening"). Pure functions of
/// the type only: bindgen and fuse adapters use them without any value or memory at hand.
/// </summary>
public static partial class CanonicalAbi
{
    /// <summary>Size in bytes of a pointer or length: Gust's memories are 32-bit (memory64 is out of scope).</summary>
    public const int PtrSize = 4;

    /// <summary>
    /// tuple → record with fields "0", "1", …; enum/option/result → variant (definitions.py despecialize).
    /// Other types are returned as they are.
    /// </summary>
    public static ComponentValType Despecialize(ComponentValType t) => t switch
    {
        TupleType tu => new RecordType(tu.Types.Select((u, i) => new Field(i.ToString(System.Globalization.CultureInfo.InvariantCulture), u)).ToEquatableList()),
        EnumType e => new VariantType(e.Labels.Select(l => new Case(l, null)).ToEquatableList()),
        OptionType o => new VariantType(EquatableList.Of(new Case("none", null), new Case("some", o.Type))),
        ResultType r => new VariantType(EquatableList.Of(new Case("ok", r.Ok), new Case("error", r.Error))),
        _ => t,
    };

    /// <summary>The alignment in bytes of a value in memory (definitions.py alignment): 1, 2, 4 or 8.</summary>
    public static int Alignment(ComponentValType t) => GuardDepth(Despecialize(t)) switch
    {
        PrimitiveType { Kind: Primitive.String } => PtrSize,
        PrimitiveType p => PrimitiveSize(p.Kind),
        ListType { Length: not null } l => Alignment(l.Element),
        ListType => PtrSize,
        RecordType r => RecordAlignment(r.Fields),
        VariantType v => VariantAlignment(v.Cases),
        FlagsType f => FlagsSize(f.Labels.Count) switch { 1 => 1, 2 => 2, _ => 4 },
        OwnType or BorrowType => 4,
        var u => throw Unknown(u),
    };

    /// <summary>The byte size of a value in memory (definitions.py elem_size), a multiple of its alignment.</summary>
    public static int Size(ComponentValType t) => GuardDepth(Despecialize(t)) switch
    {
        PrimitiveType p => PrimitiveSize(p.Kind),
        ListType { Length: { } n } l => checked((int)n * Size(l.Element)),
        ListType => 2 * PtrSize,
        RecordType r => RecordSize(r.Fields),
        VariantType v => VariantSize(v.Cases),
        FlagsType f => FlagsSize(f.Labels.Count),
        OwnType or BorrowType => 4,
        var u => throw Unknown(u),
    };

    private static int PrimitiveSize(Primitive p) => p switch
    {
        Primitive.Bool or Primitive.S8 or Primitive.U8 => 1,
        Primitive.S16 or Primitive.U16 => 2,
        Primitive.S32 or Primitive.U32 or Primitive.F32 or Primitive.Char => 4,
        Primitive.S64 or Primitive.U64 or Primitive.F64 => 8,
        Primitive.String => 2 * PtrSize,
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    private static int RecordAlignment(IEnumerable<Field> fields) => fields.Select(f => Alignment(f.Type)).DefaultIfEmpty(1).Max();

    private static int RecordSize(IReadOnlyList<Field> fields)
    {
        var offsets = FieldOffsets(fields);
        var end = fields.Count == 0 ? 0 : offsets[^1] + Size(fields[^1].Type);
        return AlignTo(end, RecordAlignment(fields));
    }

    /// <summary>Byte offset of each field from the start of the record (or tuple), in field order.</summary>
    public static int[] FieldOffsets(ComponentValType recordOrTuple) => Despecialize(recordOrTuple) is RecordType r
        ? FieldOffsets(r.Fields)
        : throw new ArgumentException($"not a record or tuple: {recordOrTuple}", nameof(recordOrTuple));

    private static int[] FieldOffsets(IReadOnlyList<Field> fields)
    {
        var offsets = new int[fields.Count];
        var s = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            s = AlignTo(s, Alignment(fields[i].Type));
            offsets[i] = s;
            s += Size(fields[i].Type);
        }
        return offsets;
    }

    /// <summary>
    /// The byte size of the discriminant of a variant with <paramref name="caseCount"/> cases:
    /// u8 up to 256 cases, u16 up to 65536, else u32 (definitions.py discriminant_type).
    /// </summary>
    public static int DiscriminantSize(int caseCount) => caseCount switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(caseCount), "a variant has at least one case"),
        <= 1 << 8 => 1,
        <= 1 << 16 => 2,
        _ => 4,
    };

    private static int MaxCaseAlignment(IEnumerable<Case> cases) =>
        cases.Where(c => c.Type is not null).Select(c => Alignment(c.Type!)).DefaultIfEmpty(1).Max();

    private static int VariantAlignment(IReadOnlyList<Case> cases) => Math.Max(DiscriminantSize(cases.Count), MaxCaseAlignment(cases));

    private static int VariantSize(IReadOnlyList<Case> cases)
    {
        var s = PayloadOffset(cases);
        s += cases.Where(c => c.Type is not null).Select(c => Size(c.Type!)).DefaultIfEmpty(0).Max();
        return AlignTo(s, VariantAlignment(cases));
    }

    private static int PayloadOffset(IReadOnlyList<Case> cases) => AlignTo(DiscriminantSize(cases.Count), MaxCaseAlignment(cases));

    /// <summary>Byte offset of the payload in a variant, enum, option or result (the same for every case).</summary>
    public static int PayloadOffset(ComponentValType variantLike) => Despecialize(variantLike) is VariantType v
        ? PayloadOffset(v.Cases)
        : throw new ArgumentException($"not a variant, enum, option or result: {variantLike}", nameof(variantLike));

    /// <summary>
    /// Bytes of a flags value: 1 up to 8 labels, 2 up to 16, 4 up to 32. Binary.md allows at most 32;
    /// past that Gust keeps the earlier canonical ABI's rule of one u32 per 32 labels, so old components still lay out.
    /// </summary>
    public static int FlagsSize(int labelCount) => labelCount switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(labelCount), "flags have at least one label"),
        <= 8 => 1,
        <= 16 => 2,
        _ => 4 * FlagsWords(labelCount),
    };

    /// <summary>How many i32 core values carry a flags value (1 for up to 32 labels).</summary>
    public static int FlagsWords(int labelCount) => (labelCount + 31) / 32;

    public static int AlignTo(int offset, int alignment) => (offset + alignment - 1) / alignment * alignment;

    /// <summary>
    /// Types nest as deeply as their input says; this turns a too-deep nesting into an
    /// InsufficientExecutionStackException that callers can catch, instead of a fatal stack overflow.
    /// </summary>
    internal static ComponentValType GuardDepth(ComponentValType t)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return t;
    }

    private static ArgumentException Unknown(ComponentValType t) => new($"the canonical ABI has no layout for {t}", nameof(t));
}
