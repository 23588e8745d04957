using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Differential;

/// <summary>
/// One generated program: functions in the text format whose names start with "$@" (the batch gives
/// each program its own prefix); "$@main" is called with <see cref="Args"/> and returns <see cref="Result"/>.
/// <see cref="ExactResult"/> is false when a float result's NaN bits are not fixed by the spec
/// (an arithmetic NaN), so only its class can be compared.
/// </summary>
public sealed record DiffProgram(ulong Seed, string Text, IReadOnlyList<WastValue> Args, ValType Result, bool ExactResult);
