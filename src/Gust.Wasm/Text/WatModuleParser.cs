namespace Gust.Wasm.Text;

/// <summary>
/// Builds a <see cref="Module"/> from text-format tokens (spec 6.6). Two passes over the fields:
/// the first binds every $name and reads explicit type definitions, so fields may refer to ones
/// defined later; the second builds the module in field order, which gives each index space its
/// order (imports must come first, so order of appearance is index order).
/// </summary>
internal sealed partial class WatModuleParser
{
    private readonly TokenCursor _c;
    private readonly Module _module = new() { ItemPositions = new ItemPositions() };
    private readonly NameSpace _types = new("type");
    private readonly NameSpace _funcs = new("func");
    private readonly NameSpace _tables = new("table");
    private readonly NameSpace _memories = new("memory");
    private readonly NameSpace _globals = new("global");
    private readonly NameSpace _elems = new("elem");
    private readonly NameSpace _datas = new("data");
    private readonly PositionRecorder _positions = new();
    private uint _funcCount, _tableCount, _memoryCount, _globalCount;
    /// <summary>The keyword of the field being parsed: where its imports, tables and memories are placed.</summary>
    private Token _field;
    /// <summary>Kind of the first definition seen, for "import after function" and the like.</summary>
    private string? _firstDefinition;

    private WatModuleParser(TokenCursor cursor) => _c = cursor;

    /// <summary>
    /// Parses a module from the cursor: (module $id? field*) or bare fields, up to the end of input
    /// (or, with <paramref name="untilClose"/>, up to the ')' closing an enclosing form, left unread).
    /// </summary>
    public static Module Parse(TokenCursor c, bool untilClose = false)
    {
        var p = new WatModuleParser(c);
        if (!untilClose && c.AtField("module"))
        {
            c.Pos += 2;
            c.TryId();
            if (c.IsKeyword("binary") || c.IsKeyword("quote"))
                return ParseEncoded(c);
            p.ParseFields();
            c.ExpectRParen();
        }
        else p.ParseFields();
        if (!untilClose && c.Peek().Kind != TokenKind.Eof) throw c.Unexpected();
        return p._module;
    }

    /// <summary>(module $id? binary "…"*) or (module $id? quote "…"*), the script forms, accepted in a file too.</summary>
    private static Module ParseEncoded(TokenCursor c)
    {
        var binary = c.Next().Text == "binary";
        var bytes = new List<byte>();
        while (c.Peek().Kind == TokenKind.String) bytes.AddRange(c.Next().Bytes!);
        c.ExpectRParen();
        if (c.Peek().Kind != TokenKind.Eof) throw c.Unexpected();
        return binary
            ? Binary.ModuleReader.Read(bytes.ToArray(), c.File)
            : Parse(new TokenCursor(Lexer.Tokenize(bytes.ToArray()), c.File));
    }

    private void ParseFields()
    {
        var start = _c.Pos;
        CollectNames();
        _c.Pos = start;
        while (_c.IsLParen()) ParseField();
        if (_c.Peek().Kind != TokenKind.RParen && _c.Peek().Kind != TokenKind.Eof) throw _c.Unexpected();
    }

    /// <summary>First pass: bind names in every index space and read the type definitions.</summary>
    private void CollectNames()
    {
        while (_c.IsLParen())
        {
            var open = _c.Pos;
            var kw = _c.Peek(1);
            if (kw.Kind != TokenKind.Keyword) return;
            _c.Pos += 2;
            switch (kw.Text)
            {
                case "type":
                    ParseTypeField(kw);
                    continue;
                case "rec":
                    throw _c.Unsupported(Features.Gc, "a recursive type group", kw);
                case "func": _funcs.Define(_c.TryId(), kw, _c); break;
                case "table":
                    _tables.Define(_c.TryId(), kw, _c);
                    if (HasInlineChild("elem")) _elems.Define(null, kw, _c);
                    break;
                case "memory":
                    _memories.Define(_c.TryId(), kw, _c);
                    if (HasInlineChild("data")) _datas.Define(null, kw, _c);
                    break;
                case "global": _globals.Define(_c.TryId(), kw, _c); break;
                case "elem": _elems.Define(_c.TryId(), kw, _c); break;
                case "data": _datas.Define(_c.TryId(), kw, _c); break;
                case "import":
                    if (_c.Peek().Kind == TokenKind.String && _c.Peek(1).Kind == TokenKind.String && _c.IsLParen(2))
                    {
                        _c.Pos += 3;
                        var kind = _c.Peek();
                        _c.Next();
                        var space = kind.Text switch
                        {
                            "func" => _funcs, "table" => _tables, "memory" => _memories, "global" => _globals, _ => null,
                        };
                        space?.Define(_c.TryId(), kind, _c);
                    }
                    break;
            }
            _c.Pos = open + 1;
            if (!_c.SkipPastClose()) return;
        }
    }

