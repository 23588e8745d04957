namespace Gust.Bench;

/// <summary>
/// One benchmark program: bench/workloads/NAME.c, whose bench_run(reps) repeats the work
/// <see cref="Reps"/> times (a few million instructions on the boards) and self-checks every rep.
/// </summary>
public sealed record Workload(string Name, string Title, int Reps)
{
    public string Source => $"{Name}.c";

    /// <summary>Reps for a run: the full count, or one for --quick and the correctness tests.</summary>
    public int RepsFor(bool quick) => quick ? 1 : Reps;

    public static IReadOnlyList<Workload> All { get; } =
    [
        new("crc32", "CRC-32, 8 KiB", 50),
        new("sha256", "SHA-256, 2 KiB", 20),
        new("aes128", "AES-128 enc+dec, 512 B", 6),
        new("matmul_int", "int32 matmul 32×32", 12),
        new("matmul_float", "float matmul 16×16", 6),
        new("fir", "Q15 FIR, 32 taps × 2048", 8),
        new("pid", "float PID + plant, 1500 steps", 2),
        new("quicksort", "quicksort 2048 × int32", 12),
        new("dijkstra", "Dijkstra, 40 nodes, all sources", 3),
        new("base64", "base64 enc+dec, 3 KiB", 20),
        new("cobs", "COBS enc+dec, 4 KiB", 14),
        new("tokenizer", "tokenizer, 4 KiB", 25),
        new("huffman", "Huffman enc+dec, 4 KiB", 2),
        new("lz", "LZ compress+decompress, 4 KiB", 18),
    ];

    /// <summary>The baseline image's workload (bench/runtime/empty.c): an empty bench_run.</summary>
    public static Workload Empty { get; } = new("empty", "empty", 1);

    public static Workload Find(string name) =>
        All.FirstOrDefault(w => w.Name == name) ?? throw new ArgumentException($"no workload \"{name}\"");
}
