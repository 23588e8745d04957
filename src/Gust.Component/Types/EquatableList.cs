using System.Collections;

namespace Gust.Component.Types;

/// <summary>An immutable list with element-wise equality, so records holding lists compare by shape.</summary>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] items;

    public EquatableList(IEnumerable<T> items) => this.items = items.ToArray();

    public static readonly EquatableList<T> Empty = new(Array.Empty<T>());

    public T this[int index] => items[index];
    public int Count => items.Length;
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(EquatableList<T>? other) =>
        other is not null && items.Length == other.items.Length && items.AsSpan().SequenceEqual(other.items);

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var i in items) h.Add(i);
        return h.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", items)}]";
}

public static class EquatableList
{
    public static EquatableList<T> Of<T>(params T[] items) => new(items);
    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T> items) => new(items);
}
