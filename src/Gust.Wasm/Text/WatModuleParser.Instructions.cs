using System.Numerics;

namespace Gust.Wasm.Text;

/// <summary>
/// Instruction sequences (spec 6.5), plain and folded, flattened into the binary's order. Folded
/// nesting is handled with an explicit stack of open frames, so input depth cannot overflow the
/// call stack.
/// </summary>
internal sealed partial class WatModuleParser
{
    private enum FrameKind : byte
    {
        /// <summary>(op imm* folded*): the op is emitted when the frame closes.</summary>
        Folded,
        /// <summary>(block …) or (loop …): End is emitted when it closes.</summary>
        Block,
        /// <summary>(if label bt folded* …) before (then: condition instructions.</summary>
        IfCondition,
        Then,
        AfterThen,
        Else,
        AfterElse,
    }

    private sealed class Frame
    {
        public FrameKind Kind;
        public Instr? Pending;
        /// <summary>The operator keyword of <see cref="Pending"/>: a folded instruction is placed where its operator is written.</summary>
        public Token PendingAt;
        public string? Label;
        /// <summary>Label stack height that must hold when this frame's ')' is reached.</summary>
        public int Depth;
    }

    /// <summary>
    /// An instruction list being built, with the line:column of each instruction going to the parser's one
    /// recorder (expressions never nest in the text, so one at a time is built).
    /// </summary>
    private readonly record struct Expr(List<Instr> Instrs, PositionRecorder Positions)
    {
        public void Add(Instr instr, Token at)
        {
            Instrs.Add(instr);
            Positions.AddLine(at.Line, at.Column);
        }

        public (List<Instr>, InstrPositions) Finish() => (Instrs, Positions.ToLinesAndColumns());
    }

    private Expr StartExpr(List<Instr>? into = null)
    {
        _positions.Clear();
        return new Expr(into ?? new List<Instr>(), _positions);
    }

    private static SourcePoint Point(Token t) => SourcePoint.AtLine(t.Line, t.Column);

    /// <summary>A label in scope; flat ones are closed by 'end', folded ones by ')'.</summary>
    private readonly record struct Label(string? Name, bool Flat, Op Kind, bool HasElse = false);

    /// <summary>
    /// Parses instructions up to the ')' that closes the enclosing form (left unread), or with
    /// <paramref name="stopAfterOne"/> exactly one folded instruction.
    /// </summary>
    private void ParseInstrs(Expr output, NameSpace? locals, bool stopAfterOne)
    {
        var frames = new Stack<Frame>();
        var labels = new List<Label>();
        while (true)
        {
            var t = _c.Peek();
            var top = frames.Count > 0 ? frames.Peek() : null;
            if (t.Kind == TokenKind.RParen)
            {
                if (top is null)
                {
                    if (labels.Count > 0) throw _c.Unexpected(t);
                    return;
                }
                if (labels.Count != top.Depth) throw _c.Unexpected(t);
                _c.Next();
                switch (top.Kind)
                {
                    case FrameKind.Folded:
                        output.Add(top.Pending!, top.PendingAt);
                        break;
                    case FrameKind.IfCondition:
                        throw _c.Error("unexpected token", t);
                    case FrameKind.Then:
                        top.Kind = FrameKind.AfterThen;
                        continue;
                    case FrameKind.Else:
                        top.Kind = FrameKind.AfterElse;
                        continue;
                    default: // Block, AfterThen, AfterElse
                        output.Add(Instr.End(), t);
                        labels.RemoveAt(labels.Count - 1);
                        break;
                }
                frames.Pop();
                if (stopAfterOne && frames.Count == 0) return;
                continue;
            }
            if (t.Kind == TokenKind.LParen)
            {
                OpenFolded(output, frames, labels, locals, top);
                continue;
            }
            if (stopAfterOne && top is null) throw _c.Unexpected(t);
            if (top is { Kind: FrameKind.IfCondition or FrameKind.AfterThen or FrameKind.AfterElse }) throw _c.Unexpected(t);
            if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
            ParseFlat(output, labels, locals, top?.Depth ?? 0);
        }
    }