    /// <summary>Whether the field whose contents start here has a direct child (kw …).</summary>
    private bool HasInlineChild(string kw)
    {
        var save = _c.Pos;
        var found = false;
        while (true)
        {
            var t = _c.Peek();
            if (t.Kind is TokenKind.RParen or TokenKind.Eof) break;
            if (t.Kind == TokenKind.LParen)
            {
                if (_c.IsKeyword(kw, 1)) { found = true; break; }
                _c.Next();
                if (!_c.SkipPastClose()) break;
            }
            else _c.Next();
        }
        _c.Pos = save;
        return found;
    }

    private void ParseField()
    {
        var open = _c.Pos;
        var kw = _c.Peek(1);
        if (kw.Kind != TokenKind.Keyword) throw _c.Unexpected(kw);
        _c.Pos += 2;
        _field = kw;
        switch (kw.Text)
        {
            case "type":
                _c.Pos = open + 1;
                _c.SkipPastClose();
                return;
            case "import": ParseImport(kw); break;
            case "func": ParseFunc(kw); break;
            case "table": ParseTable(kw); break;
            case "memory": ParseMemory(kw); break;
            case "global": ParseGlobal(kw); break;
            case "export": ParseExport(kw); break;
            case "start":
                if (_module.Start is not null) throw _c.Error("multiple start sections", kw);
                _module.ItemPositions!.Start = Point(kw);
                _module.Start = _funcs.Resolve(_c);
                break;
            case "elem": ParseElem(kw); break;
            case "data": ParseData(kw); break;
            case "tag": throw _c.Unsupported(Features.Exceptions, "a tag", kw);
            default: throw _c.Unexpected(kw);
        }
        _c.ExpectRParen();
    }

    private void NoteDefinition(string kind) => _firstDefinition ??= kind;

    private void CheckImportOrder(Token at)
    {
        if (_firstDefinition is not null) throw _c.Error($"import after {_firstDefinition}", at);
    }

    /// <summary>(import "m" "n" desc).</summary>
    private void ParseImport(Token at)
    {
        var moduleName = _c.ExpectName();
        var name = _c.ExpectName();
        CheckImportOrder(at);
        _c.ExpectLParen();
        var kind = _c.Next();
        if (kind.Kind != TokenKind.Keyword) throw _c.Unexpected(kind);
        _c.TryId();
        switch (kind.Text)
        {
            case "func": ImportFunc(moduleName, name); break;
            case "table": ImportTable(moduleName, name); break;
            case "memory": ImportMemory(moduleName, name); break;
            case "global": ImportGlobal(moduleName, name); break;
            case "tag": throw _c.Unsupported(Features.Exceptions, "a tag import", kind);
            default: throw _c.Unexpected(kind);
        }
        _c.ExpectRParen();
    }

    private void ImportFunc(string moduleName, string name)
    {
        // Parameter names are allowed here but bind nothing, as there is no body.
        var type = ParseTypeUse(new List<(string?, Token)>(), out _);
        AddImport(new Import(moduleName, name, ExternKind.Func) { FuncTypeIndex = type });
        _funcCount++;
    }

    private void ImportTable(string moduleName, string name)
    {
        AddImport(new Import(moduleName, name, ExternKind.Table) { Table = ParseTableType() });
        _tableCount++;
    }

