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
            var session = new TargetSession();
            using (var recording = new TargetWastEngine(session, board.Target)) new WastRunner(recording).Run(script);
            session.StartReplay(WastImage.Run(session, board, timeout));
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
}
