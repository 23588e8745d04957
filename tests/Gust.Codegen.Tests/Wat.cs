using Gust.Wasm;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;

namespace Gust.Codegen.Tests;

/// <summary>Test modules are written in the text format and validated, as `gust compile` requires.</summary>
public static class Wat
{
    public static Module Parse(string text)
    {
        var module = WatParser.ParseModule(text, "test.wat");
        Validator.Validate(module, "test.wat");
        return module;
    }
}
