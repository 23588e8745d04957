using Gust.Component.Abi;
using Gust.Component.Types;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>canon lift and canon lower as the host drives them: spilling, return pointers, realloc and post-return order.</summary>
public class AbiCallTests
{
    private static ComponentValType T(string s) => AbiTestSyntax.ParseType(s);

    private static ComponentFuncType Func(string[] parameters, string? result) =>
        new(parameters.Select((p, i) => new Param($"p{i}", T(p))).ToEquatableList(), result is null ? null : T(result));

    [Fact]
    public void LiftedCallSpillsParamsAndReadsResultsBeforePostReturn()
    {
        var memory = new ArrayMemory(256);
        var log = new List<string>();
        var heap = new AbiHeap(memory, 16);
        var options = new CanonicalOptions(memory, StringEncoding.Utf8,
            (p, s, a, n) => { log.Add($"realloc {p},{s},{a},{n}"); return heap.Realloc(p, s, a, n); },
            flat => { log.Add($"post-return {flat[0].AsI32}"); memory.Bytes.Clear(); return []; });
        var ft = Func(Enumerable.Repeat("u32", 17).ToArray(), "string");
        var args = Enumerable.Range(1, 17).Select(i => (ComponentValue)ComponentValue.U32((uint)i)).ToArray();
        var result = CanonicalCalls.CallLifted(ft, options, flat =>
        {
            // 17 flat parameters do not fit in 16: one pointer to the tuple, allocated with realloc.
            var ptr = Assert.Single(flat).AsI32;
            log.Add($"callee {ptr}");
            Assert.Equal(17u, BitConverter.ToUInt32(memory.Bytes[(int)(ptr + 64)..]));
            // The string result (two i32) does not fit in one: return a pointer to (ptr, len).
            "hi"u8.CopyTo(memory.Bytes[200..]);
            BitConverter.TryWriteBytes(memory.Bytes[192..], 200u);
            BitConverter.TryWriteBytes(memory.Bytes[196..], 2u);
            return [FlatValue.I32(192u)];
        }, args);
        Assert.Equal(new StringValue("hi"), result);
        Assert.Equal(["realloc 0,0,4,68", "callee 16", "post-return 192"], log);
    }

    [Fact]
    public void LiftedCallPassesFlatValuesDirectly()
    {
        var memory = new ArrayMemory(16);
        var ft = Func(["s8", "f64", "option<u16>"], "u64");
        IReadOnlyList<FlatValue>? seen = null;
        var result = CanonicalCalls.CallLifted(ft, new CanonicalOptions(memory), flat =>
        {
            seen = flat;
            return [FlatValue.I64(ulong.MaxValue)];
        }, [ComponentValue.S8(-2), ComponentValue.F64(0.5), ComponentValue.Some(ComponentValue.U16(7))]);
        Assert.Equal(ComponentValue.U64(ulong.MaxValue), result);
        Assert.Equal([FlatValue.I32(0xFFFFFFFEu), FlatValue.F64(0.5), FlatValue.I32(1u), FlatValue.I32(7u)], seen);
        Assert.Throws<ArgumentException>(() => CanonicalCalls.CallLifted(ft, new CanonicalOptions(memory), _ => [FlatValue.I32(1u)],
            [ComponentValue.S8(-2), ComponentValue.F64(0.5), ComponentValue.None]));
    }

    [Fact]
    public void LoweredCallWritesSpilledResultsToTheReturnPointer()
    {
        var memory = new ArrayMemory(128);
        "ping"u8.CopyTo(memory.Bytes[32..]);
        var heap = new AbiHeap(memory, 64);
        var options = new CanonicalOptions(memory, StringEncoding.Utf8, heap.Realloc);
        var ft = Func(["string", "u8"], "tuple<string,u32>");
        Assert.Equal([ValType.I32, ValType.I32, ValType.I32, ValType.I32], CanonicalAbi.FlattenFunc(ft, FlattenContext.Lower).Params);
        var results = CanonicalCalls.CallLowered(ft, options, args =>
        {
            Assert.Equal([new StringValue("ping"), ComponentValue.U8(3)], args);
            return ComponentValue.Tuple(new StringValue("pong"), ComponentValue.U32(9));
        }, [FlatValue.I32(32u), FlatValue.I32(4u), FlatValue.I32(3u), FlatValue.I32(8u)]);
        Assert.Empty(results);
        // At the return pointer 8: the string's (ptr, len) as realloc'd at 64, then the u32.
        Assert.Equal([64u, 4u, 9u], new[] { 8, 12, 16 }.Select(o => BitConverter.ToUInt32(memory.Bytes[o..])));
        Assert.Equal("pong"u8.ToArray(), memory.Bytes[64..68].ToArray());
        Assert.Equal(["0,0,1,4"], heap.Calls);
    }

