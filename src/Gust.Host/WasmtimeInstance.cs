using Gust.Wasm;
using Gust.Wasm.Linking;
using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>An instance as scripts see it: exports by name, each with its current extern type.</summary>
public sealed class WasmtimeInstance(Store store, WasmtimeHost host, Func<string, WastExtern?> exports) : IWastInstance
{
    /// <summary>Exports of a module instance. Types come from Gust's module; a table's or memory's
    /// limits come from Wasmtime, since they change as it grows and an imported one may have
    /// tighter limits than its import declared.</summary>
    public static WasmtimeInstance Of(Store store, WasmtimeHost host, Instance instance, Gust.Wasm.Module module)
    {
        var byName = module.Exports.ToDictionary(e => e.Name, StringComparer.Ordinal);
        return new WasmtimeInstance(store, host, name =>
        {
            if (!byName.TryGetValue(name, out var export) || ExternType.OfExport(module, export) is not { } declared) return null;
            object? handle = export.Kind switch
            {
                ExternKind.Func => instance.GetFunction(name),
                ExternKind.Table => instance.GetTable(name),
                ExternKind.Memory => instance.GetMemory(name),
                _ => instance.GetGlobal(name),
            };
            return handle is null ? null : new WastExtern(Current(declared, handle), handle);
        });
    }

    public WastExtern? Export(string name) => exports(name);

    public IReadOnlyList<WastValue> Invoke(string name, IReadOnlyList<WastValue> args)
    {
        if (Export(name)?.Handle is not Function f) throw new WastEngineException($"there is no exported function \"{name}\"");
        if (args.Count != f.Parameters.Count) throw new WastEngineException($"\"{name}\" takes {f.Parameters.Count} arguments, the script passes {args.Count}");
        var boxes = new ValueBox[args.Count];
        for (var i = 0; i < args.Count; i++) boxes[i] = WasmtimeValues.ToBox(args[i]);
        object? result;
        try
        {
            host.Arm(store);
            result = f.Invoke(boxes);
        }
        catch (TrapException e)
        {
            throw WasmtimeTraps.ToWast(e, host);
        }
        catch (WasmtimeException e)
        {
            throw new WastEngineException($"calling \"{name}\" failed: {e.Message}");
        }
        return f.Results.Count switch
        {
            0 => [],
            1 => [WasmtimeValues.FromObject(result, f.Results[0])],
            _ => ((object?[])result!).Select((o, i) => WasmtimeValues.FromObject(o, f.Results[i])).ToList(),
        };
    }

    public WastValue Get(string name)
    {
        if (Export(name)?.Handle is not Wasmtime.Global g) throw new WastEngineException($"there is no exported global \"{name}\"");
        return WasmtimeValues.FromObject(g.GetValue(), g.Kind);
    }

    /// <summary>The run-time type of an external value: current sizes as minimums (spec 7.1.8).</summary>
    public static ExternType Current(ExternType declared, object handle) => handle switch
    {
        Table t => ExternType.Of(declared.Table! with { Limits = new Limits(t.GetSize(), TableMax(t, declared.Table.Limits)) }),
        Memory m => ExternType.Of(declared.Memory! with { Limits = new Limits((ulong)m.GetSize(), (ulong?)m.Maximum) }),
        _ => declared,
    };

    /// <summary>The binding reports "no maximum" as uint.MaxValue, which is also a legal maximum; the
    /// declared type tells them apart (a declared maximum bounds the actual one).</summary>
    private static ulong? TableMax(Table t, Limits declared) => t.Maximum == uint.MaxValue ? declared.Max : t.Maximum;
}
