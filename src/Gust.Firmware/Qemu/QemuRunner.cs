using System.Diagnostics;
using System.Text;
using Gust.Firmware.Boards;

namespace Gust.Firmware.Qemu;

/// <summary>The end of a QEMU run: the firmware's exit status (or null when the timeout stopped it) and its console output.</summary>
public sealed record QemuResult(int? ExitStatus, string Console, string Diagnostics)
{
    public bool TimedOut => ExitStatus is null;
}

/// <summary>Boots an image under the board's QEMU machine (commands per BOARDS.md) and streams the console.</summary>
public static class QemuRunner
{
    public static QemuResult Run(BoardManifest board, string elf, TimeSpan timeout, Action<string>? onLine = null)
    {
        var psi = new ProcessStartInfo(board.Qemu.System)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in (string[])["-M", board.Qemu.Machine, "-display", "none", "-monitor", "none", "-serial", "stdio", .. board.Qemu.Args, "-kernel", elf])
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw FirmwareError.Of($"{board.Qemu.System} did not start");
        p.StandardInput.Close();
        var console = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (console) console.AppendLine(e.Data);
            onLine?.Invoke(e.Data);
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill();
            p.WaitForExit();
            return new QemuResult(null, console.ToString(), stderr.ToString());
        }
        p.WaitForExit(); // drains the asynchronous readers
        return new QemuResult(p.ExitCode, console.ToString(), stderr.ToString());
    }
}
