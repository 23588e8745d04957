using Gust.Wasm;

namespace Gust.Firmware.Harness;

/// <summary>The harness for one module: instantiate it, then make each invocation as a numbered step (see <see cref="HarnessBuilder"/>).</summary>
public static class HarnessWriter
{
    public static string Write(Module module, string prefix, IReadOnlyList<Invocation> invocations, bool continueAfterTrap = false)
    {
        var h = new HarnessBuilder(continueAfterTrap);
        h.InitFirst(prefix);
        foreach (var inv in invocations) h.Invoke(prefix, inv.Export, ExportType(module, inv.Export), inv.Args);
        return h.Build();
    }

    private static FuncType ExportType(Module module, string name)
    {
        var e = module.Exports.FirstOrDefault(x => x.Name == name && x.Kind == ExternKind.Func)
            ?? throw FirmwareError.Of($"harness: the module exports no function \"{name}\"");
        return module.FuncTypeOf(e.Index)!;
    }
}