    private void ImportMemory(string moduleName, string name)
    {
        AddImport(new Import(moduleName, name, ExternKind.Memory) { Memory = ParseMemoryType() });
        _memoryCount++;
    }

    private void ImportGlobal(string moduleName, string name)
    {
        AddImport(new Import(moduleName, name, ExternKind.Global) { Global = ParseGlobalType() });
        _globalCount++;
    }

    private void AddImport(Import import)
    {
        _module.Imports.Add(import);
        _module.ItemPositions!.Imports.Add(Point(_field));
    }

    private void AddExport(Export export, Token at)
    {
        _module.Exports.Add(export);
        _module.ItemPositions!.Exports.Add(Point(at));
    }

    private void AddTable(TableType table)
    {
        _module.Tables.Add(table);
        _module.ItemPositions!.Tables.Add(Point(_field));
    }

    private void AddMemory(MemoryType memory)
    {
        _module.Memories.Add(memory);
        _module.ItemPositions!.Memories.Add(Point(_field));
    }

    /// <summary>Inline (export "n")* then an optional inline (import "m" "n"); returns the import names if any.</summary>
    private (string Module, string Name)? ParseInlineExportsImport(ExternKind kind, uint index)
    {
        while (_c.AtField("export"))
        {
            var at = _c.Peek(1);
            _c.Pos += 2;
            AddExport(new Export(_c.ExpectName(), kind, index), at);
            _c.ExpectRParen();
        }
        if (!_c.AtField("import")) return null;
        CheckImportOrder(_c.Peek(1));
        _c.Pos += 2;
        var m = _c.ExpectName();
        var n = _c.ExpectName();
        _c.ExpectRParen();
        return (m, n);
    }

    private void ParseFunc(Token at)
    {
        _c.TryId();
        var index = _funcCount;
        if (ParseInlineExportsImport(ExternKind.Func, index) is { } imp)
        {
            ImportFunc(imp.Module, imp.Name);
            return;
        }
        NoteDefinition("function");
        _funcCount++;
        var locals = new NameSpace("local");
        var paramNames = new List<(string? Name, Token At)>();
        var typeIndex = ParseTypeUse(paramNames, out _);
        foreach (var (name, nameAt) in paramNames) locals.Define(name, nameAt, _c);
        _module.Funcs.Add(typeIndex);
        var code = new Code { At = Point(at) };
        ParseLocals(code, locals);
        var body = StartExpr(code.Body);
        ParseExpr(body, locals);
        (_, code.Positions) = body.Finish();
        _module.Codes.Add(code);
    }

    /// <summary>(local $x t) and (local t*); one group per run of equal types, as the reference interpreter writes them.</summary>
    private void ParseLocals(Code code, NameSpace locals)
    {
        while (_c.AtField("local"))
        {
            _c.Pos += 2;
            var idTok = _c.Peek();
            var id = _c.TryId();
            if (id is not null)
            {
                AddLocal(code, ParseValType());
                locals.Define(id, idTok, _c);
            }
            else
            {
                while (!_c.IsRParen())
                {
                    AddLocal(code, ParseValType());
                    locals.Define(null, idTok, _c);
                }
            }
            _c.ExpectRParen();
        }
    }

    private static void AddLocal(Code code, ValType t)
    {
        if (code.Locals.Count > 0 && code.Locals[^1].Type == t) code.Locals[^1] = new LocalGroup(code.Locals[^1].Count + 1, t);
        else code.Locals.Add(new LocalGroup(1, t));
    }

