using Gust.Wasm;

namespace Gust.Firmware;

internal static class FirmwareError
{
    public static WasmException Of(string message) =>
        new(new Diagnostic(DiagnosticKind.Error, message, SourceLocation.AtOffset(null, -1)));
}
