using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>Canonical definitions (CanonicalABI.md "Canonical Definitions"): core signatures and the options they need.</summary>
internal sealed partial class Checker
{
    private void Canon(Canon c, Scope s)
    {
        switch (c)
        {
            case CanonLift lift:
            {
                var core = CoreFuncAt(s, lift.CoreFunc);
                var ft = TypeAt(s, lift.Type) as FuncT ?? throw Fail($"type index {lift.Type} is not a function type");
                var opts = Options(lift.Options, s, lower: false);
                var sig = Flattening.CoreSignature(ft, lift: true);
                if (!sig.Params.SequenceEqual(core.Params))
                    throw Fail($"lowered parameter types `{Debug(sig.Params)}` do not match parameter types `{Debug(core.Params)}` of core function {lift.CoreFunc}");
                if (!sig.Results.SequenceEqual(core.Results))
                    throw Fail($"lowered result types `{Debug(sig.Results)}` do not match result types `{Debug(core.Results)}` of core function {lift.CoreFunc}");
                var paramsInMemory = ft.Params.Any(p => Flattening.UsesMemory(p.Type)) || ft.Params.Sum(p => Flattening.Flatten(p.Type).Count) > Flattening.MaxFlatParams;
                var resultsInMemory = ft.Result is { } r && (Flattening.UsesMemory(r) || Flattening.Flatten(r).Count > Flattening.MaxFlatResults);
                if ((paramsInMemory || resultsInMemory) && opts.Memory is null) throw Fail("canonical option `memory` is required");
                if (paramsInMemory && opts.Realloc is null) throw Fail("canonical option `realloc` is required");
                if (opts.PostReturn is { } pr)
                {
                    var prt = CoreFuncAt(s, pr);
                    if (!prt.Params.SequenceEqual(sig.Results) || prt.Results.Length != 0)
                        throw Fail("canonical option `post-return` uses a core function with an incorrect signature");
                }
                s.Funcs.Add(ft);
                break;
            }
            case CanonLower lower:
            {
                var ft = FuncAt(s, lower.Func);
                var opts = Options(lower.Options, s, lower: true);
                var paramsInMemory = ft.Params.Any(p => Flattening.UsesMemory(p.Type)) || ft.Params.Sum(p => Flattening.Flatten(p.Type).Count) > Flattening.MaxFlatParams;
                var resultsInMemory = ft.Result is { } r && (Flattening.UsesMemory(r) || Flattening.Flatten(r).Count > Flattening.MaxFlatResults);
                if ((paramsInMemory || resultsInMemory) && opts.Memory is null) throw Fail("canonical option `memory` is required");
                if (ft.Result is { } res && Flattening.UsesMemory(res) && opts.Realloc is null) throw Fail("canonical option `realloc` is required");
                s.CoreFuncs.Add(Flattening.CoreSignature(ft, lift: false));
                break;
            }
            case CanonResource res:
            {
                var r = TypeAt(s, res.Resource) as ResourceT ?? throw Fail($"type index {res.Resource} is not a resource type");
                if (res.Op != ResourceBuiltin.Drop && r.Id.Local != s) throw Fail($"type index {res.Resource} is not a local resource");
                s.CoreFuncs.Add(res.Op == ResourceBuiltin.Drop ? new FuncType([ValType.I32], []) : new FuncType([ValType.I32], [ValType.I32]));
                break;
            }
        }
    }

    private static string Debug(ValType[] types) => "[" + string.Join(", ", types.Select(t => t switch
    {
        ValType.I32 => "I32", ValType.I64 => "I64", ValType.F32 => "F32", ValType.F64 => "F64",
        ValType.FuncRef => "Ref(funcref)", _ => "Ref(externref)",
    })) + "]";

    private sealed record Opts(uint? Memory, uint? Realloc, uint? PostReturn);

    private Opts Options(List<CanonOpt> options, Scope s, bool lower)
    {
        CanonOpt? encoding = null;
        uint? memory = null, realloc = null, postReturn = null;
        foreach (var o in options)
        {
            switch (o.Kind)
            {
                case CanonOptKind.Utf8 or CanonOptKind.Utf16 or CanonOptKind.Latin1Utf16:
                    if (encoding is { } prev) throw Fail($"canonical encoding option `{Encoding(prev)}` conflicts with option `{Encoding(o)}`");
                    encoding = o;
                    break;
                case CanonOptKind.Memory:
                    if (memory is not null) throw Fail("canonical option `memory` is specified more than once");
                    CoreMemoryAt(s, o.Index);
                    memory = o.Index;
                    break;
                case CanonOptKind.Realloc:
                    if (realloc is not null) throw Fail("canonical option `realloc` is specified more than once");
                    var rt = CoreFuncAt(s, o.Index);
                    if (!rt.Equals(new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32], [ValType.I32])))
                        throw Fail("canonical option `realloc` uses a core function with an incorrect signature");
                    realloc = o.Index;
                    break;
                case CanonOptKind.PostReturn:
                    if (lower) throw Fail("canonical option `post-return` cannot be specified for lowerings");
                    if (postReturn is not null) throw Fail("canonical option `post-return` is specified more than once");
                    postReturn = o.Index;
                    break;
            }
        }
        if (realloc is not null && memory is null) throw Fail("canonical option `realloc` requires `memory` to also be specified");
        return new Opts(memory, realloc, postReturn);
    }

    private static string Encoding(CanonOpt o) => o.Kind switch
    {
        CanonOptKind.Utf8 => "utf8", CanonOptKind.Utf16 => "utf16", _ => "latin1-utf16",
    };
}
