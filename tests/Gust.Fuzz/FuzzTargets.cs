using CsCheck;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;

namespace Gust.Fuzz;

/// <summary>
/// The fuzz properties: on any input, the readers either succeed or raise a WasmException (a
/// diagnostic); no other exception, no hang. What succeeds must also survive validation and a
/// write/read round trip without crashing.
/// </summary>
public static class FuzzTargets
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public static void BinaryInput(byte[] bytes) => WithinTime(() =>
    {
        Module m;
        try { m = ModuleReader.Read(bytes); }
        catch (WasmException) { return; }
        try { Validator.Validate(m); }
        catch (WasmException) { return; }
        var written = ModuleWriter.Write(m);
        if (!written.AsSpan().SequenceEqual(bytes))
            throw new InvalidOperationException("a module that read and validated did not write back to the same bytes");
    });

    public static void TextInput(string text) => WithinTime(() =>
    {
        Module m;
        try { m = WatParser.ParseModule(text); }
        catch (WasmException) { return; }
        try { Validator.Validate(m); }
        catch (WasmException) { return; }
        ModuleReader.Read(ModuleWriter.Write(m));
    });

    public static void ScriptInput(string text) => WithinTime(() =>
    {
        try { WastParser.Parse(text); }
        catch (WasmException) { }
    });

    /// <summary>Runs both fuzzers (and the script parser on text) for about <paramref name="seconds"/> seconds each.</summary>
    public static void Run(SpecCorpus corpus, int seconds, Action<string>? log = null)
    {
        Mutations.Binary(corpus.Binaries).Sample(BinaryInput, writeLine: log, iter: int.MaxValue, time: seconds,
            print: b => Convert.ToHexString(b));
        Mutations.Text(corpus.Texts).Sample(TextInput, writeLine: log, iter: int.MaxValue, time: seconds);
        Mutations.Text(corpus.Texts).Sample(ScriptInput, writeLine: log, iter: int.MaxValue, time: Math.Max(1, seconds / 4));
    }

    private static void WithinTime(Action body)
    {
        var task = Task.Run(body);
        if (!task.Wait(HangLimit)) throw new TimeoutException($"no answer within {HangLimit.TotalSeconds} s (hang)");
    }
}
