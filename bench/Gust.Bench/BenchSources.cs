namespace Gust.Bench;

/// <summary>The C sources (workloads, driver, wasm2c runtime) embedded in this assembly, so `gust bench` needs no checkout.</summary>
public static class BenchSources
{
    /// <summary>Writes every embedded source into <paramref name="dir"/>.</summary>
    public static void WriteTo(string dir)
    {
        const string prefix = "Gust.Bench.Sources.";
        var assembly = typeof(BenchSources).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix)))
        {
            using var s = assembly.GetManifestResourceStream(name)!;
            using var f = File.Create(Path.Combine(dir, name[prefix.Length..]));
            s.CopyTo(f);
        }
    }
}
