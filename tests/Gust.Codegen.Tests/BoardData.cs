using Xunit;

namespace Gust.Codegen.Tests;

/// <summary>The boards every native test runs on: M3 (mps2-an385) and RV32 (virt).</summary>
public static class BoardData
{
    public static TheoryData<string> All => new(Native.Boards);
}
