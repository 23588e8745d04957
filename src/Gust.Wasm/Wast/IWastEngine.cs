using Gust.Wasm.Linking;

namespace Gust.Wasm.Wast;

/// <summary>
/// Where a spec script's modules run: the host (Wasmtime) or, later, firmware under QEMU. The
/// <see cref="WastRunner"/> owns everything that decides an assertion — parsing, validation,
/// import matching, result comparison; an engine only compiles bytes Gust wrote, instantiates
/// them with imports the runner resolved, and performs actions. One engine serves one script.
/// </summary>
public interface IWastEngine : IDisposable
{
    /// <summary>The host module every script may import from as "spectest" (spec interpreter's
    /// <c>spectest</c>: print functions, globals 666, a table 10..20 and a memory 1..2).</summary>
    IWastInstance Spectest { get; }

    /// <summary>Prepares a validated module; <paramref name="binary"/> is <paramref name="module"/> as Gust's writer
    /// encoded it. Throws <see cref="WastEngineException"/> if the engine rejects it.</summary>
    IWastModule Compile(Module module, byte[] binary);
}

/// <summary>A compiled module, instantiable any number of times.</summary>
public interface IWastModule
{
    /// <summary>Instantiates with one external value per import, in import order. Throws
    /// <see cref="WastTrapException"/> if initialization (segments, start function) traps.</summary>
    IWastInstance Instantiate(IReadOnlyList<WastExtern> imports);
}

public interface IWastInstance
{
    /// <summary>The export named <paramref name="name"/>, or null. Its type reflects the current
    /// state (a table's or memory's current size is its minimum).</summary>
    WastExtern? Export(string name);

    /// <summary>Calls an exported function; throws <see cref="WastTrapException"/> when it traps.</summary>
    IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args);

    /// <summary>Reads an exported global.</summary>
    WastValue Get(string name);
}

/// <summary>An external value: its type for import matching, and the engine's own handle for it.</summary>
public sealed record WastExtern(ExternType Type, object Handle);

/// <summary>The engine could not do what was asked for reasons other than a trap (it rejected a
/// module, an export is missing, a value has no representation).</summary>
public sealed class WastEngineException(string message) : Exception(message);
