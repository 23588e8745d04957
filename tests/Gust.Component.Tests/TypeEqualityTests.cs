using Gust.Component.Types;
using Xunit;

namespace Gust.Component.Tests;

public class TypeEqualityTests
{
    [Fact]
    public void TypesCompareByShapeAndResourcesByIdentity()
    {
        var a = new RecordType(EquatableList.Of(new Field("x", PrimitiveType.U32), new Field("y", new ListType(PrimitiveType.String))));
        var b = new RecordType(EquatableList.Of(new Field("x", PrimitiveType.U32), new Field("y", new ListType(PrimitiveType.String))));
        Assert.Equal(a, b);
        Assert.NotEqual(a, new RecordType(EquatableList.Of(new Field("x", PrimitiveType.U64))));
        var r1 = new ResourceType("file");
        Assert.NotEqual(new OwnType(r1), new OwnType(new ResourceType("file")));
        Assert.Equal(new OwnType(r1), new OwnType(r1));
    }
}
