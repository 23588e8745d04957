using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Validation;
using Gust.Wasm.Wast;

namespace Gust.Fuzz;

/// <summary>Seeds for the fuzzers: every valid module of the spec suites, as binary and as text.</summary>
public sealed class SpecCorpus
{
    public required IReadOnlyList<byte[]> Binaries { get; init; }
    public required IReadOnlyList<string> Texts { get; init; }

    public static SpecCorpus Load(IEnumerable<string> wastFiles)
    {
        var binaries = new List<byte[]>();
        var texts = new List<string>();
        foreach (var file in wastFiles)
        {
            WastScript script;
            try { script = WastParser.Parse(File.ReadAllText(file), file); }
            catch (WasmException) { continue; }
            foreach (var cmd in script.Commands)
            {
                if (cmd is not ModuleCommand { Source: var src }) continue;
                try
                {
                    var m = src.Compile();
                    Validator.Validate(m, file);
                    binaries.Add(ModuleWriter.Write(m));
                    if (src is TextModuleSource t) texts.Add(t.Text);
                    else if (src is QuoteModuleSource q) texts.Add(q.Text);
                }
                catch (WasmException) { }
            }
        }
        return new SpecCorpus { Binaries = binaries, Texts = texts };
    }
}
