using Gust.Component.Abi;

namespace Gust.Component.Tests;

/// <summary>
/// The bump allocator the test data was computed with (after the component-model's run_tests.py Heap): a shrink
/// keeps the block, anything else takes a new block at the top and copies the old contents. Logs every call.
/// </summary>
internal sealed class AbiHeap(ArrayMemory memory, uint top)
{
    public uint Top { get; private set; } = top;

    public List<string> Calls { get; } = [];

    public uint Realloc(uint originalPtr, uint originalSize, uint alignment, uint newSize)
    {
        Calls.Add($"{originalPtr},{originalSize},{alignment},{newSize}");
        if (originalPtr != 0 && newSize < originalSize) return AlignTo(originalPtr, alignment);
        var ptr = AlignTo(Top, alignment);
        Top = ptr + newSize;
        memory.Bytes.Slice((int)originalPtr, (int)originalSize).CopyTo(memory.Bytes[(int)ptr..]);
        return ptr;
    }

    private static uint AlignTo(uint p, uint a) => (p + a - 1) / a * a;

    public static string FindData(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gust.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "tests", "Gust.Component.Tests", "abi", name);
    }
}
