using Gust.Wasm.Text;

namespace Gust.Wasm.Wast;

/// <summary>Constants and expected results of script commands (spec interpreter's script grammar).</summary>
public static partial class WastParser
{
    private sealed partial class ScriptParser
    {
        /// <summary>Nested (either …) is meaningless past one level; the bound keeps recursion shallow on any input.</summary>
        private const int MaxEitherDepth = 16;

        private WastResult Result(int depth = 0)
        {
            if (_c.AtField("either"))
            {
                if (depth == MaxEitherDepth) throw _c.Error("either nested too deeply");
                _c.Pos += 2;
                var choices = new List<WastResult>();
                while (!_c.IsRParen()) choices.Add(Result(depth + 1));
                Close();
                return new EitherResult(choices);
            }
            return Value(allowPatterns: true);
        }

        /// <summary>A constant (spec script "const"/"result"): numbers, NaN patterns in results, references.</summary>
        private WastResult Value(bool allowPatterns)
        {
            _c.ExpectLParen();
            var op = _c.Next();
            if (op.Kind != TokenKind.Keyword) throw _c.Unexpected(op);
            WastResult r;
            switch (op.Text)
            {
                case "i32.const":
                    r = new ExactResult(new WastValue(ValType.I32, Int(32)));
                    break;
                case "i64.const":
                    r = new ExactResult(new WastValue(ValType.I64, Int(64)));
                    break;
                case "f32.const" or "f64.const":
                {
                    var type = op.Text == "f32.const" ? ValType.F32 : ValType.F64;
                    var t = _c.Peek();
                    if (allowPatterns && t.Kind == TokenKind.Keyword && t.Text is "nan:canonical" or "nan:arithmetic")
                    {
                        _c.Next();
                        r = new NanResult(type, t.Text == "nan:canonical" ? NanPattern.Canonical : NanPattern.Arithmetic);
                    }
                    else r = new ExactResult(new WastValue(type, Float(type)));
                    break;
                }
                case "ref.null" when allowPatterns && _c.IsRParen():
                    // (ref.null) matches a null of any reference type; in scope that is funcref or externref.
                    r = new EitherResult([new ExactResult(WastValue.NullRef(ValType.FuncRef)), new ExactResult(WastValue.NullRef(ValType.ExternRef))]);
                    break;
                case "ref.null":
                {
                    var h = _c.Peek();
                    var type = h.Text switch
                    {
                        "func" or "nofunc" => ValType.FuncRef,
                        "extern" or "noextern" => ValType.ExternRef,
                        "exn" or "noexn" => throw _c.Unsupported(Features.Exceptions, "an exnref value", h),
                        _ => throw _c.Unsupported(Features.Gc, $"a null reference of heap type {h}", h),
                    };
                    _c.Next();
                    r = new ExactResult(WastValue.NullRef(type));
                    break;
                }
                case "ref.extern":
                    if (_c.IsRParen())
                    {
                        if (!allowPatterns) throw _c.Unexpected();
                        r = new AnyRefResult(ValType.ExternRef);
                    }
                    else r = new ExactResult(WastValue.Extern((uint)Int(32)));
                    break;
                case "ref.func":
                    if (!allowPatterns) throw _c.Unexpected(op);
                    if (!_c.IsRParen()) _c.Next();
                    r = new AnyRefResult(ValType.FuncRef);
                    break;
                case "v128.const":
                    throw _c.Unsupported(Features.Simd, "a v128 value", op);
                case "ref.exn":
                    throw _c.Unsupported(Features.Exceptions, "an exnref value", op);
                case "ref.host":
                    throw _c.Unsupported(Features.Gc, "a host reference", op);
                case "ref.i31" or "ref.struct" or "ref.array" or "ref.any" or "ref.eq" or "ref.i31_shared":
                    throw _c.Unsupported(Features.Gc, $"a {op.Text} value", op);
                default:
                    throw _c.Unexpected(op);
            }
            Close();
            return r;
        }

        private ulong Int(int bits)
        {
            var t = _c.Peek();
            if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
            return TextNumbers.ParseInt(t.Text!, bits, out var v) switch
            {
                NumberStatus.Ok => Advance(v),
                NumberStatus.OutOfRange => throw _c.Error("constant out of range", t),
                _ => throw _c.Unexpected(t),
            };
        }

        private ulong Float(ValType type)
        {
            var t = _c.Peek();
            if (t.Kind != TokenKind.Keyword) throw _c.Unexpected(t);
            NumberStatus st;
            ulong v;
            if (type == ValType.F32)
            {
                st = TextNumbers.ParseF32(t.Text!, out var f);
                v = f;
            }
            else st = TextNumbers.ParseF64(t.Text!, out v);
            return st switch
            {
                NumberStatus.Ok => Advance(v),
                NumberStatus.OutOfRange => throw _c.Error("constant out of range", t),
                _ => throw _c.Unexpected(t),
            };
        }

        private ulong Advance(ulong v)
        {
            _c.Next();
            return v;
        }
    }
}
