namespace Gust.Wasm.Text;

/// <summary>Value types, function types, type uses, limits and the other type syntax (spec 6.4, 6.6.3).</summary>
internal sealed partial class WatModuleParser
{
    /// <summary>valtype (spec 6.4.1); out-of-scope types are reported as unsupported.</summary>
    private ValType ParseValType()
    {
        var t = _c.Peek();
        if (t.Kind == TokenKind.LParen && _c.IsKeyword("ref", 1)) return ParseRefType();
        if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
        _c.Next();
        return t.Text switch
        {
            "i32" => ValType.I32,
            "i64" => ValType.I64,
            "f32" => ValType.F32,
            "f64" => ValType.F64,
            "funcref" => ValType.FuncRef,
            "externref" => ValType.ExternRef,
            "v128" => throw _c.Unsupported(Features.Simd, "the v128 type", t),
            "exnref" or "nullexnref" => throw _c.Unsupported(Features.Exceptions, $"the {t.Text} type", t),
            "anyref" or "eqref" or "i31ref" or "structref" or "arrayref" or "nullref" or "nullfuncref" or "nullexternref" =>
                throw _c.Unsupported(Features.Gc, $"the {t.Text} type", t),
            _ => throw _c.Unexpected(t),
        };
    }

    private bool AtValType()
    {
        var t = _c.Peek();
        if (t.Kind == TokenKind.LParen) return _c.IsKeyword("ref", 1);
        return t.Kind == TokenKind.Keyword && t.Text is "i32" or "i64" or "f32" or "f64" or "funcref" or "externref" or "v128"
            or "exnref" or "anyref" or "eqref" or "i31ref" or "structref" or "arrayref" or "nullref" or "nullfuncref" or "nullexternref" or "nullexnref";
    }

    /// <summary>reftype: funcref, externref, or (ref null func|extern), the only typed forms that mean the same.</summary>
    private ValType ParseRefType()
    {
        var t = _c.Peek();
        if (t.Kind == TokenKind.Keyword)
        {
            var v = ParseValType();
            return v.IsRef() ? v : throw _c.Error("unexpected token", t);
        }
        _c.ExpectLParen();
        _c.ExpectKeyword("ref");
        var nullable = _c.TryKeyword("null");
        var heap = _c.Peek();
        if (heap.Kind == TokenKind.Keyword && nullable && heap.Text is "func" or "extern")
        {
            _c.Next();
            _c.ExpectRParen();
            return heap.Text == "func" ? ValType.FuncRef : ValType.ExternRef;
        }
        if (heap.Kind == TokenKind.Keyword && heap.Text is "any" or "eq" or "i31" or "struct" or "array" or "none" or "nofunc" or "noextern")
            throw _c.Unsupported(Features.Gc, $"the heap type {heap.Text}", heap);
        if (heap.Kind == TokenKind.Keyword && heap.Text is "exn" or "noexn")
            throw _c.Unsupported(Features.Exceptions, $"the heap type {heap.Text}", heap);
        if (heap.Kind is TokenKind.Keyword or TokenKind.Id)
            throw _c.Unsupported(Features.FunctionReferences, "a typed reference type", t);
        throw _c.Unexpected(heap);
    }

    /// <summary>Heap type after ref.null: func or extern.</summary>
    private ValType ParseHeapType()
    {
        var t = _c.Peek();
        if (t.Kind == TokenKind.Keyword && t.Text is "func" or "extern")
        {
            _c.Next();
            return t.Text == "func" ? ValType.FuncRef : ValType.ExternRef;
        }
        if (t.Kind == TokenKind.Keyword && t.Text is "any" or "eq" or "i31" or "struct" or "array" or "none" or "nofunc" or "noextern")
            throw _c.Unsupported(Features.Gc, $"the heap type {t.Text}", t);
        if (t.Kind == TokenKind.Keyword && t.Text is "exn" or "noexn")
            throw _c.Unsupported(Features.Exceptions, $"the heap type {t.Text}", t);
        if (t.Kind == TokenKind.Id || _c.AtNat()) throw _c.Unsupported(Features.FunctionReferences, "a typed reference", t);
        throw _c.Unexpected(t);
    }

    /// <summary>
    /// (param …)* (result …)*: with <paramref name="names"/> given, params may be named ($x t), one type each.
    /// </summary>
    private void ParseParamsResults(List<ValType> parameters, List<ValType> results, List<(string? Name, Token At)>? names)
    {
        while (_c.AtField("param"))
        {
            _c.Pos += 2;
            var idTok = _c.Peek();
            var id = _c.TryId();
            if (id is not null)
            {
                if (names is null) throw _c.Error("unexpected token", idTok);
                parameters.Add(ParseValType());
                names.Add((id, idTok));
            }
            else
            {
                while (!_c.IsRParen())
                {
                    parameters.Add(ParseValType());
                    names?.Add((null, idTok));
                }
            }
            _c.ExpectRParen();
        }
        ParseResults(results);
    }

    /// <summary>(result t*)*.</summary>
    private void ParseResults(List<ValType> results)
    {
        while (_c.AtField("result"))
        {
            _c.Pos += 2;
            while (!_c.IsRParen()) results.Add(ParseValType());
            _c.ExpectRParen();
        }
    }

