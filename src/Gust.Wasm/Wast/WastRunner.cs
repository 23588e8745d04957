using System.Diagnostics;
using Gust.Wasm.Linking;
using Gust.Wasm.Validation;

namespace Gust.Wasm.Wast;

/// <summary>
/// Runs a spec script against an <see cref="IWastEngine"/> and decides every command itself: it
/// builds modules with Gust's parser, validator and writer, resolves imports with Gust's own
/// import matching, and compares results, traps and error messages.
/// <para>
/// Every command yields one result. A command that needs an out-of-scope feature is skipped
/// naming the feature, and so is every later command that depends on that module (actions on it,
/// registering it, modules importing from it). A module that fails for any other reason fails,
/// and each command that depends on it fails too.
/// </para>
/// <para>
/// Messages match when Gust's text contains the script's (the reference interpreter's texts are
/// prefixes; Gust may add detail after them). Traps match by kind (see <see cref="TrapKinds.Parse"/>).
/// </para>
/// </summary>
public sealed class WastRunner
{
    private readonly IWastEngine engine;
    private readonly Dictionary<string, Slot<IWastInstance>> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot<IWastInstance>> registered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot<Definition>> definitions = new(StringComparer.Ordinal);
    private Slot<IWastInstance>? current;
    private Slot<Definition>? lastDefinition;

    public WastRunner(IWastEngine engine)
    {
        this.engine = engine;
        registered["spectest"] = new(engine.Spectest, null);
    }

    /// <summary>Reads, parses and runs one .wast file. A script that does not parse gives one failed result.</summary>
    public static WastFileResult RunFile(string path, Func<IWastEngine> createEngine)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<WastCommandResult> results;
        try
        {
            var script = WastParser.Parse(File.ReadAllText(path), path);
            using var engine = createEngine();
            results = new WastRunner(engine).Run(script);
        }
        catch (WasmException e)
        {
            var status = e.Diagnostic.Kind == DiagnosticKind.Unsupported ? WastStatus.Skipped : WastStatus.Failed;
            results = [new WastCommandResult(e.Diagnostic.Location, "script", status, e.Diagnostic.Message, e.Diagnostic.Feature)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            results = [new WastCommandResult(SourceLocation.AtOffset(path, -1), "script", WastStatus.Failed, InternalError(e))];
        }
        return new WastFileResult(path, results, clock.Elapsed);
    }

    public IReadOnlyList<WastCommandResult> Run(WastScript script) => script.Commands.Select(RunCommand).ToList();

