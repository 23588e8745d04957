using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Component.Text;
using Gust.Component.Types;
using Gust.Component.Validation;
using Gust.Wasm;
using Xunit;

namespace Gust.Component.Tests;

/// <summary>Component binary reading and writing: round trips, malformed input with byte offsets, no stray exceptions.</summary>
public class ComponentBinaryTests
{
    private static readonly byte[] Preamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    private static byte[] Bytes(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private const string Sample = """
        (component $C
          (import "wasi:io/streams@0.2.0" (instance $io
            (export "output-stream" (type (sub resource)))))
          (alias export $io "output-stream" (type $os))
          (import "log" (func $log (param "msg" string)))
          (core module $m
            (memory (export "mem") 1)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
            (func (export "run") (param i32 i32) (result i32) i32.const 0))
          (core instance $i (instantiate $m))
          (type $point (record (field "x" s32) (field "y" s32)))
          (export $point' "point" (type $point))
          (type $shape (variant (case "circle" u32) (case "dot")))
          (export $shape' "shape" (type $shape))
          (func $run (param "name" string) (result (result $point' (error $shape')))
            (canon lift (core func $i "run") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
          (export "run" (func $run))
          (core func $log' (canon lower (func $log) (memory (core memory $i "mem")) string-encoding=utf8))
          (type $r (resource (rep i32)))
          (core func (canon resource.new $r))
          (core func (canon resource.drop $os))
          (component $inner (import "x" (func)) (export "y" (func 0)))
          (instance (export "t" (type $point')) (export "f" (func $run)))
          (type (component (import "a" (instance (export "b" (func (result (list u8 4)))))) (export "c" (func))))
          (core type (module (import "a" "b" (func (param i32))) (export "c" (memory 1))))
          (type (flags "a" "b") ) (type (enum "x" "y")) (type (option (tuple u8 char)))
        )
        """;

    [Fact]
    public void TextComponentRoundTripsThroughBinary()
    {
        var c = ComponentTextParser.Parse(Sample, "sample.wat");
        ComponentValidator.Validate(c);
        var bytes = ComponentWriter.Write(c);
        Assert.True(ComponentReader.IsComponent(bytes));
        var back = ComponentReader.Read(bytes, "sample.wasm");
        ComponentValidator.Validate(back);
        Assert.Equal(bytes, ComponentWriter.Write(back));
        Assert.Equal(c.Sections.Select(s => s.GetType()), back.Sections.Select(s => s.GetType()));
    }

    [Fact]
    public void ReadsWhatItWritesForDefinedTypes()
    {
        var c = new ComponentDef();
        c.Sections.Add(new TypeSection([
            new PrimitiveDef(Primitive.String),
            new ListDef(ValTypeRef.At(0), null),
            new ListDef(ValTypeRef.Of(Primitive.U8), 3),
            new ResultDef(ValTypeRef.Of(Primitive.U32), null),
            new FuncTypeDef([new LabeledType("a", ValTypeRef.At(1))], ValTypeRef.At(3)),
            new ResourceTypeDef(ValType.I32, null),
            new OwnDef(5),
        ]));
        c.Sections.Add(new ImportSection([new ComponentImport(new ExternName("f"), new FuncExtern(4))]));
        c.Sections.Add(new ExportSection([new ComponentExport(new ExternName("g", Implements: null), new SortIndex(Sort.Func, 0), new FuncExtern(4))]));
        var bytes = ComponentWriter.Write(c);
        Assert.Equal(Preamble, bytes[..8]);
        var back = ComponentReader.Read(bytes);
        var types = Assert.IsType<TypeSection>(back.Sections[0]).Types;
        Assert.Equal(new ListDef(ValTypeRef.Of(Primitive.U8), 3), types[2]);
        Assert.Equal(new OwnDef(5), types[6]);
        Assert.Equal(bytes, ComponentWriter.Write(back));
    }

    [Fact]
    public void BinaryComponentsOfTheSuiteReadBackStably()
    {
        var root = ComponentWastTests.SuiteRoot;
        if (!Directory.Exists(root)) return;
        int stable = 0;
        foreach (var file in Directory.GetFiles(root, "*.wast", SearchOption.AllDirectories))
        {
            foreach (var c in SExprReader.Read(File.ReadAllBytes(file), file).Where(x => x.Head == "component"))
            {
                if (!c.Items.Any(x => x.IsKeyword("binary"))) continue;
                var bytes = c.Items.SkipWhile(x => !x.IsKeyword("binary")).Skip(1).SelectMany(x => x.Bytes).ToArray();
                ComponentDef read;
                try { read = ComponentReader.Read(bytes, file); }
                catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported) { continue; }
                var written = ComponentWriter.Write(read);
                Assert.Equal(written, ComponentWriter.Write(ComponentReader.Read(written)));
                stable++;
            }
        }
        Assert.True(stable >= 30, $"only {stable} binary components read");
    }

