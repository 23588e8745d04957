namespace Gust.Component.Model;

/// <summary>Feature names of the component-model extensions Gust does not support (skip reasons).</summary>
public static class ComponentFeatures
{
    public const string Async = "component-model-async";
    public const string ErrorContext = "component-model-error-context";
    public const string Threading = "component-model-threading";
    public const string Values = "component-model-values";
    public const string Map = "component-model-map";
}
