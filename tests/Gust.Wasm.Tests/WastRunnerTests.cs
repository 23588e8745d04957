using Gust.Wasm.Linking;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// The runner's decisions, independent of any real engine: scripts are built as ASTs over
/// in-memory modules, and a scripted engine answers invocations.
/// </summary>
public class WastRunnerTests
{
    private static readonly FuncType VoidToI32 = new([], [ValType.I32]);
    private static int line;

    private static SourceLocation At() => SourceLocation.AtLine("t.wast", ++line, 1);

    /// <summary>A module exporting functions of the given types; each body is just `unreachable`.</summary>
    private static Module Exporting(params (string Name, FuncType Type)[] funcs)
    {
        var m = new Module();
        foreach (var (name, type) in funcs)
        {
            m.Types.Add(type);
            m.Funcs.Add((uint)m.Types.Count - 1);
            var code = new Code();
            code.Body.Add(new Instr(Op.Unreachable));
            code.Body.Add(Instr.End());
            m.Codes.Add(code);
            m.Exports.Add(new Export(name, ExternKind.Func, (uint)m.Funcs.Count - 1));
        }
        return m;
    }

    private static Module Importing(string module, string name, FuncType type)
    {
        var m = new Module();
        m.Types.Add(type);
        m.Imports.Add(new Import(module, name, ExternKind.Func) { FuncTypeIndex = 0 });
        return m;
    }

    private static ModuleSource Source(Func<Module> make) => new TextModuleSource(At(), "", make);
    private static ModuleSource Source(Module m) => Source(() => m);
    private static ModuleSource Failing(WasmException e) => Source(() => throw e);
    private static WasmException Simd() => WasmException.Unsupported(Features.Simd, "v128", At());

    private static InvokeAction Invoke(string name, string? module = null, params WastValue[] args) => new(At(), module, name, args);
    private static AssertReturn Returns(InvokeAction action, params WastResult[] expected) => new(At(), action, expected);
    private static ExactResult I32(int v) => new(WastValue.I32(v));

    private static IReadOnlyList<WastCommandResult> Run(ScriptedEngine engine, params WastCommand[] commands) =>
        new WastRunner(engine).Run(new WastScript("t.wast", commands));

    private static void AssertStatuses(IReadOnlyList<WastCommandResult> results, params WastStatus[] expected) =>
        Assert.Equal(expected, results.Select(r => r.Status));

    private const WastStatus P = WastStatus.Passed, F = WastStatus.Failed, S = WastStatus.Skipped;

    [Fact]
    public void Assert_return_compares_results()
    {
        var engine = new ScriptedEngine { ["one"] = _ => [WastValue.I32(1)] };
        var results = Run(engine,
            new ModuleCommand(At(), null, Source(Exporting(("one", VoidToI32)))),
            Returns(Invoke("one"), I32(1)),
            Returns(Invoke("one"), I32(2)),
            Returns(Invoke("one")));
        AssertStatuses(results, P, P, F, F);
        Assert.Equal("expected (i32.const 2), got (i32.const 1)", results[2].Message);
        Assert.Equal("expected (nothing), got (i32.const 1)", results[3].Message);
    }

    [Fact]
    public void Assert_trap_matches_trap_kinds()
    {
        var engine = new ScriptedEngine
        {
            ["div"] = _ => throw new WastTrapException([TrapKind.IntegerDivideByZero], "test"),
            ["one"] = _ => [WastValue.I32(1)],
        };
        var results = Run(engine,
            new ModuleCommand(At(), null, Source(Exporting(("div", VoidToI32), ("one", VoidToI32)))),
            new AssertTrap(At(), Invoke("div"), "integer divide by zero"),
            new AssertTrap(At(), Invoke("div"), "integer overflow"),
            new AssertTrap(At(), Invoke("one"), "unreachable"),
            Returns(Invoke("div"), I32(1)),
            new ActionCommand(At(), Invoke("div")));
        AssertStatuses(results, P, P, F, F, F, F);
        Assert.StartsWith("expected trap \"integer overflow\", got trap integer divide by zero", results[2].Message);
        Assert.Equal("expected trap \"unreachable\", got (i32.const 1)", results[3].Message);
    }

    [Fact]
    public void Out_of_scope_modules_skip_everything_that_depends_on_them()
    {
        var results = Run(new ScriptedEngine(),
            new ModuleCommand(At(), "$S", Failing(Simd())),
            Returns(Invoke("f", "$S"), I32(1)),
            new RegisterCommand(At(), "S", "$S"),
            new ModuleCommand(At(), null, Source(Importing("S", "f", VoidToI32))),
            Returns(Invoke("g"), I32(1)),
            new AssertUnlinkable(At(), Source(Importing("S", "f", VoidToI32)), "incompatible import type"));
        AssertStatuses(results, S, S, S, S, S, S);
        Assert.All(results, r => Assert.Equal(Features.Simd, r.SkipReason));
    }

    [Fact]
    public void A_failed_module_fails_each_command_on_it_once()
    {
        var results = Run(new ScriptedEngine(),
            new ModuleCommand(At(), null, Failing(WasmException.Malformed("unexpected end", At()))),
            Returns(Invoke("f"), I32(1)),
            new AssertTrap(At(), Invoke("f"), "unreachable"));
        AssertStatuses(results, F, F, F);
        Assert.Contains("unexpected end", results[0].Message);
        Assert.StartsWith("the module failed", results[1].Message);
    }

    [Fact]
    public void Later_modules_replace_a_failed_current_module()
    {
        var engine = new ScriptedEngine { ["one"] = _ => [WastValue.I32(1)] };
        var results = Run(engine,
            new ModuleCommand(At(), null, Failing(Simd())),
            new ModuleCommand(At(), null, Source(Exporting(("one", VoidToI32)))),
            Returns(Invoke("one"), I32(1)));
        AssertStatuses(results, S, P, P);
    }

