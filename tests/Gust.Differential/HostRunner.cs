using Gust.Host;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>Runs a batch on Wasmtime: one instance, the programs in order, a trap ending only its program.</summary>
public static class HostRunner
{
    public static Outcome[] Run(WasmtimeHost host, Module module, IReadOnlyList<DiffProgram> programs)
    {
        using var engine = host.CreateEngine();
        var instance = engine.Compile(module, ModuleWriter.Write(module)).Instantiate([]);
        var outcomes = new Outcome[programs.Count];
        for (var i = 0; i < programs.Count; i++)
        {
            try
            {
                outcomes[i] = Outcome.Of(instance.Invoke(Batch.Export(i), programs[i].Args)[0]);
            }
            catch (WastTrapException e)
            {
                outcomes[i] = Outcome.Trapped(e.Kinds);
            }
        }
        return outcomes;
    }
}
