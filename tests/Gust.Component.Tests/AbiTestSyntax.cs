using System.Globalization;
using System.Text.Json;
using Gust.Component.Abi;
using Gust.Component.Types;

namespace Gust.Component.Tests;

/// <summary>
/// The compact type and value notation of the test data in abi/*.txt, e.g. <c>record{a:u8,b:list&lt;string&gt;}</c>
/// and <c>[7,["x"]]</c>: variant-like values are <c>label</c> or <c>label(payload)</c>, records and tuples
/// <c>[fields…]</c>, flags <c>{set labels}</c>, floats their bit patterns, chars their scalar values.
/// <c>enum*N</c> and <c>flags*N</c> name N labels e0…/g0….
/// </summary>
internal sealed class AbiTestSyntax(string text)
{
    /// <summary>The one resource that own and borrow refer to in the data.</summary>
    public static readonly ResourceType Resource = new("r");

    private int pos;

    public static ComponentValType ParseType(string s)
    {
        var p = new AbiTestSyntax(s);
        var t = p.Type();
        p.End();
        return t;
    }

    public static ComponentValue ParseValue(string s, ComponentValType t)
    {
        var p = new AbiTestSyntax(s);
        var v = p.Value(t);
        p.End();
        return v;
    }

    private void End()
    {
        if (pos != text.Length) throw new FormatException($"unexpected '{text[pos..]}' in {text}");
    }

    private bool Eat(string s)
    {
        if (string.CompareOrdinal(text, pos, s, 0, s.Length) != 0) return false;
        pos += s.Length;
        return true;
    }

    private void Expect(string s)
    {
        if (!Eat(s)) throw new FormatException($"expected '{s}' at {pos} in {text}");
    }

    private string Word()
    {
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '-' or '_' or '+' or '.')) pos++;
        return text[start..pos];
    }

    private List<T> Items<T>(string close, Func<T> item)
    {
        var items = new List<T>();
        if (Eat(close)) return items;
        do items.Add(item()); while (Eat(","));
        Expect(close);
        return items;
    }

    private static EquatableList<string> Labels(char prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToEquatableList();

    private ComponentValType Type()
    {
        var w = Word();
        if (Enum.TryParse<Primitive>(w, ignoreCase: true, out var p) && w == w.ToLowerInvariant()) return new PrimitiveType(p);
        switch (w)
        {
            case "list":
                Expect("<");
                var e = Type();
                uint? n = Eat(",") ? uint.Parse(Word(), CultureInfo.InvariantCulture) : null;
                Expect(">");
                return new ListType(e, n);
            case "record":
                Expect("{");
                return new RecordType(Items("}", () => { var name = Word(); Expect(":"); return new Field(name, Type()); }).ToEquatableList());
            case "tuple":
                Expect("<");
                return new TupleType(Items(">", Type).ToEquatableList());
            case "variant":
                Expect("{");
                return new VariantType(Items("}", () => { var name = Word(); return new Case(name, Eat("(") ? TypeThen(")") : null); }).ToEquatableList());
            case "enum" or "flags":
                var labels = Eat("*") ? Labels(w == "enum" ? 'e' : 'g', int.Parse(Word(), CultureInfo.InvariantCulture)) : Eat("{") ? Items("}", Word).ToEquatableList() : throw new FormatException(text);
                return w == "enum" ? new EnumType(labels) : new FlagsType(labels);
            case "option":
                Expect("<");
                return new OptionType(TypeThen(">"));
            case "result":
                Expect("<");
                var ok = Eat("_") ? null : Type();
                Expect(",");
                var err = Eat("_") ? null : Type();
                Expect(">");
                return new ResultType(ok, err);
            case "own": return new OwnType(Resource);
            case "borrow": return new BorrowType(Resource);
            default: throw new FormatException($"unknown type '{w}' in {text}");
        }
    }

    private ComponentValType TypeThen(string close)
    {
        var t = Type();
        Expect(close);
        return t;
    }

    private ComponentValue Value(ComponentValType t)
    {
        switch (t)
        {
            case PrimitiveType { Kind: Primitive.String }:
                var start = pos;
                pos++;
                while (text[pos] != '"') pos += text[pos] == '\\' ? 2 : 1;
                pos++;
                return new StringValue(JsonSerializer.Deserialize<string>(text[start..pos])!);
            case PrimitiveType { Kind: Primitive.Bool }:
                return new BoolValue(Word() == "true");
            case PrimitiveType { Kind: Primitive.F32 }:
                return new F32Value(BitConverter.UInt32BitsToSingle(Convert.ToUInt32(Word(), 16)));
            case PrimitiveType { Kind: Primitive.F64 }:
                return new F64Value(BitConverter.UInt64BitsToDouble(Convert.ToUInt64(Word(), 16)));
            case PrimitiveType { Kind: Primitive.Char }:
                return new CharValue(int.Parse(Word(), CultureInfo.InvariantCulture));
            case PrimitiveType p:
                var neg = Eat("-");
                var magnitude = ulong.Parse(Word(), CultureInfo.InvariantCulture);
                return new IntValue(p.Kind, neg ? unchecked(0 - magnitude) : magnitude);
            case ListType l:
                Expect("[");
                return new ListValue(Items("]", () => Value(l.Element)).ToEquatableList());
            case FlagsType:
                Expect("{");
                return new FlagsValue(Items("}", Word));
            case OwnType or BorrowType:
                return new HandleValue(uint.Parse(Word(), CultureInfo.InvariantCulture));
            case TupleType tu:
                Expect("[");
                var i = 0;
                return new TupleValue(Items("]", () => Value(tu.Types[i++])).ToEquatableList());
            case RecordType r:
                Expect("[");
                var j = 0;
                return new RecordValue(Items("]", () => { var f = r.Fields[j++]; return new FieldValue(f.Name, Value(f.Type)); }).ToEquatableList());
        }
        var label = Word();
        var v = (VariantType)CanonicalAbi.Despecialize(t);
        var c = v.Cases.Single(c => c.Name == label);
        var payload = Eat("(") ? Value(c.Type!) : null;
        if (payload is not null) Expect(")");
        return t switch
        {
            EnumType => new EnumValue(label),
            OptionType => new OptionValue(payload),
            ResultType => new ResultValue(label == "ok", payload),
            _ => new VariantValue(label, payload),
        };
    }
}
