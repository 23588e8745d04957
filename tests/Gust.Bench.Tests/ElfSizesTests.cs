using Xunit;
using Gust.Bench;
using Gust.Firmware.Boards;

namespace Gust.Bench.Tests;

public sealed class ElfSizesTests(BenchFixture fixture) : IClassFixture<BenchFixture>
{
    [Fact]
    public void BaselineImageHasCodeAndRam()
    {
        // The runtime and driver: a few hundred bytes to a few KiB of code; RAM at least the driver's globals.
        Assert.InRange(fixture.Baseline.Flash, 200, 64 * 1024);
        Assert.InRange(fixture.Baseline.Ram, 0, 64 * 1024);
    }

    [Fact]
    public void RejectsWhatIsNotAnElf()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[64]);
            Assert.Throws<InvalidDataException>(() => ElfSizes.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
