using System.Reflection;
using System.Runtime.InteropServices;
using Wasmtime;

namespace Gust.Host;

/// <summary>
/// The Wasmtime configuration for Gust's scope: WebAssembly 2.0 (reference types, bulk memory,
/// multi-value; extended constant expressions are on by default) plus multi-memory and custom
/// page sizes. Other proposals stay off, so the engine does not accept what Gust would not, with
/// one exception: WebAssembly 3.0 lets constant expressions read earlier immutable globals of the
/// module itself (spec 3.3.10, global.wast, data.wast, elem.wast), and Wasmtime allows that only
/// with its GC feature on. Gust's validator still rejects every GC instruction and type.
/// </summary>
public static class WasmtimeConfig
{
    /// <summary>Wasmtime's limit for wasm frames on the calling thread's native stack; threads that
    /// run wasm need this much stack plus room for the host frames below it.</summary>
    public const int MaxWasmStack = 512 * 1024;

    public static Config Create()
    {
        var config = new Config()
            .WithReferenceTypes(true)
            .WithBulkMemory(true)
            .WithMultiValue(true)
            .WithMultiMemory(true)
            .WithRelaxedSIMD(false, false)
            .WithSIMD(false)
            .WithTailCalls(false)
            .WithFunctionReferences(true)
            .WithGc(true)
            .WithWasmThreads(false)
            .WithMemory64(false)
            .WithExceptions(false)
            .WithMaximumStackSize(MaxWasmStack)
            .WithEpochInterruption(true);
        EnableCustomPageSizes(config);
        return config;
    }

    /// <summary>
    /// The .NET binding has no setter for the custom-page-sizes proposal, so this calls the C API
    /// on the configuration's native handle (the binding keeps it in a private field).
    /// </summary>
    private static void EnableCustomPageSizes(Config config)
    {
        var field = typeof(Config).GetField("handle", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("this Wasmtime .NET binding does not keep its native config handle where Gust expects it");
        var handle = (SafeHandle)field.GetValue(config)!;
        Native.wasmtime_config_wasm_custom_page_sizes_set(handle.DangerousGetHandle(), true);
    }

    private static class Native
    {
        [DllImport("wasmtime")]
        public static extern void wasmtime_config_wasm_custom_page_sizes_set(IntPtr config, [MarshalAs(UnmanagedType.I1)] bool enable);
    }
}