    [Fact]
    public void LoweredCallChecksTheReturnPointer()
    {
        var memory = new ArrayMemory(64);
        var ft = Func([], "tuple<u32,u32>");
        var options = new CanonicalOptions(memory);
        var trap = Assert.Throws<CanonicalAbiTrap>(() => CanonicalCalls.CallLowered(ft, options, _ => ComponentValue.Tuple(ComponentValue.U32(1), ComponentValue.U32(2)), [FlatValue.I32(2u)]));
        Assert.Equal(TrapReason.UnalignedPointer, trap.Reason);
        trap = Assert.Throws<CanonicalAbiTrap>(() => CanonicalCalls.CallLowered(ft, options, _ => ComponentValue.Tuple(ComponentValue.U32(1), ComponentValue.U32(2)), [FlatValue.I32(60u)]));
        Assert.Equal(TrapReason.PointerOutOfBounds, trap.Reason);
    }

    [Fact]
    public void LoweredCallReturnsOneFlatResult()
    {
        var ft = Func(["char", "result<f32,_>"], "enum{a,b,c}");
        var flat = CanonicalCalls.CallLowered(ft, new CanonicalOptions(), args =>
        {
            Assert.Equal([new CharValue('x'), ComponentValue.Ok(new F32Value(2f))], args);
            return ComponentValue.Enum("c");
        }, [FlatValue.I32((uint)'x'), FlatValue.I32(0u), FlatValue.F32(2f)]);
        Assert.Equal([FlatValue.I32(2u)], flat);
    }

    /// <summary>
    /// A UTF-16 caller calls a UTF-8 callee through an adapter: arguments are copied into the callee's memory with its
    /// realloc, the result string back into the caller's with the caller's realloc, and then the callee's post-return runs.
    /// </summary>
    [Fact]
    public void AdapterCopiesBetweenMemoriesAndEncodings()
    {
        var log = new List<string>();
        var callerMemory = new ArrayMemory(128);
        var calleeMemory = new ArrayMemory(128);
        var callerHeap = new AbiHeap(callerMemory, 64);
        var calleeHeap = new AbiHeap(calleeMemory, 64);
        var caller = new CanonicalOptions(callerMemory, StringEncoding.Utf16, (p, s, a, n) => { log.Add($"caller realloc {p},{s},{a},{n}"); return callerHeap.Realloc(p, s, a, n); });
        var callee = new CanonicalOptions(calleeMemory, StringEncoding.Utf8, (p, s, a, n) => { log.Add($"callee realloc {p},{s},{a},{n}"); return calleeHeap.Realloc(p, s, a, n); },
            _ => { log.Add("post-return"); return []; });
        var ft = Func(["string", "list<u16>"], "string");
        // The caller's arguments: "hé" in UTF-16 at 16, [7, 8] at 24; its return pointer 32.
        new byte[] { (byte)'h', 0, 0xE9, 0 }.CopyTo(callerMemory.Bytes[16..]);
        new byte[] { 7, 0, 8, 0 }.CopyTo(callerMemory.Bytes[24..]);
        var results = CanonicalCalls.Adapt(ft, caller, callee, flat =>
        {
            log.Add("callee");
            var cx = new LiftLowerContext(callee);
            Assert.Equal(new StringValue("hé"), cx.LiftFlat(new FlatReader([flat[0], flat[1]]), T("string")));
            Assert.Equal(3u, flat[1].AsI32);
            Assert.Equal(ComponentValue.List(ComponentValue.U16(7), ComponentValue.U16(8)), cx.LiftFlat(new FlatReader([flat[2], flat[3]]), T("list<u16>")));
            "ok\u20ac"u8.ToArray().CopyTo(calleeMemory.Bytes[100..]);
            new byte[] { 100, 0, 0, 0, 5, 0, 0, 0 }.CopyTo(calleeMemory.Bytes[80..]);
            return [FlatValue.I32(80u)];
        }, [FlatValue.I32(16u), FlatValue.I32(2u), FlatValue.I32(24u), FlatValue.I32(2u), FlatValue.I32(32u)]);
        Assert.Empty(results);
        Assert.Equal(["callee realloc 0,0,1,2", "callee realloc 64,2,1,6", "callee realloc 66,6,1,3", "callee realloc 0,0,2,4",
            "callee", "caller realloc 0,0,2,10", "caller realloc 64,10,2,6", "post-return"], log);
        var back = new LiftLowerContext(caller).Load(32, T("string"));
        Assert.Equal(new StringValue("ok\u20ac"), back);
    }
}
