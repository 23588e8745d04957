namespace Gust.Component.Types;

/// <summary>
/// A component-level value type (Explainer "defvaltype", CanonicalABI definitions.py's ValType
/// classes). Structural equality: two types are equal when they have the same shape; resources
/// compare by identity (each `resource` definition is a new type).
/// </summary>
public abstract record ComponentValType;

public enum Primitive : byte { Bool, S8, U8, S16, U16, S32, U32, S64, U64, F32, F64, Char, String }

public sealed record PrimitiveType(Primitive Kind) : ComponentValType
{
    public static readonly PrimitiveType Bool = new(Primitive.Bool), S8 = new(Primitive.S8), U8 = new(Primitive.U8),
        S16 = new(Primitive.S16), U16 = new(Primitive.U16), S32 = new(Primitive.S32), U32 = new(Primitive.U32),
        S64 = new(Primitive.S64), U64 = new(Primitive.U64), F32 = new(Primitive.F32), F64 = new(Primitive.F64),
        Char = new(Primitive.Char), String = new(Primitive.String);

    /// <summary>The WIT keyword: bool, s8 … f64, char, string.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();
}

/// <summary>list&lt;T&gt;, or with <see cref="Length"/> the fixed-length list&lt;T, N&gt;.</summary>
public sealed record ListType(ComponentValType Element, uint? Length = null) : ComponentValType;

public sealed record Field(string Name, ComponentValType Type);

public sealed record RecordType(EquatableList<Field> Fields) : ComponentValType;

public sealed record TupleType(EquatableList<ComponentValType> Types) : ComponentValType;

/// <summary>A variant case; <see cref="Type"/> is null for a case without payload.</summary>
public sealed record Case(string Name, ComponentValType? Type);

public sealed record VariantType(EquatableList<Case> Cases) : ComponentValType;

public sealed record EnumType(EquatableList<string> Labels) : ComponentValType;

public sealed record OptionType(ComponentValType Type) : ComponentValType;

/// <summary>result&lt;ok, error&gt;; either side may be absent (null).</summary>
public sealed record ResultType(ComponentValType? Ok, ComponentValType? Error) : ComponentValType;

public sealed record FlagsType(EquatableList<string> Labels) : ComponentValType;

/// <summary>A resource type. Reference identity: every definition is distinct, even with the same name.</summary>
public sealed class ResourceType(string name)
{
    public string Name { get; } = name;
    public override string ToString() => $"resource {Name}";
}

public sealed record OwnType(ResourceType Resource) : ComponentValType;

public sealed record BorrowType(ResourceType Resource) : ComponentValType;

public sealed record Param(string Name, ComponentValType Type);

/// <summary>A component function type: named parameters and at most one result (Explainer "functype").</summary>
public sealed record ComponentFuncType(EquatableList<Param> Params, ComponentValType? Result);
