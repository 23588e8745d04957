namespace Gust.Wasm.Binary;

/// <summary>Section ids (spec 5.5.2) and the order non-custom sections must come in.</summary>
internal static class SectionId
{
    public const byte Custom = 0;
    public const byte Type = 1;
    public const byte Import = 2;
    public const byte Function = 3;
    public const byte Table = 4;
    public const byte Memory = 5;
    public const byte Global = 6;
    public const byte Export = 7;
    public const byte Start = 8;
    public const byte Element = 9;
    public const byte Code = 10;
    public const byte Data = 11;
    public const byte DataCount = 12;
    /// <summary>Exception-handling proposal; recognized only to report it as unsupported.</summary>
    public const byte Tag = 13;

    /// <summary>Non-custom sections in binary order: data count precedes code, tag follows memory.</summary>
    public static readonly byte[] Order = { Type, Import, Function, Table, Memory, Tag, Global, Export, Start, Element, DataCount, Code, Data };

    /// <summary>1-based position of <paramref name="id"/> in <see cref="Order"/>, or 0 for custom sections and unknown ids.</summary>
    public static int Rank(byte id) => Array.IndexOf(Order, id) + 1;
}
