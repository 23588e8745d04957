using System.Globalization;
using Gust.Wasm;

namespace Gust.Codegen.Tests;

/// <summary>
/// Builds test modules from function bodies written as flat wasm instruction text
/// ("local.get 0 local.get 1 i32.add"), with block types and immediates as in the text format's
/// flat form. A stand-in until Gust.Wasm's WatParser is on main; it knows only what these tests use.
/// </summary>
public sealed class FlatModule
{
    private readonly Module _module = new();
    private readonly List<(string Name, string Body)> _bodies = new();
    private readonly Dictionary<string, uint> _funcIndex = new();

    public Module Module
    {
        get
        {
            if (_module.Codes.Count == 0)
                foreach (var (name, body) in _bodies)
                {
                    var code = new Code();
                    var (locals, instrs) = Parse(body);
                    foreach (var t in locals) code.Locals.Add(new LocalGroup(1, t));
                    code.Body.AddRange(instrs);
                    code.Body.Add(Instr.End());
                    _module.Codes.Add(code);
                }
            return _module;
        }
    }

    public FlatModule Memory(ulong minPages, ulong? maxPages = null)
    {
        _module.Memories.Add(new MemoryType(new Limits(minPages, maxPages)));
        return this;
    }

    public FlatModule Table(ulong size)
    {
        _module.Tables.Add(new TableType(ValType.FuncRef, new Limits(size, null)));
        return this;
    }

    public FlatModule Elem(int offset, params string[] funcs)
    {
        _module.Elems.Add(new ElemSegment
        {
            Mode = SegmentMode.Active, Offset = [Instr.I32Const(offset), Instr.End()],
            FuncIndices = funcs.Select(f => _funcIndex[f]).ToList(),
        });
        return this;
    }

    public FlatModule Data(int offset, byte[] bytes)
    {
        _module.Datas.Add(new DataSegment { Mode = SegmentMode.Active, Offset = [Instr.I32Const(offset), Instr.End()], Bytes = bytes });
        return this;
    }

    public FlatModule Global(ValType type, bool mutable, Instr init)
    {
        _module.Globals.Add(new Global(new GlobalType(type, mutable), [init, Instr.End()]));
        return this;
    }

    /// <summary>A function with signature "i32 i64 -> f32"; body may start with "local T …;" declarations. Exported under its name.</summary>
    public FlatModule Func(string name, string signature, string body, bool export = true)
    {
        var parts = signature.Split("->");
        var type = new FuncType(Types(parts[0]), Types(parts[1]));
        _funcIndex[name] = (uint)(_module.ImportedFuncCount + _module.Funcs.Count);
        _module.Funcs.Add(TypeIndex(type));
        _bodies.Add((name, body));
        if (export) _module.Exports.Add(new Export(name, ExternKind.Func, _funcIndex[name]));
        return this;
    }

    public uint TypeIndex(FuncType type)
    {
        var i = _module.Types.IndexOf(type);
        if (i >= 0) return (uint)i;
        _module.Types.Add(type);
        return (uint)_module.Types.Count - 1;
    }

    public static ValType[] Types(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ValTypeOf).ToArray();

    private static ValType ValTypeOf(string s) => s switch
    {
        "i32" => ValType.I32, "i64" => ValType.I64, "f32" => ValType.F32, "f64" => ValType.F64,
        "funcref" => ValType.FuncRef, "externref" => ValType.ExternRef,
        _ => throw new FormatException($"not a value type: {s}"),
    };

