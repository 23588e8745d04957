namespace Gust.Wasm.Text;

/// <summary>Element and data segments in all their text forms (spec 6.6.12, 6.6.13), and offsets.</summary>
internal sealed partial class WatModuleParser
{
    /// <summary>
    /// (elem $id? …) in all its forms (spec 6.6.12). Flags record the form written: function
    /// indices give 0-3, expressions 4-7; an explicit (table x) gives the table-carrying form.
    /// </summary>
    private void ParseElem(Token at)
    {
        _c.TryId();
        var seg = new ElemSegment { At = Point(at) };
        var explicitTable = false;
        if (_c.TryKeyword("declare")) seg.Mode = SegmentMode.Declarative;
        else
        {
            if (_c.TryField("table"))
            {
                seg.Table = _tables.Resolve(_c);
                _c.ExpectRParen();
                explicitTable = true;
            }
            if (explicitTable || AtOffset())
            {
                seg.Mode = SegmentMode.Active;
                (seg.Offset, seg.OffsetPositions) = ParseExprField("offset").Finish();
            }
            else seg.Mode = SegmentMode.Passive;
        }
        ParseElemList(seg, allowBareIndices: seg.Mode == SegmentMode.Active && !explicitTable);
        var exprForm = seg.Exprs is not null;
        seg.Flags = seg.Mode switch
        {
            SegmentMode.Passive => 1,
            SegmentMode.Declarative => 3,
            _ => (byte)(explicitTable || (exprForm && seg.ElemType != ValType.FuncRef) ? 2 : 0),
        };
        if (exprForm) seg.Flags |= 4;
        _module.Elems.Add(seg);
    }

    /// <summary>Whether an offset follows: (offset instr*) or a single folded instruction.</summary>
    private bool AtOffset() => _c.IsLParen() && _c.Peek(1).Kind == TokenKind.Keyword && _c.Peek(1).Text is not ("item" or "ref");

    /// <summary>
    /// (<paramref name="keyword"/> instr*) or a single folded instruction, as offsets and element
    /// expressions are written; the implicit End is placed at the closing ')'.
    /// </summary>
    private Expr ParseExprField(string keyword)
    {
        var expr = StartExpr();
        if (_c.TryField(keyword))
        {
            ParseExpr(expr, null);
            _c.ExpectRParen();
            return expr;
        }
        if (!_c.IsLParen()) throw _c.Unexpected();
        ParseInstrs(expr, null, stopAfterOne: true);
        expr.Add(Instr.End(), _c.Peek(-1));
        return expr;
    }

    /// <summary>The offset (i32.const 0) of a segment written inline in its table or memory, placed at the segment.</summary>
    private Expr ImplicitOffset(Token at)
    {
        var expr = StartExpr();
        expr.Add(Instr.I32Const(0), at);
        expr.Add(Instr.End(), at);
        return expr;
    }

    /// <summary>
    /// elemlist: func x*, or reftype followed by (item instr*) / (instr) expressions. Bare indices
    /// (no func keyword) are the MVP abbreviation for active segments.
    /// </summary>
    private void ParseElemList(ElemSegment seg, bool allowBareIndices)
    {
        if (_c.TryKeyword("func") || (allowBareIndices && !AtValType()) || (_c.IsRParen() && seg.Mode == SegmentMode.Active))
        {
            seg.ElemType = ValType.FuncRef;
            seg.FuncIndices = new List<uint>();
            while (!_c.IsRParen()) seg.FuncIndices.Add(_funcs.Resolve(_c));
            return;
        }
        seg.ElemType = ParseRefType();
        ParseElemExprs(seg);
    }

    /// <summary>elemexpr*: (item instr*) or one folded instruction each.</summary>
    private void ParseElemExprs(ElemSegment seg)
    {
        seg.Exprs = new List<List<Instr>>();
        seg.ExprPositions = new List<InstrPositions>();
        while (!_c.IsRParen())
        {
            var (expr, positions) = ParseExprField("item").Finish();
            seg.Exprs.Add(expr);
            seg.ExprPositions.Add(positions);
        }
    }

    /// <summary>(data $id? string*) passive, or active with (memory x)? and an offset; explicit memory gives flag 2.</summary>
    private void ParseData(Token at)
    {
        _c.TryId();
        var seg = new DataSegment { At = Point(at) };
        var explicitMemory = false;
        if (_c.TryField("memory"))
        {
            seg.Memory = _memories.Resolve(_c);
            _c.ExpectRParen();
            explicitMemory = true;
        }
        if (explicitMemory || _c.IsLParen())
        {
            seg.Mode = SegmentMode.Active;
            (seg.Offset, seg.OffsetPositions) = ParseExprField("offset").Finish();
            seg.Flags = (byte)(explicitMemory ? 2 : 0);
        }
        else
        {
            seg.Mode = SegmentMode.Passive;
            seg.Flags = 1;
        }
        seg.Bytes = ParseDataStrings();
        _module.Datas.Add(seg);
    }

    private byte[] ParseDataStrings()
    {
        var bytes = new List<byte>();
        while (!_c.IsRParen()) bytes.AddRange(_c.ExpectString());
        return bytes.ToArray();
    }
}
