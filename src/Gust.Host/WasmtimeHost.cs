using Gust.Wasm.Wast;
using Wasmtime;

namespace Gust.Host;

/// <summary>
/// The Wasmtime engine shared by all scripts of a run (thread-safe); hands out one
/// <see cref="IWastEngine"/> per script. A call into wasm that runs longer than the time limit
/// traps, so a miscompiled loop fails its command instead of hanging the run.
/// </summary>
public sealed class WasmtimeHost : IDisposable
{
    /// <summary>How often the engine's epoch advances; wasm checks it at loop heads and function entries.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Timer ticker;
    private readonly ulong deadlineTicks;

    /// <param name="timeLimit">How long one call or instantiation may run (default 10 s).</param>
    public WasmtimeHost(TimeSpan? timeLimit = null)
    {
        TimeLimit = timeLimit ?? TimeSpan.FromSeconds(10);
        deadlineTicks = (ulong)Math.Max(1, Math.Ceiling(TimeLimit / Tick));
        ticker = new Timer(_ => Engine.IncrementEpoch(), null, Tick, Tick);
    }

    public TimeSpan TimeLimit { get; }

    internal Engine Engine { get; } = new(WasmtimeConfig.Create());

    public IWastEngine CreateEngine() => new WasmtimeWastEngine(this);

    /// <summary>Starts the clock for one entry into wasm on <paramref name="store"/>.</summary>
    internal void Arm(Store store) => store.SetEpochDeadline(deadlineTicks);

    public void Dispose()
    {
        // Wait for a tick in flight, so that it cannot touch the engine after it is freed.
        using var stopped = new ManualResetEvent(false);
        if (ticker.Dispose(stopped)) stopped.WaitOne();
        Engine.Dispose();
    }
}
