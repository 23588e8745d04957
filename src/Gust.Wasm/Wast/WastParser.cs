using System.Text;
using Gust.Wasm.Text;

namespace Gust.Wasm.Wast;

/// <summary>
/// Parses a .wast script (spec interpreter's script format). The file is lexed once; modules are
/// kept as token ranges and parsed only when the runner asks (see <see cref="ModuleSource"/>), so a
/// malformed or out-of-scope module fails only its own command. The script itself fails only on
/// unbalanced parentheses or an unknown command.
/// </summary>
public static partial class WastParser
{
    public static WastScript Parse(string text, string? file = null) => Parse(Encoding.UTF8.GetBytes(text), file);

    public static WastScript Parse(byte[] source, string? file = null)
    {
        var c = new TokenCursor(Lexer.Tokenize(source), file);
        var p = new ScriptParser(c, source);
        var commands = new List<WastCommand>();
        // A script may be just the fields of one module, without (module …) (spec interpreter's inline module).
        if (c.IsLParen() && c.Peek(1) is { Kind: TokenKind.Keyword } first && ModuleFields.Contains(first.Text!))
        {
            var at = c.Location(c.Peek());
            var text = Encoding.UTF8.GetString(source);
            commands.Add(new ModuleCommand(at, null, new TextModuleSource(at, text, () => WatModuleParser.Parse(new TokenCursor(c.Tokens, file)))));
            return new WastScript(file, commands);
        }
        while (c.Peek().Kind != TokenKind.Eof)
        {
            var t = c.Peek();
            if (t.Kind == TokenKind.Error) throw c.Error(t.Text!, t);
            if (t.Kind != TokenKind.LParen) throw c.Error("unexpected token", t);
            commands.Add(p.Command());
        }
        return new WastScript(file, commands);
    }

    private static readonly HashSet<string> ModuleFields = new(StringComparer.Ordinal)
    {
        "type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data", "tag", "rec",
    };

    private sealed partial class ScriptParser
    {
        private readonly TokenCursor _c;
        private readonly byte[] _source;

        public ScriptParser(TokenCursor c, byte[] source)
        {
            _c = c;
            _source = source;
        }

        private SourceLocation Loc(Token t) => _c.Location(t);

        public WastCommand Command()
        {
            var open = _c.Peek();
            var kw = _c.Peek(1);
            if (kw.Kind != TokenKind.Keyword) throw _c.Error("unknown command", kw);
            var at = Loc(open);
            switch (kw.Text)
            {
                case "module":
                    return ModuleOrInstance();
                case "register":
                {
                    Enter();
                    var name = Name();
                    var id = _c.TryId();
                    Close();
                    return new RegisterCommand(at, name, id);
                }
                case "invoke" or "get":
                    return Guard(open, () => new ActionCommand(at, Action()));
                case "assert_return":
                    return Guard(open, () =>
                    {
                        Enter();
                        var action = Action();
                        var results = new List<WastResult>();
                        while (!_c.IsRParen()) results.Add(Result());
                        Close();
                        return new AssertReturn(at, action, results);
                    });
                case "assert_trap":
                    return Guard(open, () =>
                    {
                        Enter();
                        if (_c.AtField("module"))
                        {
                            var m = ModuleOnly();
                            var msg = Message();
                            Close();
                            return new AssertUninstantiable(at, m.Source, msg);
                        }
                        var action = Action();
                        var message = Message();
                        Close();
                        return new AssertTrap(at, action, message);
                    });
                case "assert_exhaustion":
                    return Guard(open, () =>
                    {
                        Enter();
                        var action = Action();
                        var msg = Message();
                        Close();
                        return new AssertExhaustion(at, action, msg);
                    });
                case "assert_malformed" or "assert_invalid" or "assert_unlinkable":
                {
                    Enter();
                    var m = ModuleOnly();
                    var msg = Message();
                    Close();
                    return kw.Text switch
                    {
                        "assert_malformed" => new AssertMalformed(at, m.Source, msg),
                        "assert_invalid" => new AssertInvalid(at, m.Source, msg),
                        _ => new AssertUnlinkable(at, m.Source, msg),
                    };
                }
                case "assert_exception":
                    return Guard(open, () =>
                    {
                        Enter();
                        var action = Action();
                        Close();
                        return new AssertException(at, action);
                    });
                case "thread" or "wait":
                    SkipCommand();
                    return new UnsupportedCommand(at, Features.Threads, $"the {kw.Text} command");
                case "assert_suspension":
                    SkipCommand();
                    return new UnsupportedCommand(at, "stack-switching", "assert_suspension");
                case "assert_malformed_custom" or "assert_invalid_custom":
                    SkipCommand();
                    return new UnsupportedCommand(at, "annotations", $"the {kw.Text} command");
                default:
                    throw _c.Error($"unknown command {kw.Text}", kw);
            }
        }