    private (List<ValType> Locals, List<Instr> Body) Parse(string text)
    {
        var tokens = new Queue<string>(text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var locals = new List<ValType>();
        var body = new List<Instr>();
        while (tokens.Count > 0)
        {
            var name = tokens.Dequeue();
            if (name == "local")
            {
                locals.Add(ValTypeOf(tokens.Dequeue()));
                continue;
            }
            if (!OpTable.TryGet(name, out var info)) throw new FormatException($"unknown instruction {name}");
            body.Add(info.Imm switch
            {
                Imm.None => new Instr(info.Op),
                Imm.Block => new Instr(info.Op) { Block = BlockTypeOf(tokens) },
                Imm.Label or Imm.Local or Imm.Global or Imm.Table or Imm.Memory => new Instr(info.Op) { Index = uint.Parse(tokens.Dequeue()) },
                Imm.Func => new Instr(info.Op) { Index = _funcIndex[tokens.Dequeue()] },
                Imm.BrTable => BrTable(tokens),
                Imm.CallIndirect => new Instr(info.Op) { Index = TypeIndex(SignatureOf(tokens.Dequeue())) },
                Imm.MemArg => MemArg(info, tokens),
                Imm.I32 => Instr.I32Const((int)ParseInt(tokens.Dequeue())),
                Imm.I64 => Instr.I64Const(ParseInt(tokens.Dequeue())),
                Imm.F32 => Instr.F32Const(F32Bits(tokens.Dequeue())),
                Imm.F64 => Instr.F64Const(F64Bits(tokens.Dequeue())),
                Imm.RefNull => new Instr(info.Op) { Types = [tokens.Dequeue() == "func" ? ValType.FuncRef : ValType.ExternRef] },
                Imm.MemoryCopy => new Instr(info.Op),
                _ => throw new FormatException($"{name}: immediates not supported by FlatModule"),
            });
        }
        return (locals, body);
    }

    /// <summary>A block type: nothing, one value type, or a signature "[i32,i32->i64]" for multi-value.</summary>
    private BlockType BlockTypeOf(Queue<string> tokens)
    {
        if (tokens.Count == 0) return BlockType.Empty;
        var next = tokens.Peek();
        if (next is "i32" or "i64" or "f32" or "f64") return BlockType.Of(ValTypeOf(tokens.Dequeue()));
        if (next.StartsWith('[')) return BlockType.Indexed(TypeIndex(SignatureOf(tokens.Dequeue())));
        return BlockType.Empty;
    }

    private static FuncType SignatureOf(string token)
    {
        var parts = token.Trim('[', ']').Split("->");
        return new FuncType(Types(parts[0].Replace(',', ' ')), Types(parts[1].Replace(',', ' ')));
    }

    private static Instr BrTable(Queue<string> tokens)
    {
        var labels = new List<uint>();
        while (tokens.Count > 0 && uint.TryParse(tokens.Peek(), out var l))
        {
            tokens.Dequeue();
            labels.Add(l);
        }
        return new Instr(Op.BrTable) { Labels = labels.Take(labels.Count - 1).ToArray(), Index = labels[^1] };
    }

    private static Instr MemArg(OpInfo info, Queue<string> tokens)
    {
        ulong offset = 0;
        var align = (uint)info.NaturalAlign;
        while (tokens.Count > 0 && (tokens.Peek().StartsWith("offset=") || tokens.Peek().StartsWith("align=")))
        {
            var t = tokens.Dequeue();
            if (t.StartsWith("offset=")) offset = (ulong)ParseInt(t[7..]);
            else align = (uint)Math.Log2(ParseInt(t[6..]));
        }
        return new Instr(info.Op) { Value = offset, Align = align };
    }

    private static long ParseInt(string s)
    {
        var neg = s.StartsWith('-');
        var digits = neg ? s[1..] : s;
        var v = digits.StartsWith("0x") ? (long)ulong.Parse(digits[2..], NumberStyles.HexNumber) : (long)ulong.Parse(digits);
        return neg ? -v : v;
    }

    /// <summary>A decimal float, inf, or "bits:0x…" for an exact bit pattern (NaN payloads).</summary>
    private static uint F32Bits(string s) => s.StartsWith("bits:")
        ? uint.Parse(s[7..], NumberStyles.HexNumber)
        : BitConverter.SingleToUInt32Bits(float.Parse(s.Replace("inf", "Infinity"), CultureInfo.InvariantCulture));

    private static ulong F64Bits(string s) => s.StartsWith("bits:")
        ? ulong.Parse(s[7..], NumberStyles.HexNumber)
        : BitConverter.DoubleToUInt64Bits(double.Parse(s.Replace("inf", "Infinity"), CultureInfo.InvariantCulture));
}
