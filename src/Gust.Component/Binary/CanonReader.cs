using Gust.Component.Model;

namespace Gust.Component.Binary;

/// <summary>Canonical definitions (Binary.md "Canonical Definitions"); the async, error-context and thread built-ins are reported as unsupported.</summary>
internal sealed partial class SectionReader
{
    private Canon Canon()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0:
                FuncSortByte("canonical function lift");
                var core = r.U32();
                var liftOpts = Options();
                return new CanonLift(core, liftOpts, r.U32());
            case 1:
                FuncSortByte("canonical function lower");
                var func = r.U32();
                return new CanonLower(func, Options());
            case 2 or 3 or 4:
                return new CanonResource((ResourceBuiltin)b, r.U32());
            case 0x1c or 0x1d or 0x1e:
                throw r.Unsupported(ComponentFeatures.ErrorContext, "an error-context built-in", at);
            case >= 0x05 and <= 0x25 and not 0x07 and not 0x08:
                throw r.Unsupported(ComponentFeatures.Async, "an async built-in", at);
            case >= 0x26 and <= 0x2d or >= 0x40 and <= 0x42:
                throw r.Unsupported(ComponentFeatures.Threading, "a thread built-in", at);
            default:
                throw r.BadLeading(b, "canonical function", at);
        }
    }

    private void FuncSortByte(string what)
    {
        var at = r.Pos;
        var b = r.Byte();
        if (b != 0) throw r.BadLeading(b, what, at);
    }

    private List<CanonOpt> Options() => r.Vec(() =>
    {
        var at = r.Pos;
        var b = r.Byte();
        return b switch
        {
            0 or 1 or 2 => new CanonOpt((CanonOptKind)b),
            3 or 4 or 5 => new CanonOpt((CanonOptKind)b, r.U32()),
            6 or 7 => throw r.Unsupported(ComponentFeatures.Async, b == 6 ? "the async option" : "the callback option", at),
            _ => throw r.BadLeading(b, "canonical option", at),
        };
    });
}
