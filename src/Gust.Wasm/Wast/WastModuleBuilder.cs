using Gust.Wasm.Binary;
using Gust.Wasm.Validation;

namespace Gust.Wasm.Wast;

/// <summary>
/// Turns a script's module into the bytes an engine runs, entirely with Gust's own tools: parse
/// or read (<see cref="ModuleSource.Compile"/>), validate, then write. The engine never sees a
/// module Gust did not accept, so a spec run tests Gust's front end as much as the engine.
/// </summary>
public static class WastModuleBuilder
{
    /// <summary>Throws <see cref="WasmException"/> at the first step that fails.</summary>
    public static (Module Module, byte[] Binary) Build(ModuleSource source)
    {
        var module = source.Compile();
        Validator.Validate(module, source.Location.File);
        return (module, ModuleWriter.Write(module));
    }
}
