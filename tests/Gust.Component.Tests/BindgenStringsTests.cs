using Gust.Component.Abi;
using Xunit;
using static Gust.Component.Abi.ComponentValue;

namespace Gust.Component.Tests;

/// <summary>The strings world written in C through `gust bindgen c`, run in Wasmtime through Gust's canonical ABI.</summary>
public sealed class BindgenStringsTests
{
    private const string Text = "test:strings/text#";

    [Fact]
    public void StringsRoundTripThroughCExports()
    {
        var logged = new List<ComponentValue>();
        using var h = BindgenHarness.Build("strings", "strings.c", new Dictionary<string, BindgenHarness.HostFunction>
        {
            ["$root log"] = args => { logged.Add(args[0]); return null; },
        });
        Assert.Equal(String("héllo wörld"), h.Call(Text + "echo", String("héllo wörld")));
        Assert.Equal([String("echo")], logged);
        Assert.Equal(String("foobar"), h.Call(Text + "concat", String("foo"), String("bar")));
        Assert.Equal(String(""), h.Call(Text + "concat", String(""), String("")));
        Assert.Equal(List(String("a"), String("bc"), String(""), String("d")), h.Call(Text + "split", String("a,bc,,d"), Char(',')));
        Assert.Equal(Some(String("ABC-Ü")), h.Call(Text + "maybe-upper", Some(String("abc-Ü"))));
        Assert.Equal(None, h.Call(Text + "maybe-upper", None));
        Assert.Equal(U32(5), h.Call(Text + "len", String("héllo")));
        Assert.Equal(U32(1), h.Call(Text + "len", String("🎉")));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void HeaderAndGlueCompileStrictly(string world) => BindgenHarness.CheckHeader(world);

    public static TheoryData<string> Worlds() => new(WitTestData.WorldNames());
}
