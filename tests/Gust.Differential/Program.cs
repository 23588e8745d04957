using System.Globalization;
using Gust.Differential;

// The long differential run: `dotnet run --project tests/Gust.Differential -c Release -- --count 10000 --boards m3,rv32`.
// The tests run a few hundred programs the same way.
var count = 1000;
var seed = (ulong)Random.Shared.NextInt64();
var boards = new List<string> { "m3", "rv32" };
var batch = 100;
var jobs = 0;
var output = Path.Combine(Path.GetTempPath(), "gust-differential");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c > 0: count = c; i++; break;
        case "--seed" when i + 1 < args.Length && ulong.TryParse(args[i + 1].Replace("0x", ""), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var s): seed = s; i++; break;
        case "--boards" when i + 1 < args.Length: boards = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(); break;
        case "--batch" when i + 1 < args.Length && int.TryParse(args[i + 1], out var b) && b > 0: batch = b; i++; break;
        case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var j) && j > 0: jobs = j; i++; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--help" or "-h":
            Console.WriteLine("usage: Gust.Differential [--count N (1000)] [--seed HEX (random)] [--boards m3,rv32] [--batch N (100 programs per image)] [--jobs N (cores)] [--out DIR (modules with mismatches)]");
            return 0;
        default:
            Console.Error.WriteLine($"Gust.Differential: unknown or invalid argument '{args[i]}'; see --help");
            return 2;
    }
}
var names = boards.Select(Boards.Resolve).ToList();
Console.WriteLine($"seed 0x{seed:x16}: {count} programs on {string.Join(", ", names)}, {batch} per image");
var report = DifferentialRun.Run(seed, count, names, batch, jobs, output, Console.WriteLine);
foreach (var m in report.Mismatches) Console.WriteLine(m);
Console.WriteLine(report);
return report.Mismatches.Count == 0 ? 0 : 1;