    [Fact]
    public void TextComponentsOfTheSuiteRoundTrip()
    {
        var root = ComponentWastTests.SuiteRoot;
        if (!Directory.Exists(root)) return;
        int count = 0;
        foreach (var file in Directory.GetFiles(root, "*.wast", SearchOption.AllDirectories))
        {
            var source = File.ReadAllBytes(file);
            foreach (var c in SExprReader.Read(source, file).Where(x => x.Head == "component" && !x.Items.Any(i => i.IsKeyword("binary") || i.IsKeyword("quote") || i.IsKeyword("instance"))))
            {
                ComponentDef parsed;
                try { parsed = ComponentTextParser.ParseFields(source, file, c, 1); }
                catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Unsupported) { continue; }
                var bytes = ComponentWriter.Write(parsed);
                var back = ComponentReader.Read(bytes, file);
                ComponentValidator.Validate(back, file);
                Assert.Equal(bytes, ComponentWriter.Write(back));
                count++;
            }
        }
        Assert.True(count >= 200, $"only {count} text components round-tripped");
    }

    public static TheoryData<string, byte[], string, long> MalformedCases() => new()
    {
        { "empty", [], "unexpected end-of-file", 0 },
        { "core module preamble", [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], "expected a version header for a component", 4 },
        { "bad version", [0, 0x61, 0x73, 0x6d, 0x0c, 0, 1, 0], "unknown binary version", 4 },
        { "bad section id", Bytes(Preamble, [0x0d, 0x00]), "malformed section id", 8 },
        { "section past end", Bytes(Preamble, [0x07, 0x03, 0x00]), "unexpected end-of-file", 11 },
        { "bad instance", Bytes(Preamble, [0x05, 0x04, 0x01, 0x02, 0x00, 0x00]), "invalid leading byte (0x2) for instance", 11 },
        { "bad name", Bytes(Preamble, [0x0a, 0x07, 0x01, 0x00, 0x02, 0xff, 0xfe, 0x01, 0x00]), "malformed UTF-8 encoding", 13 },
        { "bad defined type", Bytes(Preamble, [0x07, 0x02, 0x01, 0x62]), "invalid leading byte (0x62) for component defined type", 11 },
        { "u32 too large", Bytes(Preamble, [0x07, 0x81, 0x80, 0x80, 0x80, 0x70, 0x00]), "integer too large", 13 },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void MalformedBinariesReportWhereAndWhy(string name, byte[] bytes, string message, long offset)
    {
        var e = Assert.Throws<WasmException>(() => ComponentReader.Read(bytes, "x.wasm"));
        Assert.True(e.Diagnostic.Kind == DiagnosticKind.Malformed, name);
        Assert.Contains(message, e.Diagnostic.Message);
        Assert.Equal(offset, e.Diagnostic.Location.Offset);
    }

    [Fact]
    public void AsyncBuiltinsAreUnsupportedNotMalformed()
    {
        var e = Assert.Throws<WasmException>(() => ComponentReader.Read(Bytes(Preamble, [0x08, 0x02, 0x01, 0x24])));
        Assert.Equal(DiagnosticKind.Unsupported, e.Diagnostic.Kind);
        Assert.Equal(Model.ComponentFeatures.Async, e.Diagnostic.Feature);
    }

    [Fact]
    public void MutatedComponentsFailOnlyWithDiagnostics()
    {
        var valid = ComponentWriter.Write(ComponentTextParser.Parse(Sample));
        var rng = new Random(5);
        for (int n = 0; n < 3000; n++)
        {
            var bytes = (byte[])valid.Clone();
            for (int k = rng.Next(1, 4); k > 0; k--) bytes[rng.Next(8, bytes.Length)] = (byte)rng.Next(256);
            try { ComponentValidator.Validate(ComponentReader.Read(bytes)); }
            catch (WasmException) { }
        }
    }
}
