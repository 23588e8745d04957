namespace Gust.Wasm.Wast;

/// <summary>A parsed .wast script: its commands in order.</summary>
public sealed record WastScript(string? File, IReadOnlyList<WastCommand> Commands);

/// <summary>
/// How a module is given in a script. Parsing the module itself is deferred (<see cref="Compile"/>),
/// so a malformed or out-of-scope module fails only the assertion that names it, not the script.
/// </summary>
public abstract record ModuleSource(SourceLocation Location)
{
    /// <summary>Produces the module (binary read, or text parsed), throwing <see cref="WasmException"/> on failure.
    /// Does not validate.</summary>
    public abstract Module Compile();
}

/// <summary>(module $id? field*): the text of the fields, kept as source so it is parsed on demand.</summary>
public sealed record TextModuleSource(SourceLocation Location, string Text, Func<Module> Parse) : ModuleSource(Location)
{
    public override Module Compile() => Parse();
}

/// <summary>(module $id? binary "..."*).</summary>
public sealed record BinaryModuleSource(SourceLocation Location, byte[] Bytes) : ModuleSource(Location)
{
    public override Module Compile() => Binary.ModuleReader.Read(Bytes, Location.File);
}

/// <summary>(module $id? quote "..."*): the concatenated strings, parsed as a module's text.</summary>
public sealed record QuoteModuleSource(SourceLocation Location, string Text, Func<Module> Parse) : ModuleSource(Location)
{
    public override Module Compile() => Parse();
}

public abstract record WastCommand(SourceLocation Location);

/// <summary>(module $id? …) — defines and instantiates, or with <see cref="IsDefinition"/> only defines ((module definition …)).</summary>
public sealed record ModuleCommand(SourceLocation Location, string? Id, ModuleSource Source, bool IsDefinition = false) : WastCommand(Location);

/// <summary>(module instance $inst? $def?) — instantiates a module definition.</summary>
public sealed record ModuleInstanceCommand(SourceLocation Location, string? InstanceId, string? DefinitionId) : WastCommand(Location);

/// <summary>(register "name" $id?).</summary>
public sealed record RegisterCommand(SourceLocation Location, string Name, string? ModuleId) : WastCommand(Location);

/// <summary>A bare action: (invoke …) or (get …).</summary>
public sealed record ActionCommand(SourceLocation Location, WastAction Action) : WastCommand(Location);

public sealed record AssertReturn(SourceLocation Location, WastAction Action, IReadOnlyList<WastResult> Expected) : WastCommand(Location);

/// <summary>(assert_trap (invoke …) "msg").</summary>
public sealed record AssertTrap(SourceLocation Location, WastAction Action, string Message) : WastCommand(Location);

/// <summary>(assert_trap (module …) "msg"): instantiation traps (e.g. in a start function or segment init).</summary>
public sealed record AssertUninstantiable(SourceLocation Location, ModuleSource Module, string Message) : WastCommand(Location);

public sealed record AssertExhaustion(SourceLocation Location, WastAction Action, string Message) : WastCommand(Location);

public sealed record AssertMalformed(SourceLocation Location, ModuleSource Module, string Message) : WastCommand(Location);

public sealed record AssertInvalid(SourceLocation Location, ModuleSource Module, string Message) : WastCommand(Location);

public sealed record AssertUnlinkable(SourceLocation Location, ModuleSource Module, string Message) : WastCommand(Location);

/// <summary>(assert_exception (invoke …)) — exception-handling proposal; always skipped.</summary>
public sealed record AssertException(SourceLocation Location, WastAction Action) : WastCommand(Location);

/// <summary>A command of a form Gust does not run (e.g. thread, wait, a v128 or GC value); skipped with a reason.</summary>
public sealed record UnsupportedCommand(SourceLocation Location, string Feature, string What) : WastCommand(Location);

public abstract record WastAction(SourceLocation Location, string? ModuleId, string Name);
public sealed record InvokeAction(SourceLocation Location, string? ModuleId, string Name, IReadOnlyList<WastValue> Args) : WastAction(Location, ModuleId, Name);
public sealed record GetAction(SourceLocation Location, string? ModuleId, string Name) : WastAction(Location, ModuleId, Name);

/// <summary>
/// A constant argument or result value. Numbers carry their bits (i32/f32 in the low 32 bits).
/// References: <see cref="IsNull"/> for ref.null; otherwise an externref carries its host number in Bits.
/// </summary>
public sealed record WastValue(ValType Type, ulong Bits, bool IsNull = false)
{
    public static WastValue I32(int v) => new(ValType.I32, (uint)v);
    public static WastValue I64(long v) => new(ValType.I64, (ulong)v);
    public static WastValue F32(uint bits) => new(ValType.F32, bits);
    public static WastValue F64(ulong bits) => new(ValType.F64, bits);
    public static WastValue NullRef(ValType t) => new(t, 0, true);
    public static WastValue Extern(uint n) => new(ValType.ExternRef, n);
}

public enum NanPattern : byte { None, Canonical, Arithmetic }

/// <summary>An expected result: an exact value, a NaN pattern, any non-null reference (ref.func / ref.extern without a number), or a choice (either …).</summary>
public abstract record WastResult;
public sealed record ExactResult(WastValue Value) : WastResult;
public sealed record NanResult(ValType Type, NanPattern Pattern) : WastResult;
/// <summary>(ref.func) or (ref.extern) with no payload: any non-null reference of that type.</summary>
public sealed record AnyRefResult(ValType Type) : WastResult;
public sealed record EitherResult(IReadOnlyList<WastResult> Choices) : WastResult;
