namespace Gust.Component.Model;

/// <summary>A canonical definition (Binary.md "canon"): makes a component func or a core func.</summary>
public abstract record Canon;

/// <summary>(canon lift f opts (type t)): a component func from core func f.</summary>
public sealed record CanonLift(uint CoreFunc, List<CanonOpt> Options, uint Type) : Canon;

/// <summary>(canon lower f opts): a core func from component func f.</summary>
public sealed record CanonLower(uint Func, List<CanonOpt> Options) : Canon;

public enum ResourceBuiltin : byte { New = 2, Drop = 3, Rep = 4 }

/// <summary>(canon resource.new|drop|rep t): a core func handling resource t.</summary>
public sealed record CanonResource(ResourceBuiltin Op, uint Resource) : Canon;

public enum CanonOptKind : byte { Utf8 = 0, Utf16 = 1, Latin1Utf16 = 2, Memory = 3, Realloc = 4, PostReturn = 5 }

/// <summary>A canonical option; <see cref="Index"/> is the core memory or func index for memory/realloc/post-return.</summary>
public readonly record struct CanonOpt(CanonOptKind Kind, uint Index = 0)
{
    public bool IsEncoding => Kind <= CanonOptKind.Latin1Utf16;
}
