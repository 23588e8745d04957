namespace Gust.Wasm;

/// <summary>A function type [params] -> [results] (spec 2.3.5). Structural equality.</summary>
public sealed class FuncType : IEquatable<FuncType>
{
    public FuncType(ValType[] parameters, ValType[] results)
    {
        Params = parameters;
        Results = results;
    }

    public ValType[] Params { get; }
    public ValType[] Results { get; }

    public bool Equals(FuncType? other) =>
        other is not null && Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results);

    public override bool Equals(object? obj) => Equals(obj as FuncType);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params) h.Add(p);
        h.Add(-1);
        foreach (var r in Results) h.Add(r);
        return h.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(" ", Params.Select(p => p.Name()))}] -> [{string.Join(" ", Results.Select(r => r.Name()))}]";
}

/// <summary>Limits of a memory or table (spec 2.3.7). Min and Max count pages for memories, elements for tables.</summary>
public readonly record struct Limits(ulong Min, ulong? Max);

/// <summary>
/// A memory type. PageSizeLog2 is 16 (64 KiB pages) unless the custom-page-sizes proposal declares
/// another; that proposal allows 0 (1-byte pages) and 16.
/// </summary>
public sealed record MemoryType(Limits Limits, int PageSizeLog2 = 16)
{
    public bool HasCustomPageSize { get; init; }
    public ulong PageSize => 1UL << PageSizeLog2;
}

public sealed record TableType(ValType ElemType, Limits Limits);

public readonly record struct GlobalType(ValType Type, bool Mutable);

public enum BlockTypeKind : byte { Empty, Value, TypeIndex }

/// <summary>A block type: empty, one value type, or a type index (multi-value) (spec 5.4.1).</summary>
public readonly record struct BlockType(BlockTypeKind Kind, ValType Value, uint TypeIndex)
{
    public static readonly BlockType Empty = new(BlockTypeKind.Empty, default, 0);
    public static BlockType Of(ValType t) => new(BlockTypeKind.Value, t, 0);
    public static BlockType Indexed(uint index) => new(BlockTypeKind.TypeIndex, default, index);
}

public enum ExternKind : byte { Func = 0, Table = 1, Memory = 2, Global = 3 }
