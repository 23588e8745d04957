namespace Gust.Wasm.Validation;

/// <summary>
/// The place a validation diagnostic names: the item (and instruction) in words, kept for
/// <see cref="Diagnostic.Where"/>, and where it is in the source when the module came from one.
/// </summary>
internal readonly record struct Site(string Where, SourceLocation Location);
