using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Text;

/// <summary>(canon lift …), (canon lower …) and the resource built-ins; async and thread built-ins are unsupported.</summary>
internal sealed partial class FieldParser
{
    /// <summary>
    /// Parses (canon …) from item i. With <paramref name="inlineId"/> the form was (func $id (canon …)) or
    /// (core func $id (canon …)), so the trailing sort is absent. Returns the new index.
    /// </summary>
    private uint CanonField(SExpr c, int i, TextScope s, SExpr? inlineId, (SExpr Func, int From)? liftType = null)
    {
        var op = Item(c, i++);
        switch (op.Text)
        {
            case "lift":
            {
                var core = IndexOrRef(Item(c, i++), Sort.CoreFunc, s);
                var opts = Options(c, ref i, s);
                SExpr? id = inlineId;
                uint type;
                if (liftType is { } lt)
                {
                    // (func $id? <type or params/result> (canon lift …)): the type precedes the canon.
                    var (func, from) = lt;
                    var inner = new SExpr { Kind = SKind.List, Line = func.Line, Column = func.Column, Start = func.Start, End = func.End };
                    inner.Items.Add(func.Items[0]);
                    inner.Items.AddRange(func.Items.Skip(from).Take(func.Items.Count - 1 - from));
                    type = ((FuncExtern)FuncDesc(inner, 1, s)).Type;
                }
                else if (i < c.Items.Count && c.Items[i].Head == "func")
                {
                    var d = c.Items[i++];
                    int j = 1;
                    id = OptId(d, ref j) ?? id;
                    type = ((FuncExtern)FuncDesc(d, j, s)).Type;
                }
                else throw Error("expected (func (type …)) after (canon lift …)", c);
                End(c, i);
                return s.EmitCanon(new CanonLift(core, opts, type), Sort.Func, id, c);
            }
            case "lower":
            {
                var func = IndexOrRef(Item(c, i++), Sort.Func, s);
                var opts = Options(c, ref i, s);
                var id = TrailingCoreFunc(c, ref i) ?? inlineId;
                End(c, i);
                return s.EmitCanon(new CanonLower(func, opts), Sort.CoreFunc, id, c);
            }
            case "resource.new" or "resource.drop" or "resource.rep":
            {
                var type = IndexOrRef(Item(c, i++), Sort.Type, s);
                if (i < c.Items.Count && c.Items[i].IsKeyword("async")) throw Unsupported(ComponentFeatures.Async, "resource.drop async", c.Items[i]);
                var id = TrailingCoreFunc(c, ref i) ?? inlineId;
                End(c, i);
                var builtin = op.Text switch { "resource.new" => ResourceBuiltin.New, "resource.drop" => ResourceBuiltin.Drop, _ => ResourceBuiltin.Rep };
                return s.EmitCanon(new CanonResource(builtin, type), Sort.CoreFunc, id, c);
            }
            default:
                if (op.Text.StartsWith("thread.", StringComparison.Ordinal)) throw Unsupported(ComponentFeatures.Threading, $"canon {op.Text}", op);
                if (op.Text.StartsWith("error-context.", StringComparison.Ordinal)) throw Unsupported(ComponentFeatures.ErrorContext, $"canon {op.Text}", op);
                if (op.Kind == SKind.Keyword && op.Text.Contains('.') || op.Text is "backpressure.set")
                    throw Unsupported(ComponentFeatures.Async, $"canon {op.Text}", op);
                throw Error($"unexpected token {op}", op);
        }
    }

    private SExpr? TrailingCoreFunc(SExpr c, ref int i)
    {
        if (i >= c.Items.Count || c.Items[i].Head != "core") return null;
        var d = c.Items[i++];
        int j = 1;
        if (!Item(d, j++).IsKeyword("func")) throw Error($"expected (core func $id?), found {d}", d);
        var id = OptId(d, ref j);
        End(d, j);
        return id;
    }

    private List<CanonOpt> Options(SExpr c, ref int i, TextScope s)
    {
        var opts = new List<CanonOpt>();
        for (; i < c.Items.Count; i++)
        {
            var o = c.Items[i];
            if (o.Kind == SKind.Keyword)
            {
                opts.Add(o.Text switch
                {
                    "string-encoding=utf8" => new CanonOpt(CanonOptKind.Utf8),
                    "string-encoding=utf16" => new CanonOpt(CanonOptKind.Utf16),
                    "string-encoding=latin1+utf16" => new CanonOpt(CanonOptKind.Latin1Utf16),
                    "async" => throw Unsupported(ComponentFeatures.Async, "the async option", o),
                    _ => throw Error($"unexpected token {o}", o),
                });
                continue;
            }
            switch (o.Head)
            {
                case "memory" when o.Items.Count == 2: opts.Add(new CanonOpt(CanonOptKind.Memory, IndexOrRef(o.Items[1], Sort.CoreMemory, s))); break;
                case "realloc" when o.Items.Count == 2: opts.Add(new CanonOpt(CanonOptKind.Realloc, IndexOrRef(o.Items[1], Sort.CoreFunc, s))); break;
                case "post-return" when o.Items.Count == 2: opts.Add(new CanonOpt(CanonOptKind.PostReturn, IndexOrRef(o.Items[1], Sort.CoreFunc, s))); break;
                case "callback": throw Unsupported(ComponentFeatures.Async, "the callback option", o);
                default: return opts;
            }
        }
        return opts;
    }
}