        /// <summary>
        /// Runs a command parser; an out-of-scope value in it (a v128 or GC reference) turns the whole
        /// command into an <see cref="UnsupportedCommand"/> naming the feature.
        /// </summary>
        private WastCommand Guard(Token open, Func<WastCommand> parse)
        {
            var start = _c.Pos;
            try
            {
                return parse();
            }
            catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported)
            {
                _c.Pos = start;
                SkipCommand();
                return new UnsupportedCommand(Loc(open), e.Diagnostic.Feature ?? "unknown", e.Diagnostic.Message);
            }
        }

        private void Enter() => _c.Pos += 2;

        private void Close() => _c.ExpectRParen();

        private void SkipCommand()
        {
            var open = _c.Peek();
            _c.Next();
            if (!_c.SkipPastClose()) throw _c.Error("unclosed parenthesis", open);
        }

        private string Name()
        {
            var bytes = _c.ExpectString();
            return Encoding.UTF8.GetString(bytes);
        }

        private string Message() => _c.Peek().Kind == TokenKind.String ? Name() : "";

        private WastCommand ModuleOrInstance()
        {
            if (!_c.IsKeyword("instance", 2)) return ModuleOnly();
            var at = Loc(_c.Peek());
            _c.Pos += 3;
            var instance = _c.TryId();
            var definition = _c.TryId();
            Close();
            return new ModuleInstanceCommand(at, instance, definition);
        }

        /// <summary>(module …) in any form, as a command; assertions take its <see cref="ModuleCommand.Source"/>.</summary>
        private ModuleCommand ModuleOnly()
        {
            var open = _c.Peek();
            var at = Loc(open);
            if (!_c.AtField("module")) throw _c.Unexpected();
            Enter();
            var definition = _c.TryKeyword("definition");
            var id = _c.TryId();
            ModuleSource source;
            if (_c.TryKeyword("binary"))
            {
                source = new BinaryModuleSource(at, Strings());
                Close();
            }
            else if (_c.TryKeyword("quote"))
            {
                var bytes = Strings();
                // Positions inside quoted text are relative to the concatenated strings; the file label says where they start.
                var file = $"{_c.File ?? "<input>"} (quote at {open.Line}:{open.Column})";
                source = new QuoteModuleSource(at, Encoding.UTF8.GetString(bytes), () =>
                    WatModuleParser.Parse(new TokenCursor(Lexer.Tokenize(bytes), file)));
                Close();
            }
            else
            {
                var start = _c.Pos;
                if (!_c.SkipPastClose()) throw _c.Error("unclosed parenthesis", open);
                var closeTok = _c.Peek(-1);
                var text = Encoding.UTF8.GetString(_source, open.Start, closeTok.End - open.Start);
                var c = _c;
                source = new TextModuleSource(at, text, () => ParseRange(c, start));
            }
            return new ModuleCommand(at, id, source, definition);
        }

        /// <summary>The module fields from token <paramref name="start"/> up to the closing ')'.</summary>
        private static Module ParseRange(TokenCursor shared, int start)
        {
            var c = new TokenCursor(shared.Tokens, shared.File, start);
            var m = WatModuleParser.Parse(c, untilClose: true);
            c.ExpectRParen();
            return m;
        }

        private byte[] Strings()
        {
            var bytes = new List<byte>();
            while (_c.Peek().Kind == TokenKind.String) bytes.AddRange(_c.Next().Bytes!);
            return bytes.ToArray();
        }

        private WastAction Action()
        {
            var open = _c.Peek();
            var at = Loc(open);
            if (_c.TryField("invoke"))
            {
                var id = _c.TryId();
                var name = Name();
                var args = new List<WastValue>();
                while (!_c.IsRParen()) args.Add(Value(allowPatterns: false) is ExactResult e ? e.Value : throw _c.Error("unexpected token"));
                Close();
                return new InvokeAction(at, id, name, args);
            }
            if (_c.TryField("get"))
            {
                var id = _c.TryId();
                var name = Name();
                Close();
                return new GetAction(at, id, name);
            }
            throw _c.Unexpected();
        }
    }
}
