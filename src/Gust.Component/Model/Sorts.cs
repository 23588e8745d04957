namespace Gust.Component.Model;

/// <summary>
/// The index spaces of a component (Binary.md "sort" and "core:sort"), core ones prefixed "Core".
/// Each sort has its own index space; definitions append to it in order.
/// </summary>
public enum Sort : byte
{
    CoreFunc, CoreTable, CoreMemory, CoreGlobal, CoreTag, CoreType, CoreModule, CoreInstance,
    Func, Value, Type, Component, Instance,
}

public static class Sorts
{
    public static bool IsCore(this Sort s) => s <= Sort.CoreInstance;

    /// <summary>The text-format spelling, e.g. "core func", "instance".</summary>
    public static string Name(this Sort s) => s switch
    {
        Sort.CoreFunc => "core func",
        Sort.CoreTable => "core table",
        Sort.CoreMemory => "core memory",
        Sort.CoreGlobal => "core global",
        Sort.CoreTag => "core tag",
        Sort.CoreType => "core type",
        Sort.CoreModule => "core module",
        Sort.CoreInstance => "core instance",
        Sort.Func => "func",
        Sort.Value => "value",
        Sort.Type => "type",
        Sort.Component => "component",
        _ => "instance",
    };

    /// <summary>The word used in validation messages ("func", "module", "instance"…), without "core".</summary>
    public static string Word(this Sort s) => s switch
    {
        Sort.CoreFunc or Sort.Func => "func",
        Sort.CoreTable => "table",
        Sort.CoreMemory => "memory",
        Sort.CoreGlobal => "global",
        Sort.CoreTag => "tag",
        Sort.CoreType or Sort.Type => "type",
        Sort.CoreModule => "module",
        Sort.CoreInstance or Sort.Instance => "instance",
        Sort.Value => "value",
        _ => "component",
    };
}

/// <summary>A reference to one item: its sort and its index in that sort's space.</summary>
public readonly record struct SortIndex(Sort Sort, uint Index);
