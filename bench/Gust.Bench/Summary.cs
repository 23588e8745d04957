namespace Gust.Bench;

/// <summary>The ratios results.md and the chart show: each variant against native -O2 on the same board (code also against -Os).</summary>
public sealed class Summary(IReadOnlyList<Measurement> measurements)
{
    public IReadOnlyList<Measurement> Measurements { get; } = measurements;

    public IEnumerable<string> Boards => Measurements.Select(m => m.Board).Distinct();
    public IEnumerable<string> Workloads => Measurements.Select(m => m.Workload).Distinct();
    public IEnumerable<string> Variants => Measurements.Select(m => m.Variant).Distinct();

    public Measurement? Get(string board, string workload, string variant) =>
        Measurements.FirstOrDefault(m => m.Board == board && m.Workload == workload && m.Variant == variant && m.Ok);

    /// <summary>metric(variant) / metric(reference) for one workload, or null when either failed.</summary>
    public double? Ratio(string board, string workload, string variant, Func<Measurement, long> metric, string reference)
    {
        var (m, r) = (Get(board, workload, variant), Get(board, workload, reference));
        if (m is null || r is null || metric(r) == 0) return null;
        return (double)metric(m) / metric(r);
    }

    /// <summary>Geometric mean of the ratios over the workloads where both ran; null when none did.</summary>
    public double? GeoMean(string board, string variant, Func<Measurement, long> metric, string reference)
    {
        var ratios = Workloads.Select(w => Ratio(board, w, variant, metric, reference)).OfType<double>().ToList();
        return ratios.Count == 0 ? null : Math.Exp(ratios.Average(Math.Log));
    }

    public static long Instructions(Measurement m) => m.Instructions;
    public static long Code(Measurement m) => m.CodeBytes;
    public static long Text(Measurement m) => m.WorkloadTextBytes;
    public static long Ram(Measurement m) => m.RamBytes;
}