    /// <summary>Instructions up to the ')' that closes the enclosing form, then the End that ')' stands for, placed there.</summary>
    private void ParseExpr(Expr output, NameSpace? locals)
    {
        ParseInstrs(output, locals, stopAfterOne: false);
        output.Add(Instr.End(), _c.Peek());
    }

    /// <summary>Handles '(' in an instruction sequence: a folded instruction, or then/else of a folded if.</summary>
    private void OpenFolded(Expr output, Stack<Frame> frames, List<Label> labels, NameSpace? locals, Frame? top)
    {
        var kw = _c.Peek(1);
        if (kw.Kind != TokenKind.Keyword) throw _c.Unexpected(kw);
        if (top is { Kind: FrameKind.IfCondition } && kw.Text == "then")
        {
            _c.Pos += 2;
            output.Add(top.Pending!, top.PendingAt);
            labels.Add(new Label(top.Label, false, Op.If));
            top.Depth = labels.Count;
            top.Kind = FrameKind.Then;
            return;
        }
        if (top is { Kind: FrameKind.AfterThen } && kw.Text == "else")
        {
            _c.Pos += 2;
            output.Add(new Instr(Op.Else), kw);
            top.Kind = FrameKind.Else;
            return;
        }
        if (top is { Kind: FrameKind.AfterThen or FrameKind.AfterElse }) throw _c.Unexpected(kw);
        _c.Pos += 2;
        switch (kw.Text)
        {
            case "block" or "loop":
            {
                var label = _c.TryId();
                var op = kw.Text == "block" ? Op.Block : Op.Loop;
                output.Add(new Instr(op) { Block = ParseBlockType() }, kw);
                labels.Add(new Label(label, false, op));
                frames.Push(new Frame { Kind = FrameKind.Block, Depth = labels.Count });
                return;
            }
            case "if":
            {
                var label = _c.TryId();
                var instr = new Instr(Op.If) { Block = ParseBlockType() };
                frames.Push(new Frame { Kind = FrameKind.IfCondition, Pending = instr, PendingAt = kw, Label = label, Depth = labels.Count });
                return;
            }
            case "then" or "else" or "end":
                throw _c.Error("unexpected token", kw);
            default:
                var plain = ParsePlain(kw, labels, locals);
                frames.Push(new Frame { Kind = FrameKind.Folded, Pending = plain, PendingAt = kw, Depth = labels.Count });
                return;
        }
    }

    /// <summary>One unfolded instruction; block/loop/if open a flat label that 'end' closes.</summary>
    private void ParseFlat(Expr output, List<Label> labels, NameSpace? locals, int frameDepth)
    {
        var kw = _c.Next();
        switch (kw.Text)
        {
            case "block" or "loop" or "if":
            {
                var label = _c.TryId();
                var op = kw.Text switch { "block" => Op.Block, "loop" => Op.Loop, _ => Op.If };
                output.Add(new Instr(op) { Block = ParseBlockType() }, kw);
                labels.Add(new Label(label, true, op));
                return;
            }
            case "else":
            {
                if (labels.Count <= frameDepth || labels[^1] is not { Kind: Op.If, HasElse: false } open) throw _c.Error("unexpected token", kw);
                CheckEndLabel(open);
                labels[^1] = open with { HasElse = true };
                output.Add(new Instr(Op.Else), kw);
                return;
            }
            case "end":
            {
                if (labels.Count <= frameDepth) throw _c.Error("unexpected token", kw);
                CheckEndLabel(labels[^1]);
                labels.RemoveAt(labels.Count - 1);
                output.Add(Instr.End(), kw);
                return;
            }
            case "then":
                throw _c.Error("unexpected token", kw);
            default:
                output.Add(ParsePlain(kw, labels, locals), kw);
                return;
        }
    }