    /// <summary>(type $id? (func …)) — called in the first pass so later type uses can see every explicit type.</summary>
    private void ParseTypeField(Token at)
    {
        var id = _c.TryId();
        if (_c.AtField("struct") || _c.AtField("array") || _c.AtField("sub"))
            throw _c.Unsupported(Features.Gc, "a struct, array or sub type", _c.Peek(1));
        if (!_c.TryField("func")) throw _c.Unexpected();
        _c.TryId();
        var ps = new List<ValType>();
        var rs = new List<ValType>();
        ParseParamsResults(ps, rs, new List<(string?, Token)>());
        _c.ExpectRParen();
        _c.ExpectRParen();
        _types.Define(id, at, _c);
        _module.Types.Add(new FuncType(ps.ToArray(), rs.ToArray()));
    }

    /// <summary>
    /// typeuse (spec 6.6.3): (type x)? params results. Inline types must agree with (type x)
    /// ("inline function type"); without (type x) the first matching type is used or a new one is
    /// appended (spec 6.6.14).
    /// </summary>
    private uint ParseTypeUse(List<(string? Name, Token At)>? paramNames, out FuncType? type)
    {
        uint? explicitIndex = null;
        var at = _c.Peek();
        if (_c.TryField("type"))
        {
            explicitIndex = _types.Resolve(_c);
            _c.ExpectRParen();
        }
        var ps = new List<ValType>();
        var rs = new List<ValType>();
        ParseParamsResults(ps, rs, paramNames);
        // Params after results, or a second (type …), is out of order rather than a type mismatch.
        if (_c.AtField("param") || _c.AtField("type")) throw _c.Error("unexpected token", _c.Peek(1));
        var inline = new FuncType(ps.ToArray(), rs.ToArray());
        if (explicitIndex is { } x)
        {
            type = x < _module.Types.Count ? _module.Types[(int)x] : null;
            if (ps.Count + rs.Count > 0 && type is null) throw _c.Error("unknown type", at);
            if (ps.Count + rs.Count > 0 && !type!.Equals(inline)) throw _c.Error("inline function type", at);
            if (paramNames is not null && ps.Count == 0 && type is not null)
                foreach (var _ in type.Params) paramNames.Add((null, at));
            return x;
        }
        type = inline;
        return InternType(inline);
    }

    private uint InternType(FuncType type)
    {
        var i = _module.Types.IndexOf(type);
        if (i >= 0) return (uint)i;
        _module.Types.Add(type);
        return (uint)(_module.Types.Count - 1);
    }

    /// <summary>
    /// Block type (spec 6.5.2): empty or one result stays short; params or several results become a type use.
    /// </summary>
    private BlockType ParseBlockType()
    {
        if (!_c.AtField("type") && !_c.AtField("param"))
        {
            if (!_c.AtField("result")) return BlockType.Empty;
            var save = _c.Pos;
            var rs = new List<ValType>();
            ParseResults(rs);
            if (rs.Count == 0) return BlockType.Empty;
            if (rs.Count == 1 && !_c.AtField("param") && !_c.AtField("type")) return BlockType.Of(rs[0]);
            _c.Pos = save;
        }
        var index = ParseTypeUse(null, out _);
        // (type x) naming [] -> [t] or [] -> [] is still a type index in the binary the reference writes.
        return BlockType.Indexed(index);
    }

    /// <summary>limits (spec 6.4.4): min max? as u64; the bounds for the index type are the validator's rule.</summary>
    private Limits ParseLimits()
    {
        var min = _c.ExpectNat();
        ulong? max = _c.AtNat() ? _c.ExpectNat() : null;
        return new Limits(min, max);
    }

    private TableType ParseTableType()
    {
        var t = _c.Peek();
        if (_c.IsKeyword("i64") || _c.IsKeyword("i32"))
        {
            if (_c.Next().Text == "i64") throw _c.Unsupported(Features.Table64, "a table with i64 indices", t);
        }
        var limits = ParseLimits();
        var elem = ParseRefType();
        if (!_c.IsRParen()) throw _c.Unsupported(Features.FunctionReferences, "a table initializer expression", _c.Peek());
        return new TableType(elem, limits);
    }

    /// <summary>memtype with the custom-page-sizes proposal: limits (pagesize n)?.</summary>
    private MemoryType ParseMemoryType()
    {
        var t = _c.Peek();
        if (_c.IsKeyword("i64") || _c.IsKeyword("i32"))
        {
            if (_c.Next().Text == "i64") throw _c.Unsupported(Features.Memory64, "a memory with i64 addresses", t);
        }
        var limits = ParseLimits();
        var pageSizeLog2 = ParsePageSize();
        return pageSizeLog2 is { } log2 ? new MemoryType(limits, log2) { HasCustomPageSize = true } : new MemoryType(limits);
    }

    /// <summary>(pagesize n): n must be a power of two; which powers are allowed is the validator's rule.</summary>
    private int? ParsePageSize()
    {
        if (!_c.AtField("pagesize")) return null;
        _c.Pos += 2;
        var t = _c.Peek();
        var size = _c.ExpectNat();
        if (size == 0 || (size & (size - 1)) != 0) throw _c.Error("invalid custom page size", t);
        _c.ExpectRParen();
        return System.Numerics.BitOperations.Log2(size);
    }

    private GlobalType ParseGlobalType()
    {
        if (_c.TryField("mut"))
        {
            var t = ParseValType();
            _c.ExpectRParen();
            return new GlobalType(t, true);
        }
        return new GlobalType(ParseValType(), false);
    }
}
