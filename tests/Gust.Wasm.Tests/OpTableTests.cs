using Xunit;

namespace Gust.Wasm.Tests;

public class OpTableTests
{
    [Fact]
    public void EveryOpcodeDecodesToItself()
    {
        foreach (var info in OpTable.All)
        {
            Assert.True(OpTable.TryDecode(info.Byte, info.SubOpcode, out var back));
            Assert.Equal(info.Op, back.Op);
        }
    }

    [Fact]
    public void NamesAreUniqueExceptTypedSelect()
    {
        var dupes = OpTable.All.GroupBy(i => i.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Equal(new[] { "select" }, dupes);
    }

    [Fact]
    public void SignaturesParse()
    {
        var add = OpTable.Get(Op.I64Add);
        Assert.Equal(new[] { ValType.I64, ValType.I64 }, add.Operands);
        Assert.Equal(new[] { ValType.I64 }, add.Results);
        Assert.Equal(3, OpTable.Get(Op.F64Load).NaturalAlign);
    }
}
