using Xunit;

namespace Gust.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void DemoRunsOnOneBoardWithTheHostsTranscript()
    {
        var r = GustProcess.Run("demo", "--board", "mps2-an385");
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.Contains("divide(7, 0) → trap: integer divide by zero", r.Out);
        Assert.Contains("mps2-an385", r.Out);
        Assert.Contains("same transcript as the host", r.Out);
    }

    [Fact]
    public void UnknownBoardIsAnError()
    {
        var r = GustProcess.Run("demo", "--board", "no-such-board");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no board", r.Err);
    }
}
