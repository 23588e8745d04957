using Gust.Fuzz;

// The long fuzz run: `dotnet run --project tests/Gust.Fuzz -c Release -- [--seconds N] [--spec DIR]`.
// The tests run the same properties for a few seconds.
var seconds = 60;
var spec = Environment.GetEnvironmentVariable("GUST_SPEC") ?? Path.Combine("..", "shared", "spec");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s) && s > 0: seconds = s; i++; break;
        case "--spec" when i + 1 < args.Length: spec = args[++i]; break;
        case "--help" or "-h":
            Console.WriteLine("usage: Gust.Fuzz [--seconds N (default 60, per target)] [--spec DIR (default $GUST_SPEC or ../shared/spec)]");
            return 0;
        default:
            Console.Error.WriteLine($"Gust.Fuzz: unknown argument '{args[i]}'; see --help");
            return 2;
    }
}
var suite = Path.Combine(spec, "wasm-testsuite");
if (!Directory.Exists(suite))
{
    Console.Error.WriteLine($"Gust.Fuzz: no spec suite at {suite}; set GUST_SPEC or --spec");
    return 1;
}
var files = Directory.GetFiles(suite, "*.wast").Concat(Directory.GetFiles(Path.Combine(suite, "proposals", "custom-page-sizes"), "*.wast"));
var corpus = SpecCorpus.Load(files);
Console.WriteLine($"corpus: {corpus.Binaries.Count} binaries, {corpus.Texts.Count} texts; {seconds} s per target");
try
{
    FuzzTargets.Run(corpus, seconds, Console.WriteLine);
}
catch (Exception e)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}
Console.WriteLine("no crash, no hang: every rejection was a diagnostic");
return 0;
