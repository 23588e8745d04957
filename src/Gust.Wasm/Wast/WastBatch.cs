namespace Gust.Wasm.Wast;

/// <summary>Runs many scripts on parallel threads and hands back their results in the order given.</summary>
public static class WastBatch
{
    /// <summary>
    /// Native stack for each script thread. Engines run wasm on the calling thread (Wasmtime
    /// stops wasm recursion at its own limit, 512 KiB), so the thread needs that much plus the
    /// host frames around it; .NET's default for secondary threads (1.5 MiB) is tighter than we want.
    /// </summary>
    public const int ThreadStackSize = 16 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="files"/> with up to <paramref name="jobs"/> at a time, each with its own engine from
    /// <paramref name="createEngine"/>. <paramref name="onResult"/> sees each file's result in file order, as soon
    /// as it and all before it are done; <paramref name="onProgress"/> (may be null) sees the count finished so far,
    /// about twice a second while waiting.
    /// </summary>
    public static IReadOnlyList<WastFileResult> Run(IReadOnlyList<string> files, Func<IWastEngine> createEngine, int jobs,
        Action<WastFileResult> onResult, Action<int>? onProgress = null) =>
        Run(files, f => WastRunner.RunFile(f, createEngine), jobs, onResult, onProgress);

    /// <summary>As above, with <paramref name="runFile"/> running each script (a target runner that builds and runs an image per script).</summary>
    public static IReadOnlyList<WastFileResult> Run(IReadOnlyList<string> files, Func<string, WastFileResult> runFile, int jobs,
        Action<WastFileResult> onResult, Action<int>? onProgress = null)
    {
        var done = files.Select(_ => new TaskCompletionSource<WastFileResult>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var next = -1;
        var finished = 0;
        var threads = Enumerable.Range(0, Math.Clamp(jobs, 1, Math.Max(1, files.Count))).Select(_ => new Thread(() =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < files.Count;)
            {
                try
                {
                    done[i].SetResult(runFile(files[i]));
                }
                catch (Exception e)
                {
                    done[i].SetException(e);
                }
                Interlocked.Increment(ref finished);
            }
        }, ThreadStackSize) { IsBackground = true, Name = "wast" }).ToList();
        threads.ForEach(t => t.Start());

        var results = new List<WastFileResult>(files.Count);
        foreach (var d in done)
        {
            while (!d.Task.Wait(500)) onProgress?.Invoke(Volatile.Read(ref finished));
            results.Add(d.Task.Result);
            onResult(d.Task.Result);
        }
        threads.ForEach(t => t.Join());
        return results;
    }
}
