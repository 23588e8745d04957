using Gust.Wasm.Wast;

namespace Gust.Firmware.Harness;

/// <summary>One call the harness makes: an exported function and its arguments.</summary>
public sealed record Invocation(string Export, IReadOnlyList<WastValue> Args);
