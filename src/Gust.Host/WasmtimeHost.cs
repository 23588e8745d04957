using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>The Wasmtime engine shared by all scripts of a run (thread-safe); hands out one <see cref="IWastEngine"/> per script.</summary>
public sealed class WasmtimeHost : IDisposable
{
    private readonly Engine engine = new(WasmtimeConfig.Create());

    public IWastEngine CreateEngine() => new WasmtimeWastEngine(engine);

    public void Dispose() => engine.Dispose();
}
