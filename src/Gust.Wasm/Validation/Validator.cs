namespace Gust.Wasm.Validation;

/// <summary>Validates a module (spec chapter 3) for WebAssembly 2.0 plus extended-const, multi-memory and custom-page-sizes.</summary>
public static class Validator
{
    /// <summary>Throws <see cref="WasmException"/> (Invalid) with the spec suite's message and a location.</summary>
    public static void Validate(Module module, string? file = null) => throw new NotImplementedException("validator");
}
