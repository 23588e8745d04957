using System.Diagnostics;
using Gust.Firmware.Boards;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Firmware.Wast;

/// <summary>
/// Runs a spec script on a board under QEMU: the same <see cref="WastRunner"/> decides every
/// command as on the host, with one firmware image performing all of the script's instantiations
/// and actions (see <see cref="TargetSession"/>).
/// </summary>
public static class TargetWastRunner
{
    public static WastFileResult RunFile(string path, BoardManifest board, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<WastCommandResult> results;
        try
        {
            var script = WastParser.Parse(File.ReadAllText(path), path);
            var session = Record(script, board, new TargetSession());
            var (outcomes, probes) = WastImage.Run(session, board, timeout);
            // Linking that depends on sizes: record again with the sizes the run reported, until the steps are the same.
            for (var round = 1; session.NeedsProbes && round < MaxRounds; round++)
            {
                var next = Record(script, board, new TargetSession(probes));
                if (SameSteps(next, session))
                {
                    session = next;
                    break;
                }
                session = next;
                (outcomes, probes) = WastImage.Run(session, board, timeout);
            }
            session.StartReplay(outcomes);
            using var replaying = new TargetWastEngine(session, board.Target);
            results = new WastRunner(replaying).Run(script);
        }
        catch (WasmException e)
        {
            var status = e.Diagnostic.Kind == DiagnosticKind.Unsupported ? WastStatus.Skipped : WastStatus.Failed;
            results = [new WastCommandResult(e.Diagnostic.Location, "script", status, e.Diagnostic.Message, e.Diagnostic.Feature)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the image builder fails this script only, so a batch of scripts goes on.
            results = [new WastCommandResult(SourceLocation.AtOffset(path, -1), "script", WastStatus.Failed, $"internal error: {e.GetType().Name}: {e.Message}")];
        }
        return new WastFileResult(path, results, clock.Elapsed);
    }

    /// <summary>Images a script may take: each round fixes at least the first instantiation whose linking changed.</summary>
    private const int MaxRounds = 4;

    private static TargetSession Record(WastScript script, BoardManifest board, TargetSession session)
    {
        using var recording = new TargetWastEngine(session, board.Target);
        new WastRunner(recording).Run(script);
        return session;
    }

    private static bool SameSteps(TargetSession a, TargetSession b) =>
        a.Steps.Count == b.Steps.Count && a.Steps.Zip(b.Steps).All(p => Describe(p.First) == Describe(p.Second));

    private static string Describe(WastStep step) => step switch
    {
        InvokeStep s => $"{s.Instance.Ordinal} invoke {s.Export} {string.Join(",", s.Args.Select(a => a.ToString()))}",
        GetStep s => $"{s.Instance.Ordinal} get {s.Export}",
        _ => $"{step.Instance.Ordinal} instantiate {string.Join(",", step.Instance.Module.Exports.Select(e => e.Name))}",
    };
}
