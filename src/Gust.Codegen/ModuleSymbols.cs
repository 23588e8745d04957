using Gust.Codegen.Llvm;
using Gust.Wasm;

namespace Gust.Codegen;

/// <summary>The C-level symbols a compiled module defines, for harnesses and firmware glue to call.</summary>
public static class ModuleSymbols
{
    /// <summary>An export: prefix_export_NAME, with NAME made a C identifier (<see cref="LlvmNames.CIdentifier"/>).</summary>
    public static string Export(string prefix, string exportName) => $"{prefix}_export_{LlvmNames.CIdentifier(exportName)}";

    /// <summary>Instantiation: element and data segments, then the start function.</summary>
    public static string Init(string prefix) => $"{prefix}_init";

    /// <summary>
    /// The function names for trap reports: <c>{ const char *const *names; uint32_t count; }</c>,
    /// the NUL-terminated name of each function by index (runtime.h, struct gust_module_names).
    /// </summary>
    public static string Names(string prefix) => $"{prefix}_names";

    /// <summary>The current size (i32: bytes of a memory, entries of a table) of an exported or imported memory or table.</summary>
    public static string Size(string symbol) => $"{symbol}.size";

    /// <summary>The high bank of a two-bank memory (<see cref="MemorySplit"/>): its bytes from the split on.</summary>
    public static string High(string symbol) => $"{symbol}.hi";

    /// <summary>
    /// The structural type id call_indirect compares, one symbol per signature that the linker merges
    /// across modules (a comdat), so a function placed in a shared table matches by structure (spec 4.4.8).
    /// </summary>
    public static string TypeId(FuncType type) =>
        $"gust_type_{string.Join("_", type.Params.Select(p => p.Name()))}_to_{string.Join("_", type.Results.Select(r => r.Name()))}";

    /// <summary>What an imported function, global, memory or table is called: whoever links the module defines prefix_import_MODULE_NAME.</summary>
    public static string Import(string prefix, string module, string name) =>
        $"{prefix}_import_{LlvmNames.CIdentifier(module)}_{LlvmNames.CIdentifier(name)}";
}
