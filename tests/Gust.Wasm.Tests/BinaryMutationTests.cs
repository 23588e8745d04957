using Gust.Wasm.Binary;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>
/// Mutated spec binaries: the reader answers with a diagnostic or a module, never another exception,
/// and whatever it accepts writes back to the same bytes (the layout promise holds for any decodable input).
/// </summary>
public class BinaryMutationTests
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x05, 0x0B, 0x40, 0x41, 0x60, 0x6F, 0x70, 0x7F, 0x80, 0xFC, 0xFF];

    [Fact]
    public void MutatedBinariesGiveDiagnosticsOrRoundTrip()
    {
        var seeds = BinarySpecModules.All().Select(m => m.Bytes).Where(b => b.Length > 8).ToArray();
        Assert.NotEmpty(seeds);
        var random = new Random(20261125);
        int accepted = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            Module module;
            try
            {
                module = ModuleReader.Read(bytes);
            }
            catch (WasmException)
            {
                continue;
            }
            accepted++;
            var written = ModuleWriter.Write(module);
            Assert.True(written.AsSpan().SequenceEqual(bytes), $"{Convert.ToHexString(bytes)} wrote back as {Convert.ToHexString(written)}");
        }
        Assert.True(accepted > 1000, $"only {accepted} mutants decoded");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 8; n--)
        {
            var at = random.Next(8, bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 2: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 3: bytes.RemoveAt(at); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return bytes.ToArray();
    }
}
