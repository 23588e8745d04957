using Xunit;
using static Gust.Codegen.Tests.Native;

namespace Gust.Codegen.Tests;

public class SmokeTests
{
    [Theory]
    [InlineData("mps2-an385")]
    [InlineData("mps2-an386")]
    [InlineData("virt-rv32")]
    public void AddRunsOnTheBoard(string board)
    {
        var m = Wat.Parse("""(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))""");
        var r = Results(board, m, [("add", [I32(40), I32(2)])]);
        Assert.Equal([I32Text(42)], r);
    }
}
