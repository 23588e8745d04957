using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>
/// A resource type during validation; identity is the type. <see cref="Local"/> is the component that
/// defined it with (resource (rep i32)), which alone may use resource.new/rep on it.
/// </summary>
internal sealed class ResourceId(string name, object? local = null)
{
    public string Name { get; set; } = name;
    public object? Local { get; } = local;
    public override string ToString() => $"resource {Name}";
}

/// <summary>A value type as written: a primitive, or a defined type (the difference shows in messages).</summary>
internal abstract record VT;
internal sealed record PrimVT(Primitive P) : VT;
internal sealed record DefVT(DefT T) : VT;

/// <summary>An entry of the type index space.</summary>
internal abstract record CType;

/// <summary>A defined value type.</summary>
internal abstract record DefT : CType;
internal sealed record PrimD(Primitive P) : DefT;
internal sealed record RecordD(List<(string Name, VT Type)> Fields) : DefT;
internal sealed record VariantD(List<(string Name, VT? Type)> Cases) : DefT;
internal sealed record ListD(VT Element, uint? Length) : DefT;
internal sealed record TupleD(List<VT> Types) : DefT;
internal sealed record FlagsD(List<string> Labels) : DefT;
internal sealed record EnumD(List<string> Labels) : DefT;
internal sealed record OptionD(VT Type) : DefT;
internal sealed record ResultD(VT? Ok, VT? Error) : DefT;
/// <summary>(own $r): <see cref="Via"/> is the type index entry used, which matters for external visibility.</summary>
internal sealed record OwnD(ResourceT Via) : DefT
{
    public ResourceId Resource => Via.Id;
}

internal sealed record BorrowD(ResourceT Via) : DefT
{
    public ResourceId Resource => Via.Id;
}

internal sealed record FuncT(List<(string Name, VT Type)> Params, VT? Result) : CType;
internal sealed record ResourceT(ResourceId Id) : CType;
internal sealed record InstanceT(List<(string Name, ET Type)> Exports) : CType;
internal sealed record ComponentT(List<(string Name, ET Type)> Imports, List<(string Name, ET Type)> Exports) : CType;

/// <summary>The type of an import or export (an extern type).</summary>
internal abstract record ET;
internal sealed record ModuleET(CoreModuleT Type) : ET;
internal sealed record FuncET(FuncT Type) : ET;
internal sealed record TypeET(CType Type) : ET;
internal sealed record ComponentET(ComponentT Type) : ET;
internal sealed record InstanceET(InstanceT Type) : ET;

/// <summary>A core module's imports and exports.</summary>
internal sealed record CoreModuleT(List<(string Module, string Name, CoreET Type)> Imports, Dictionary<string, CoreET> Exports);

/// <summary>A core extern type.</summary>
internal abstract record CoreET;
internal sealed record CoreFuncET(FuncType Type) : CoreET;
internal sealed record CoreTableET(TableType Type) : CoreET;
internal sealed record CoreMemoryET(MemoryType Type) : CoreET;
internal sealed record CoreGlobalET(GlobalType Type) : CoreET;

internal static class TypeDescriptions
{
    public static string Name(Primitive p) => p.ToString().ToLowerInvariant();

    /// <summary>wasm-tools' "desc" of a defined type: the primitive's name or the constructor's.</summary>
    public static string Desc(DefT t) => t switch
    {
        PrimD p => Name(p.P),
        RecordD => "record", VariantD => "variant", ListD => "list", TupleD => "tuple", FlagsD => "flags",
        EnumD => "enum", OptionD => "option", ResultD => "result", OwnD => "own", _ => "borrow",
    };

    public static string Kind(ET e) => e switch
    {
        ModuleET => "module", FuncET => "func", TypeET => "type", ComponentET => "component", _ => "instance",
    };

    public static string Kind(CoreET e) => e switch
    {
        CoreFuncET => "func", CoreTableET => "table", CoreMemoryET => "memory", _ => "global",
    };
}