    [Fact]
    public void Assert_malformed_needs_a_malformed_diagnostic_with_the_text()
    {
        var results = Run(new ScriptedEngine(),
            new AssertMalformed(At(), Failing(WasmException.Malformed("unexpected end of section", At())), "unexpected end"),
            new AssertMalformed(At(), Failing(WasmException.Malformed("unexpected end", At())), "magic header not detected"),
            new AssertMalformed(At(), Source(new Module()), "unexpected end"),
            new AssertMalformed(At(), Failing(WasmException.Invalid("type mismatch", At())), "type mismatch"),
            new AssertMalformed(At(), Failing(Simd()), "unexpected end"));
        AssertStatuses(results, P, F, F, F, S);
    }

    [Fact]
    public void Assert_invalid_needs_our_validator_to_reject()
    {
        var badBody = Exporting(("f", VoidToI32));
        badBody.Codes[0].Body.RemoveAt(0); // [] -> [i32] with an empty body
        var results = Run(new ScriptedEngine(),
            new AssertInvalid(At(), Source(badBody), "type mismatch"),
            new AssertInvalid(At(), Source(Exporting(("f", VoidToI32))), "type mismatch"),
            new AssertInvalid(At(), Failing(WasmException.Malformed("unknown operator", At())), "type mismatch"));
        AssertStatuses(results, P, F, F);
        Assert.Contains("validated", results[1].Message);
        Assert.Contains("malformed", results[2].Message);
    }

    [Fact]
    public void Assert_unlinkable_uses_gusts_import_matching()
    {
        var results = Run(new ScriptedEngine(),
            new AssertUnlinkable(At(), Source(Importing("spectest", "nothing", VoidToI32)), "unknown import"),
            new AssertUnlinkable(At(), Source(Importing("nowhere", "f", VoidToI32)), "unknown import"),
            new AssertUnlinkable(At(), Source(Importing("spectest", "print", VoidToI32)), "incompatible import type"),
            new AssertUnlinkable(At(), Source(Importing("spectest", "print", new FuncType([], []))), "incompatible import type"));
        AssertStatuses(results, P, P, P, F);
    }

    [Fact]
    public void Registered_instances_provide_imports()
    {
        var engine = new ScriptedEngine { ["one"] = _ => [WastValue.I32(1)] };
        var results = Run(engine,
            new ModuleCommand(At(), "$A", Source(Exporting(("one", VoidToI32)))),
            new RegisterCommand(At(), "A", "$A"),
            new ModuleCommand(At(), "$B", Source(Importing("A", "one", VoidToI32))),
            Returns(Invoke("one", "$A"), I32(1)),
            new RegisterCommand(At(), "B", "$nope"));
        AssertStatuses(results, P, P, P, P, F);
        Assert.Same(engine.Instances[0].Exports["one"], engine.Instances[1].Imports[0]);
    }

    [Fact]
    public void Module_definitions_instantiate_on_demand()
    {
        var engine = new ScriptedEngine { ["one"] = _ => [WastValue.I32(1)] };
        var results = Run(engine,
            new ModuleCommand(At(), "$D", Source(Exporting(("one", VoidToI32))), IsDefinition: true),
            new ModuleInstanceCommand(At(), "$I1", "$D"),
            new ModuleInstanceCommand(At(), "$I2", "$D"),
            Returns(Invoke("one", "$I2"), I32(1)));
        AssertStatuses(results, P, P, P, P);
        Assert.Equal(2, engine.Instances.Count);
    }

    [Fact]
    public void Unsupported_commands_skip_with_their_feature()
    {
        var results = Run(new ScriptedEngine(),
            new UnsupportedCommand(At(), Features.Threads, "thread"),
            new AssertException(At(), Invoke("f")));
        AssertStatuses(results, S, S);
        Assert.Equal([Features.Threads, Features.Exceptions], results.Select(r => r.SkipReason));
    }

    /// <summary>An engine whose functions are the delegates registered by export name; instances record their imports.</summary>
    private sealed class ScriptedEngine : Dictionary<string, Func<IReadOnlyList<WastValue>, IReadOnlyList<WastValue>>>, IWastEngine
    {
        public List<Instance> Instances { get; } = new();

        public IWastInstance Spectest { get; } = new Instance(new()
        {
            ["print"] = new WastExtern(ExternType.Of(new FuncType([], [])), "print"),
        }, [], null!);

        public IWastModule Compile(Module module, byte[] binary)
        {
            Assert.Equal(0x00, binary[0]); // bytes from Gust's writer
            return new Compiled(this, module);
        }

        public void Dispose() { }

        private sealed class Compiled(ScriptedEngine engine, Module module) : IWastModule
        {
            public IWastInstance Instantiate(IReadOnlyList<WastExtern> imports)
            {
                var exports = module.Exports.ToDictionary(e => e.Name, e => new WastExtern(ExternType.OfExport(module, e)!, e.Name));
                var instance = new Instance(exports, imports, engine);
                engine.Instances.Add(instance);
                return instance;
            }
        }

        public sealed class Instance(Dictionary<string, WastExtern> exports, IReadOnlyList<WastExtern> imports, ScriptedEngine engine) : IWastInstance
        {
            public Dictionary<string, WastExtern> Exports => exports;
            public IReadOnlyList<WastExtern> Imports => imports;
            public WastExtern? Export(string name) => exports.GetValueOrDefault(name);
            public IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args) => engine[name](args);
            public WastValue Get(string name) => throw new WastEngineException("no globals here");
        }
    }
}