    /// <summary>'end $l' / 'else $l' must repeat the block's own label (spec 6.5.2).</summary>
    private void CheckEndLabel(Label open)
    {
        var t = _c.Peek();
        var id = _c.TryId();
        if (id is not null && id != open.Name) throw _c.Error("mismatching label", t);
    }

    /// <summary>A non-block instruction and its immediates; <paramref name="kw"/> has been consumed.</summary>
    private Instr ParsePlain(Token kw, List<Label> labels, NameSpace? locals)
    {
        var name = kw.Text!;
        if (!OpTable.TryGet(name, out var info) || info.Imm == Imm.Block || info.Op is Op.Else or Op.End)
        {
            if (Keywords.UnsupportedFeature(name) is { } feature) throw _c.Unsupported(feature, $"the instruction {name}", kw);
            throw _c.Unexpected(kw);
        }
        switch (info.Imm)
        {
            case Imm.None:
                if (info.Op == Op.Select && _c.AtField("result"))
                {
                    var types = new List<ValType>();
                    ParseResults(types);
                    return new Instr(Op.SelectT) { Types = types.ToArray() };
                }
                return new Instr(info.Op);
            case Imm.Label:
                return new Instr(info.Op) { Index = ResolveLabel(labels) };
            case Imm.BrTable:
            {
                var targets = new List<uint>();
                while (_c.Peek().Kind == TokenKind.Id || _c.AtNat()) targets.Add(ResolveLabel(labels));
                if (targets.Count == 0) throw _c.Unexpected();
                return new Instr(Op.BrTable) { Labels = targets.Take(targets.Count - 1).ToArray(), Index = targets[^1] };
            }
            case Imm.Func:
                return new Instr(info.Op) { Index = _funcs.Resolve(_c) };
            case Imm.CallIndirect:
            {
                var table = AtIndex() ? _tables.Resolve(_c) : 0;
                var type = ParseTypeUse(null, out _);
                return new Instr(Op.CallIndirect) { Index = type, Index2 = table };
            }
            case Imm.Local:
                return new Instr(info.Op) { Index = ResolveLocal(locals) };
            case Imm.Global:
                return new Instr(info.Op) { Index = _globals.Resolve(_c) };
            case Imm.Table:
                return new Instr(info.Op) { Index = AtIndex() ? _tables.Resolve(_c) : 0 };
            case Imm.Memory:
                return new Instr(info.Op) { Index = AtIndex() ? _memories.Resolve(_c) : 0 };
            case Imm.MemArg:
                return ParseMemArg(info);
            case Imm.I32:
                return new Instr(Op.I32Const) { Value = ParseIntConst(32) };
            case Imm.I64:
                return new Instr(Op.I64Const) { Value = ParseIntConst(64) };
            case Imm.F32:
                return new Instr(Op.F32Const) { Value = ParseFloatConst(32) };
            case Imm.F64:
                return new Instr(Op.F64Const) { Value = ParseFloatConst(64) };
            case Imm.RefNull:
                return new Instr(Op.RefNull) { Types = [ParseHeapType()] };
            case Imm.MemoryInit:
            {
                // memory.init memidx? dataidx: with one index it names the data segment.
                var memory = IsIndex(_c.Peek(1)) ? _memories.Resolve(_c) : 0;
                return new Instr(Op.MemoryInit) { Index = _datas.Resolve(_c), Index2 = memory };
            }
            case Imm.MemoryCopy:
            {
                if (!AtIndex()) return new Instr(Op.MemoryCopy);
                var dst = _memories.Resolve(_c);
                return new Instr(Op.MemoryCopy) { Index = dst, Index2 = _memories.Resolve(_c) };
            }
            case Imm.Data:
                return new Instr(info.Op) { Index = _datas.Resolve(_c) };
            case Imm.TableInit:
            {
                var table = IsIndex(_c.Peek(1)) ? _tables.Resolve(_c) : 0;
                return new Instr(Op.TableInit) { Index = _elems.Resolve(_c), Index2 = table };
            }
            case Imm.TableCopy:
            {
                if (!AtIndex()) return new Instr(Op.TableCopy);
                var dst = _tables.Resolve(_c);
                return new Instr(Op.TableCopy) { Index = dst, Index2 = _tables.Resolve(_c) };
            }
            case Imm.Elem:
                return new Instr(info.Op) { Index = _elems.Resolve(_c) };
            default:
                throw _c.Unexpected(kw);
        }
    }