    private void ParseTable(Token at)
    {
        _c.TryId();
        var index = _tableCount;
        if (ParseInlineExportsImport(ExternKind.Table, index) is { } imp)
        {
            ImportTable(imp.Module, imp.Name);
            return;
        }
        NoteDefinition("table");
        _tableCount++;
        if (!_c.AtNat() && !_c.IsKeyword("i64") && !_c.IsKeyword("i32"))
        {
            // (table reftype (elem …)): the table is sized to fit the inline segment.
            var elemType = ParseRefType();
            var elemAt = _c.Peek(1);
            if (!_c.TryField("elem")) throw _c.Unexpected();
            var seg = new ElemSegment { Mode = SegmentMode.Active, Table = index, ElemType = elemType, At = Point(elemAt) };
            (seg.Offset, seg.OffsetPositions) = ImplicitOffset(elemAt).Finish();
            if (_c.IsLParen()) ParseElemExprs(seg);
            else ParseElemList(seg, allowBareIndices: true);
            seg.Flags = (byte)((seg.FuncIndices is not null ? 0 : 4) | (index != 0 || elemType != ValType.FuncRef ? 2 : 0));
            _c.ExpectRParen();
            _elems.Define(null, elemAt, _c);
            _module.Elems.Add(seg);
            var n = (ulong)seg.Count;
            AddTable(new TableType(elemType, new Limits(n, n)));
            return;
        }
        AddTable(ParseTableType());
    }

    private void ParseMemory(Token at)
    {
        _c.TryId();
        var index = _memoryCount;
        if (ParseInlineExportsImport(ExternKind.Memory, index) is { } imp)
        {
            ImportMemory(imp.Module, imp.Name);
            return;
        }
        NoteDefinition("memory");
        _memoryCount++;
        if (_c.IsKeyword("i64")) throw _c.Unsupported(Features.Memory64, "a memory with i64 addresses", _c.Peek());
        if (!_c.AtNat() && !_c.IsKeyword("i32"))
        {
            // (memory (pagesize n)? (data …)): sized to fit the inline segment.
            var pageSizeLog2 = ParsePageSize();
            var dataAt = _c.Peek(1);
            if (!_c.TryField("data")) throw _c.Unexpected();
            var bytes = ParseDataStrings();
            _c.ExpectRParen();
            _datas.Define(null, dataAt, _c);
            var (offset, offsetPositions) = ImplicitOffset(dataAt).Finish();
            _module.Datas.Add(new DataSegment
            {
                Mode = SegmentMode.Active, Memory = index, Offset = offset, OffsetPositions = offsetPositions, Bytes = bytes,
                Flags = (byte)(index == 0 ? 0 : 2), At = Point(dataAt),
            });
            var log2 = pageSizeLog2 ?? 16;
            var pages = ((ulong)bytes.Length + (1UL << log2) - 1) >> log2;
            AddMemory(new MemoryType(new Limits(pages, pages), log2) { HasCustomPageSize = pageSizeLog2 is not null });
            return;
        }
        AddMemory(ParseMemoryType());
    }

    private void ParseGlobal(Token at)
    {
        _c.TryId();
        var index = _globalCount;
        if (ParseInlineExportsImport(ExternKind.Global, index) is { } imp)
        {
            ImportGlobal(imp.Module, imp.Name);
            return;
        }
        NoteDefinition("global");
        _globalCount++;
        var type = ParseGlobalType();
        var expr = StartExpr();
        ParseExpr(expr, null);
        var (init, positions) = expr.Finish();
        _module.Globals.Add(new Global(type, init) { At = Point(at), InitPositions = positions });
    }

    /// <summary>(export "n" (func|table|memory|global x)).</summary>
    private void ParseExport(Token at)
    {
        var name = _c.ExpectName();
        _c.ExpectLParen();
        var kind = _c.Next();
        (ExternKind k, NameSpace space) = kind.Text switch
        {
            "func" when kind.Kind == TokenKind.Keyword => (ExternKind.Func, _funcs),
            "table" when kind.Kind == TokenKind.Keyword => (ExternKind.Table, _tables),
            "memory" when kind.Kind == TokenKind.Keyword => (ExternKind.Memory, _memories),
            "global" when kind.Kind == TokenKind.Keyword => (ExternKind.Global, _globals),
            "tag" when kind.Kind == TokenKind.Keyword => throw _c.Unsupported(Features.Exceptions, "a tag export", kind),
            _ => throw _c.Unexpected(kind),
        };
        AddExport(new Export(name, k, space.Resolve(_c)), at);
        _c.ExpectRParen();
    }
}
