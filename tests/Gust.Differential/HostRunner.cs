using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>Runs a batch on Wasmtime: one instance, the programs in order, a trap ending only its program.</summary>
public static class HostRunner
{
    public static Outcome[] Run(WasmtimeHost host, Module module, int count)
    {
        using var engine = host.CreateEngine();
        var instance = engine.Compile(module, ModuleWriter.Write(module)).Instantiate([]);
        var outcomes = new Outcome[count];
        for (var i = 0; i < count; i++)
        {
            try
            {
                outcomes[i] = Outcome.Of(instance.Invoke(Batch.Export(i), [])[0]);
            }
            catch (WastTrapException e)
            {
                outcomes[i] = Outcome.Trapped(e.Kinds);
            }
        }
        return outcomes;
    }
}
