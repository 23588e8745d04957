namespace Gust.Bench;

/// <summary>
/// One workload in one variant on one board. Instructions: executed inside bench_run, counted under
/// QEMU -icount shift=0 (exact on RV32, ±40 on the M3). Code: flash bytes of the image beyond the
/// baseline image (driver and runtime with an empty workload), so library routines the variant
/// pulls in (soft float, memcpy, the wasm2c runtime) count. Ram: static RAM beyond the baseline
/// (for wasm, the whole linear memory with its shadow stack) plus the measured native stack peak.
/// WorkloadText: the machine code in the workload's own objects only (for gust the compiled module,
/// for wasm2c its C and our runtime for it), without library routines.
/// Error is set when the run failed (a self-check, a trap, a build error); the numbers are then 0.
/// </summary>
public sealed record Measurement(
    string Board, string Workload, string Variant, int Reps,
    long Instructions, long CodeBytes, long WorkloadTextBytes, long StaticRamBytes, long StackBytes, string? Error)
{
    public bool Ok => Error is null;
    public long RamBytes => StaticRamBytes + StackBytes;
}
