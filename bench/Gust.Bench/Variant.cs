namespace Gust.Bench;

/// <summary>How a workload becomes native code.</summary>
public enum VariantKind { Native, Gust, Wasm2c }

/// <summary>One way of building a workload; <see cref="Id"/> names it in results and on the command line.</summary>
public sealed record Variant(string Id, string Label, VariantKind Kind, string GccOptimization, bool BoundsChecks)
{
    public static readonly Variant NativeO2 = new("native-O2", "gcc -O2", VariantKind.Native, "-O2", false);
    public static readonly Variant NativeOs = new("native-Os", "gcc -Os", VariantKind.Native, "-Os", false);
    public static readonly Variant Gust = new("gust", "gust", VariantKind.Gust, "", true);
    public static readonly Variant GustUnchecked = new("gust-nochecks", "gust --bounds-checks off", VariantKind.Gust, "", false);
    public static readonly Variant Wasm2c = new("wasm2c", "wasm2c + gcc -O2", VariantKind.Wasm2c, "-O2", true);

    /// <summary>In table order; native -O2 first, as every ratio is to it.</summary>
    public static IReadOnlyList<Variant> All { get; } = [NativeO2, NativeOs, Gust, GustUnchecked, Wasm2c];

    public static Variant Find(string id) =>
        All.FirstOrDefault(v => v.Id == id) ?? throw new ArgumentException($"no variant \"{id}\"");
}
