using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>Validates a component (Explainer "Type Checking" and Binary.md's validation notes).</summary>
public static class ComponentValidator
{
    /// <summary>Throws <see cref="WasmException"/> (invalid) at the first rule the component breaks.</summary>
    public static void Validate(ComponentDef component, string? file = null)
    {
        var checker = new Checker(file);
        checker.Component(component, null);
    }
}
