using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>
/// Runs spec scripts on Wasmtime. One <see cref="WasmtimeHost"/> (a compiled-code cache and
/// configuration) serves many scripts; each script gets its own store through this engine, so
/// scripts may run on parallel threads.
/// </summary>
public sealed class WasmtimeWastEngine : IWastEngine
{
    private readonly WasmtimeHost host;
    private readonly Store store;
    private readonly List<Wasmtime.Module> modules = new();

    internal WasmtimeWastEngine(WasmtimeHost host)
    {
        this.host = host;
        store = new Store(host.Engine);
        Spectest = Host.Spectest.Create(store, host);
    }

    public IWastInstance Spectest { get; }

    public IWastModule Compile(Gust.Wasm.Module module, byte[] binary)
    {
        try
        {
            var compiled = Wasmtime.Module.FromBytes(host.Engine, $"module{modules.Count}", binary);
            modules.Add(compiled);
            return new CompiledModule(store, host, module, compiled);
        }
        catch (WasmtimeException e)
        {
            throw new WastEngineException(e.Message.ReplaceLineEndings(" "));
        }
    }

    public void Dispose()
    {
        store.Dispose();
        modules.ForEach(m => m.Dispose());
    }

    private sealed class CompiledModule(Store store, WasmtimeHost host, Gust.Wasm.Module module, Wasmtime.Module compiled) : IWastModule
    {
        public IWastInstance Instantiate(IReadOnlyList<WastExtern> imports)
        {
            try
            {
                host.Arm(store);
                return WasmtimeInstance.Of(store, host, new Instance(store, compiled, imports.Select(i => i.Handle).ToArray()), module);
            }
            catch (TrapException e)
            {
                throw WasmtimeTraps.ToWast(e, host);
            }
            catch (WasmtimeException e)
            {
                throw new WastEngineException($"Wasmtime could not instantiate a module whose imports Gust matched: {e.Message.ReplaceLineEndings(" ")}");
            }
        }
    }
}
