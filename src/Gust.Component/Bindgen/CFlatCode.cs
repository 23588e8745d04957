using System.Text;
using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Component.Wit;
using Gust.Wasm;

namespace Gust.Component.Bindgen;

/// <summary>
/// C statements that move a C value to and from its flat core values (CanonicalABI.md "Flat Lifting" and
/// "Flat Lowering"). The flat values are C variables (<c>slots</c>) whose core types are the joined flattening
/// of the whole parameter list, so a variant case's payload is converted to its slot's type (definitions.py
/// lower_flat_variant's bit casts, zero extensions and wraps) and back.
/// </summary>
internal sealed class CFlatCode(CTypeEmitter types, StringBuilder code)
{
    /// <summary>Stores <paramref name="value"/> (a C lvalue of type <paramref name="t"/>) into slots from <paramref name="k"/>.</summary>
    public void Lower(WitType t, string value, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        switch (t)
        {
            case WitPrimitive { Type.Kind: Primitive.String }:
            case WitList { Length: null }:
                Line(indent, $"{slots[k]} = {Coerce(ValType.I32, slotTypes[k], $"(int32_t)(uintptr_t){value}.ptr")};");
                Line(indent, $"{slots[k + 1]} = {Coerce(ValType.I32, slotTypes[k + 1], $"(int32_t){value}.len")};");
                return;
            case WitPrimitive p:
                var natural = CanonicalAbi.Flatten(p.ValType)[0];
                Line(indent, $"{slots[k]} = {Coerce(natural, slotTypes[k], $"({CNames.Core(natural)}){value}")};");
                return;
            case WitList { Length: { } n } l:
                var width = CanonicalAbi.Flatten(l.Element.ValType).Count;
                for (var i = 0; i < n; i++) Lower(l.Element, $"{value}.elems[{i}]", slots, slotTypes, k + i * width, indent);
                return;
            case WitTuple tu:
                LowerFields(tu.Types.Select((u, i) => (u, $"{value}.f{i}")), slots, slotTypes, k, indent);
                return;
            case WitOption o:
                LowerCases(value, "is_some", [(null, null), (o.Type, $"{value}.val")], slots, slotTypes, k, indent);
                return;
            case WitResult r:
                LowerCases(value, "is_err", [(r.Ok, $"{value}.val.ok"), (r.Error, $"{value}.val.err")], slots, slotTypes, k, indent);
                return;
            case WitBorrow:
                Line(indent, $"{slots[k]} = {value}.__handle;");
                return;
        }
        var def = Definition(((WitRef)t).Def);
        switch (def.Kind)
        {
            case WitTypeDefKind.Alias:
                Lower(def.Aliased!, value, slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Record:
                LowerFields(def.Members.Select(f => (f.Type!, $"{value}.{CNames.Member(f.Name)}")), slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Variant:
                LowerCases(value, "tag", def.Members.Select(c => (c.Type, c.Type is null ? null : $"{value}.val.{CNames.Member(c.Name)}")).ToList(), slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Enum or WitTypeDefKind.Flags:
                Line(indent, $"{slots[k]} = (int32_t){value};");
                break;
            case WitTypeDefKind.Resource:
                Line(indent, $"{slots[k]} = {value}.__handle;");
                break;
        }
    }

    /// <summary>Sets <paramref name="value"/> (a C lvalue of type <paramref name="t"/>) from slots from <paramref name="k"/>.</summary>
    public void Lift(WitType t, string value, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        switch (t)
        {
            case WitPrimitive { Type.Kind: Primitive.String }:
                Line(indent, $"{value}.ptr = (uint8_t *)(uintptr_t)(uint32_t){Uncoerce(slotTypes[k], ValType.I32, slots[k])};");
                Line(indent, $"{value}.len = (size_t)(uint32_t){Uncoerce(slotTypes[k + 1], ValType.I32, slots[k + 1])};");
                return;
            case WitList { Length: null } l:
                Line(indent, $"{value}.ptr = ({types.Of(l.Element)} *)(uintptr_t)(uint32_t){Uncoerce(slotTypes[k], ValType.I32, slots[k])};");
                Line(indent, $"{value}.len = (size_t)(uint32_t){Uncoerce(slotTypes[k + 1], ValType.I32, slots[k + 1])};");
                return;
            case WitPrimitive p:
                var natural = CanonicalAbi.Flatten(p.ValType)[0];
                var raw = Uncoerce(slotTypes[k], natural, slots[k]);
                Line(indent, p.Type.Kind == Primitive.Bool ? $"{value} = {raw} != 0;" : $"{value} = ({CNames.Primitive(p.Type.Kind)}){raw};");
                return;
            case WitList { Length: { } n } l:
                var width = CanonicalAbi.Flatten(l.Element.ValType).Count;
                for (var i = 0; i < n; i++) Lift(l.Element, $"{value}.elems[{i}]", slots, slotTypes, k + i * width, indent);
                return;
            case WitTuple tu:
                LiftFields(tu.Types.Select((u, i) => (u, $"{value}.f{i}")), slots, slotTypes, k, indent);
                return;
            case WitOption o:
                LiftCases(value, "is_some", "bool", [(null, null), (o.Type, $"{value}.val")], slots, slotTypes, k, indent);
                return;
            case WitResult r:
                LiftCases(value, "is_err", "bool", [(r.Ok, $"{value}.val.ok"), (r.Error, $"{value}.val.err")], slots, slotTypes, k, indent);
                return;
            case WitBorrow:
                Line(indent, $"{value}.__handle = {slots[k]};");
                return;
        }
        var def = Definition(((WitRef)t).Def);
        switch (def.Kind)
        {
            case WitTypeDefKind.Alias:
                Lift(def.Aliased!, value, slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Record:
                LiftFields(def.Members.Select(f => (f.Type!, $"{value}.{CNames.Member(f.Name)}")), slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Variant:
                var tag = CanonicalAbi.DiscriminantSize(def.Members.Count) switch { 1 => "uint8_t", 2 => "uint16_t", _ => "uint32_t" };
                LiftCases(value, "tag", tag, def.Members.Select(c => (c.Type, c.Type is null ? null : $"{value}.val.{CNames.Member(c.Name)}")).ToList(), slots, slotTypes, k, indent);
                break;
            case WitTypeDefKind.Enum or WitTypeDefKind.Flags:
                Line(indent, $"{value} = ({types.Named(def)}){slots[k]};");
                break;
            case WitTypeDefKind.Resource:
                Line(indent, $"{value}.__handle = {slots[k]};");
                break;
        }
    }

    /// <summary>The definition a name stands for, through <c>use</c>s.</summary>
    private static WitTypeDef Definition(WitTypeDef def)
    {
        while (def.Kind == WitTypeDefKind.Use) def = def.Target!;
        return def;
    }

    private void LowerFields(IEnumerable<(WitType Type, string Value)> fields, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        foreach (var (type, value) in fields)
        {
            Lower(type, value, slots, slotTypes, k, indent);
            k += CanonicalAbi.Flatten(type.ValType).Count;
        }
    }

    private void LiftFields(IEnumerable<(WitType Type, string Value)> fields, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        foreach (var (type, value) in fields)
        {
            Lift(type, value, slots, slotTypes, k, indent);
            k += CanonicalAbi.Flatten(type.ValType).Count;
        }
    }

    /// <summary>The discriminant, then the payload of the case that is set in the slots after it.</summary>
    private void LowerCases(string value, string tag, IReadOnlyList<(WitType? Type, string? Value)> cases, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        Line(indent, $"{slots[k]} = (int32_t){value}.{tag};");
        if (cases.All(c => c.Type is null)) return;
        Line(indent, $"switch ((int32_t){value}.{tag}) {{");
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Type is not { } type) continue;
            Line(indent, $"case {i}:");
            Lower(type, cases[i].Value!, slots, slotTypes, k + 1, indent + "    ");
            Line(indent + "    ", "break;");
        }
        Line(indent, "default:");
        Line(indent + "    ", "break;");
        Line(indent, "}");
    }

    private void LiftCases(string value, string tag, string tagType, IReadOnlyList<(WitType? Type, string? Value)> cases, IReadOnlyList<string> slots, IReadOnlyList<ValType> slotTypes, int k, string indent)
    {
        Line(indent, tagType == "bool" ? $"{value}.{tag} = {slots[k]} != 0;" : $"{value}.{tag} = ({tagType}){slots[k]};");
        if (cases.All(c => c.Type is null)) return;
        Line(indent, $"switch ((uint32_t){slots[k]}) {{");
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Type is not { } type) continue;
            Line(indent, $"case {i}:");
            Lift(type, cases[i].Value!, slots, slotTypes, k + 1, indent + "    ");
            Line(indent + "    ", "break;");
        }
        Line(indent, "default:");
        Line(indent + "    ", "break;");
        Line(indent, "}");
    }

    /// <summary>A value of core type <paramref name="from"/> in a slot of the joined type <paramref name="to"/>.</summary>
    private static string Coerce(ValType from, ValType to, string v) => (from, to) switch
    {
        _ when from == to => v,
        (ValType.I32, ValType.I64) => $"(int64_t)(uint32_t){v}",
        (ValType.F32, ValType.I32) => $"gust_f32_to_i32({v})",
        (ValType.F32, ValType.I64) => $"(int64_t)(uint32_t)gust_f32_to_i32({v})",
        (ValType.F64, ValType.I64) => $"gust_f64_to_i64({v})",
        _ => throw new InvalidOperationException($"no flat coercion from {from} to {to}"),
    };

    /// <summary>The value of core type <paramref name="to"/> held in a slot of the joined type <paramref name="from"/>.</summary>
    private static string Uncoerce(ValType from, ValType to, string v) => (from, to) switch
    {
        _ when from == to => v,
        (ValType.I64, ValType.I32) => $"(int32_t){v}",
        (ValType.I32, ValType.F32) => $"gust_i32_to_f32({v})",
        (ValType.I64, ValType.F32) => $"gust_i32_to_f32((int32_t){v})",
        (ValType.I64, ValType.F64) => $"gust_i64_to_f64({v})",
        _ => throw new InvalidOperationException($"no flat coercion from {from} to {to}"),
    };

    private void Line(string indent, string line) => code.Append(indent).Append(line).Append('\n');
}