    public WastCommandResult RunCommand(WastCommand command)
    {
        var what = WastCommandText.Describe(command);
        try
        {
            Execute(command);
            return new WastCommandResult(command.Location, what, WastStatus.Passed);
        }
        catch (Verdict v)
        {
            return new WastCommandResult(command.Location, what, v.Status, v.Message, v.SkipReason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var v = Unexpected(e);
            return new WastCommandResult(command.Location, what, v.Status, v.Message, v.SkipReason);
        }
    }

    private void Execute(WastCommand command)
    {
        switch (command)
        {
            case ModuleCommand m: DefineModule(m); break;
            case ModuleInstanceCommand i: InstantiateDefinition(i); break;
            case RegisterCommand r: Register(r); break;
            case ActionCommand a: PerformWithoutTrap(a.Action); break;
            case AssertReturn a: AssertReturn(a); break;
            case AssertTrap a: ExpectTrap(a.Action, a.Message); break;
            case AssertExhaustion a: ExpectTrap(a.Action, a.Message); break;
            case AssertUninstantiable a: AssertUninstantiable(a); break;
            case AssertMalformed a: AssertMalformed(a); break;
            case AssertInvalid a: AssertInvalid(a); break;
            case AssertUnlinkable a: AssertUnlinkable(a); break;
            case AssertException: throw Verdict.Skip(Features.Exceptions, "assert_exception needs the exception-handling proposal");
            case UnsupportedCommand u: throw Verdict.Skip(u.Feature, u.What);
            default: throw Verdict.Fail($"the runner does not know the command {command.GetType().Name}");
        }
    }

    // ---- modules ----

    private void DefineModule(ModuleCommand m)
    {
        if (m.IsDefinition)
        {
            var def = Remember(() => Compile(m.Source));
            lastDefinition = def;
            if (m.Id is not null) definitions[m.Id] = def;
            Rethrow(def);
            return;
        }
        Instantiate(m.Id, m.Location, () => Compile(m.Source));
    }

    private void InstantiateDefinition(ModuleInstanceCommand i) =>
        Instantiate(i.InstanceId, i.Location, () =>
            Use(i.DefinitionId is null ? lastDefinition : definitions.GetValueOrDefault(i.DefinitionId), Shown(i.DefinitionId), "module definition"));

    /// <summary>Instantiates a module, which becomes the current one (and <paramref name="id"/>'s), or fails or skips in its place.</summary>
    private void Instantiate(string? id, SourceLocation at, Func<Definition> definition)
    {
        var slot = Remember(() =>
        {
            var def = definition();
            return def.Compiled.Instantiate(Link(def.Module, at));
        });
        current = slot;
        if (id is not null) instances[id] = slot;
        Rethrow(slot);
    }

    private void Register(RegisterCommand r)
    {
        var slot = r.ModuleId is null ? current : instances.GetValueOrDefault(r.ModuleId);
        if (slot is not null) registered[r.Name] = slot;
        Use(slot, Shown(r.ModuleId), "module");
    }

    private Definition Compile(ModuleSource source)
    {
        var (module, binary) = WastModuleBuilder.Build(source);
        try
        {
            return new Definition(module, engine.Compile(module, binary));
        }
        catch (WastEngineException e)
        {
            throw Verdict.Fail($"Gust accepted the module but the engine rejected it: {e.Message}");
        }
    }

    /// <summary>Resolves every import of <paramref name="module"/> from the registered instances, in order.</summary>
    private List<WastExtern> Link(Module module, SourceLocation at)
    {
        var externs = new List<WastExtern>(module.Imports.Count);
        foreach (var import in module.Imports)
        {
            WastExtern? provided = null;
            if (registered.TryGetValue(import.Module, out var slot))
                provided = Use(slot, $"\"{import.Module}\"", "registered module").Export(import.Name);
            ImportMatcher.Match(module, import, provided?.Type, at);
            externs.Add(provided!);
        }
        return externs;
    }

    /// <summary>
    /// Runs <paramref name="make"/> and keeps what it made, or why it could not: later commands
    /// that use the slot repeat a skip's feature, or fail because their module failed.
    /// </summary>
    private static Slot<T> Remember<T>(Func<T> make) where T : class
    {
        try
        {
            return new(make(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(null, Unexpected(e));
        }
    }

    private static void Rethrow<T>(Slot<T> slot) where T : class
    {
        if (slot.Why is { } v) throw v;
    }

    /// <summary>The value in a slot, or the verdict that commands depending on it get. <paramref name="name"/> is
    /// how the script names the slot (null: the current one).</summary>
    private static T Use<T>(Slot<T>? slot, string? name, string what) where T : class
    {
        if (slot is null) throw Verdict.Fail(name is null ? $"there is no {what} to use" : $"unknown {what} {name}");
        if (slot.Value is { } value) return value;
        var why = slot.Why!;
        var whose = name is null ? $"the {what}" : $"{what} {name}";
        throw why.Status == WastStatus.Skipped
            ? Verdict.Skip(why.SkipReason!, $"{whose} was skipped: {why.Message}")
            : Verdict.Fail($"{whose} failed: {why.Message}");
    }

    // ---- actions ----

    private IReadOnlyList<WastValue> Perform(WastAction action)
    {
        var instance = Use(action.ModuleId is null ? current : instances.GetValueOrDefault(action.ModuleId), Shown(action.ModuleId), "module");
        try
        {
            return action switch
            {
                InvokeAction i => instance.Invoke(i.Name, i.Args),
                _ => [instance.Get(action.Name)],
            };
        }
        catch (WastEngineException e)
        {
            throw Verdict.Fail(e.Message);
        }
    }

    private IReadOnlyList<WastValue> PerformWithoutTrap(WastAction action)
    {
        try
        {
            return Perform(action);
        }
        catch (WastTrapException t)
        {
            throw Verdict.Fail($"trapped: {t.Message}");
        }
    }

    private void AssertReturn(AssertReturn a)
    {
        var got = PerformWithoutTrap(a.Action);
        var ok = got.Count == a.Expected.Count && a.Expected.Zip(got).All(p => WastResultMatcher.Matches(p.First, p.Second));
        if (!ok) throw Verdict.Fail($"expected {WastResultMatcher.Format(a.Expected)}, got {WastResultMatcher.Format(got)}");
    }

    private void ExpectTrap(WastAction action, string expected)
    {
        IReadOnlyList<WastValue> got;
        try
        {
            got = Perform(action);
        }
        catch (WastTrapException t)
        {
            if (!t.Matches(expected)) throw Verdict.Fail($"expected trap \"{expected}\", got trap {t.Message}");
            return;
        }
        throw Verdict.Fail($"expected trap \"{expected}\", got {WastResultMatcher.Format(got)}");
    }

    // ---- module assertions ----

    private void AssertUninstantiable(AssertUninstantiable a)
    {
        var def = Compile(a.Module);
        var imports = Link(def.Module, a.Location);
        try
        {
            def.Compiled.Instantiate(imports);
        }
        catch (WastTrapException t)
        {
            if (!t.Matches(a.Message)) throw Verdict.Fail($"expected trap \"{a.Message}\", got trap {t.Message}");
            return;
        }
        throw Verdict.Fail($"expected trap \"{a.Message}\", but the module instantiated");
    }

    private static void AssertMalformed(AssertMalformed a)
    {
        try
        {
            a.Module.Compile();
        }
        catch (WasmException e) when (e.Diagnostic.Kind is DiagnosticKind.Malformed)
        {
            ExpectMessage("malformed", a.Message, e.Diagnostic);
            return;
        }
        catch (WasmException e) when (e.Diagnostic.Kind is not DiagnosticKind.Unsupported)
        {
            throw Verdict.Fail($"expected malformed \"{a.Message}\", got {Describe(e.Diagnostic)}");
        }
        throw Verdict.Fail($"expected malformed \"{a.Message}\", but the module parsed");
    }

    private static void AssertInvalid(AssertInvalid a)
    {
        Module module;
        try
        {
            module = a.Module.Compile();
        }
        catch (WasmException e) when (e.Diagnostic.Kind is not DiagnosticKind.Unsupported)
        {
            throw Verdict.Fail($"expected invalid \"{a.Message}\", got {Describe(e.Diagnostic)}");
        }
        try
        {
            Validator.Validate(module, a.Module.Location.File);
        }
        catch (WasmException e) when (e.Diagnostic.Kind is DiagnosticKind.Invalid)
        {
            ExpectMessage("invalid", a.Message, e.Diagnostic);
            return;
        }
        catch (WasmException e) when (e.Diagnostic.Kind is not DiagnosticKind.Unsupported)
        {
            throw Verdict.Fail($"expected invalid \"{a.Message}\", got {Describe(e.Diagnostic)}");
        }
        throw Verdict.Fail($"expected invalid \"{a.Message}\", but the module validated");
    }

    private void AssertUnlinkable(AssertUnlinkable a)
    {
        var def = Compile(a.Module);
        try
        {
            Link(def.Module, a.Location);
        }
        catch (WasmException e) when (e.Diagnostic.Kind is DiagnosticKind.Unlinkable)
        {
            ExpectMessage("unlinkable", a.Message, e.Diagnostic);
            return;
        }
        throw Verdict.Fail($"expected unlinkable \"{a.Message}\", but the imports matched");
    }

    private static void ExpectMessage(string kind, string expected, Diagnostic got)
    {
        if (!got.Message.Contains(expected, StringComparison.Ordinal))
            throw Verdict.Fail($"expected {kind} \"{expected}\", got {Describe(got)}");
    }

    private static string? Shown(string? id) => id is null ? null : WastCommandText.Name(id);

    private static string Describe(Diagnostic d) => $"{d.Kind.ToString().ToLowerInvariant()} \"{d.Message}\" at {d.Location}";

    /// <summary>What an exception escaping a command means: an out-of-scope feature is a skip; anything else a failure.</summary>
    private static Verdict Unexpected(Exception e) => e switch
    {
        Verdict v => v,
        WasmException { Diagnostic: { Kind: DiagnosticKind.Unsupported } d } => Verdict.Skip(d.Feature ?? "unsupported", d.Message),
        WasmException w => Verdict.Fail(Describe(w.Diagnostic)),
        WastTrapException t => Verdict.Fail($"trapped: {t.Message}"),
        WastEngineException x => Verdict.Fail(x.Message),
        _ => Verdict.Fail(InternalError(e)),
    };

    private static string InternalError(Exception e) =>
        $"internal error: {e.GetType().Name}: {e.Message} ({e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()})";

    private sealed record Definition(Module Module, IWastModule Compiled);

    /// <summary>What a script name refers to: a value, or the verdict that stopped it from existing.</summary>
    private sealed record Slot<T>(T? Value, Verdict? Why) where T : class;

    /// <summary>A command's non-passing outcome, thrown to leave the command early.</summary>
    private sealed class Verdict(WastStatus status, string message, string? skipReason) : Exception(message)
    {
        public WastStatus Status { get; } = status;
        public string? SkipReason { get; } = skipReason;

        public static Verdict Fail(string message) => new(WastStatus.Failed, message, null);
        public static Verdict Skip(string feature, string message) => new(WastStatus.Skipped, message, feature);
    }
}
