using CsCheck;

namespace Gust.Differential;

/// <summary>The CsCheck generator of valid random programs; each program is reproducible from its 64-bit seed.</summary>
public sealed class ProgramGen : Gen<DiffProgram>
{
    public static readonly ProgramGen Instance = new();

    public override DiffProgram Generate(PCG pcg, Size? min, out Size size)
    {
        size = new Size(0);
        return FromSeed(pcg.Next64());
    }

    public static DiffProgram FromSeed(ulong seed) => new ProgramWriter(new PCG(0, seed)).Write(seed);
}