    private bool AtIndex() => IsIndex(_c.Peek());

    private static bool IsIndex(Token t) => t.Kind == TokenKind.Id || (t.Kind == TokenKind.Keyword && t.Text!.Length > 0 && char.IsAsciiDigit(t.Text[0]));

    private uint ResolveLabel(List<Label> labels)
    {
        var t = _c.Peek();
        if (t.Kind != TokenKind.Id) return _c.ExpectU32();
        _c.Next();
        for (var i = labels.Count - 1; i >= 0; i--)
            if (labels[i].Name == t.Text) return (uint)(labels.Count - 1 - i);
        throw _c.Error($"unknown label ${t.Text}", t);
    }

    private uint ResolveLocal(NameSpace? locals)
    {
        var t = _c.Peek();
        if (t.Kind == TokenKind.Id && locals is null)
            throw _c.Error($"unknown local ${t.Text}", t);
        return locals?.Resolve(_c) ?? _c.ExpectU32();
    }

    /// <summary>memidx? offset=n? align=n? (spec 6.5.6, multi-memory); align must be a power of two.</summary>
    private Instr ParseMemArg(OpInfo info)
    {
        var memory = AtIndex() ? _memories.Resolve(_c) : 0;
        ulong offset = 0;
        var t = _c.Peek();
        if (t.Kind == TokenKind.Keyword && t.Text!.StartsWith("offset=", StringComparison.Ordinal))
        {
            offset = MemArgNumber(t, "offset=".Length);
            _c.Next();
            t = _c.Peek();
        }
        var align = (uint)info.NaturalAlign;
        if (t.Kind == TokenKind.Keyword && t.Text!.StartsWith("align=", StringComparison.Ordinal))
        {
            var bytes = MemArgNumber(t, "align=".Length);
            if (bytes == 0 || (bytes & (bytes - 1)) != 0) throw _c.Error("alignment must be a power of two", t);
            align = (uint)BitOperations.Log2(bytes);
            _c.Next();
        }
        return new Instr(info.Op) { Index = memory, Value = offset, Align = align };
    }

    private ulong MemArgNumber(Token t, int prefix)
    {
        return TextNumbers.ParseNat(t.Text![prefix..], out var v) switch
        {
            NumberStatus.Ok => v,
            NumberStatus.OutOfRange => throw _c.Error("constant out of range", t),
            _ => throw _c.Error($"unknown operator {t.Text}", t),
        };
    }

    private ulong ParseIntConst(int bits)
    {
        var t = _c.Peek();
        if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
        var st = TextNumbers.ParseInt(t.Text!, bits, out var v);
        return Const(st, t, v);
    }

    private ulong ParseFloatConst(int bits)
    {
        var t = _c.Peek();
        if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
        NumberStatus st;
        ulong v;
        if (bits == 32)
        {
            st = TextNumbers.ParseF32(t.Text!, out var f);
            v = f;
        }
        else st = TextNumbers.ParseF64(t.Text!, out v);
        return Const(st, t, v);
    }

    private ulong Const(NumberStatus st, Token t, ulong v)
    {
        switch (st)
        {
            case NumberStatus.Ok: _c.Next(); return v;
            case NumberStatus.OutOfRange: throw _c.Error("constant out of range", t);
            default: throw _c.Unexpected(t);
        }
    }
}
