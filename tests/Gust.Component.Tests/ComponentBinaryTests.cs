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

    /// <summary>
    /// A component made by jco 1.x (componentEmbed with a dummy module + componentNew, wit-component 0.259)
    /// for a world with a record, variant, enum, flags, a resource with constructor/method/static, options,
    /// tuples, lists and results; kept as bytes so the test needs no node.
    /// </summary>
    private static readonly string JcoComponent =
        "AGFzbQ0AAQAHhAIBQhcEAARmaWxlAwEBcgIBeHoBeXoEAAVwb2ludAMAAQFxAgZjaXJjbGUBeQADZG90AAAEAAVzaGFwZQMAAwFt" +
        "AgNyZWQFZ3JlZW4EAAVjb2xvcgMABQFuAgRyZWFkBXdyaXRlBAAFcGVybXMDAAcBaQABQAEEbmFtZXMACQQAEVtjb25zdHJ1Y3Rv" +
        "cl1maWxlAQoBaAABcH0BagEMAXMBQAIEc2VsZgsBbnkADQQAEVttZXRob2RdZmlsZS5yZWFkAQ4BQAAACQQAEVtzdGF0aWNdZmls" +
        "ZS5vcGVuAQ8BbwJ9dAFrEAFABQFwAgFzBAFjBgFmCAFvEQBzBAAFaGVsbG8BEgoaAQAVdGVzdDpkZW1vL3R5cGVzQDAuMS4wBQAH" +
        "CgFAAQNtc2dzAQAKCAEAA2xvZwEBAaAIAGFzbQEAAAABRApgAn9/AX9gA39/fwBgAAF/YAp/f39/f39/f39/AGABfwBgAn9/AGAB" +
        "fwF/YAl/f39/f39/f38Bf2AEf39/fwF/YAAAAuQCCRpjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMRFbY29uc3RydWN0b3JdZmls" +
        "ZQAAGmNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xEVttZXRob2RdZmlsZS5yZWFkAAEaY20zMnAyfHRlc3Q6ZGVtby90eXBlc0Aw" +
        "LjERW3N0YXRpY11maWxlLm9wZW4AAhpjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMQVoZWxsbwADGmNtMzJwMnx0ZXN0OmRlbW8v" +
        "dHlwZXNAMC4xCWZpbGVfZHJvcAAEBmNtMzJwMgNsb2cABR5jbTMycDJ8X2V4X3Rlc3Q6ZGVtby90eXBlc0AwLjEJZmlsZV9kcm9w" +
        "AAQeY20zMnAyfF9leF90ZXN0OmRlbW8vdHlwZXNAMC4xCGZpbGVfbmV3AAYeY20zMnAyfF9leF90ZXN0OmRlbW8vdHlwZXNAMC4x" +
        "CGZpbGVfcmVwAAYDDg0ABAAEAAQCBAcEBAgJBQMBAAAH8gMOC2NtMzJwMnx8cnVuAAkQY20zMnAyfHxydW5fcG9zdAAKLGNtMzJw" +
        "Mnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFtjb25zdHJ1Y3Rvcl1maWxlAAsxY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8W2NvbnN0" +
        "cnVjdG9yXWZpbGVfcG9zdAAMLGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFttZXRob2RdZmlsZS5yZWFkAA0xY20zMnAyfHRl" +
        "c3Q6ZGVtby90eXBlc0AwLjF8W21ldGhvZF1maWxlLnJlYWRfcG9zdAAOLGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFtzdGF0" +
        "aWNdZmlsZS5vcGVuAA8xY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8W3N0YXRpY11maWxlLm9wZW5fcG9zdAAQIGNtMzJwMnx0" +
        "ZXN0OmRlbW8vdHlwZXNAMC4xfGhlbGxvABElY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8aGVsbG9fcG9zdAASJGNtMzJwMnx0" +
        "ZXN0OmRlbW8vdHlwZXNAMC4xfGZpbGVfZHRvcgATDWNtMzJwMl9tZW1vcnkCAA5jbTMycDJfcmVhbGxvYwAUEWNtMzJwMl9pbml0" +
        "aWFsaXplABUKLg0DAAALAgALAwAACwIACwMAAAsCAAsDAAALAgALAwAACwIACwIACwMAAAsCAAsALwlwcm9kdWNlcnMBDHByb2Nl" +
        "c3NlZC1ieQENd2l0LWNvbXBvbmVudAcwLjI1OS4wAd4BAGFzbQEAAAABIwVgAn9/AX9gA39/fwBgCn9/f39/f39/f38AYAJ/fwBg" +
        "AX8AAwYFAAECAwQEBQFwAQUFByAGATAAAAExAAEBMgACATMAAwE0AAQIJGltcG9ydHMBAApNBQsAIAAgAUEAEQAACw0AIAAgASAC" +
        "QQERAQALGwAgACABIAIgAyAEIAUgBiAHIAggCUECEQIACwsAIAAgAUEDEQMACwkAIABBBBEEAAsALwlwcm9kdWNlcnMBDHByb2Nl" +
        "c3NlZC1ieQENd2l0LWNvbXBvbmVudAcwLjI1OS4wAgQBAAEABzQEcgIBeHoBeXpxAgZjaXJjbGUBeQADZG90AABtAgNyZWQFZ3Jl" +
        "ZW5uAgRyZWFkBXdyaXRlBgcBAAABAAE0BwUBP38BAAYiAwAAAQABMAAAAQABMQEAABFbc3RhdGljXWZpbGUub3BlbggFAQEAAQAG" +
        "DwIAAAEAATIDAAAEZmlsZQgDAQMHAlMBAQURW2NvbnN0cnVjdG9yXWZpbGUAARFbbWV0aG9kXWZpbGUucmVhZAACEVtzdGF0aWNd" +
        "ZmlsZS5vcGVuAAMFaGVsbG8ABAlmaWxlX2Ryb3AABQYHAQAAAQABMwIJAQEBA2xvZwAGCAcDAwYCBgQGAm8CAQMJZmlsZV9kcm9w" +
        "AAcIZmlsZV9uZXcACAhmaWxlX3JlcAAJAAADGmNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xEgEGY20zMnAyEgIeY20zMnAyfF9l" +
        "eF90ZXN0OmRlbW8vdHlwZXNAMC4xEgMGEwEAAgEEDWNtMzJwMl9tZW1vcnkB1wEAYXNtAQAAAAEmBmACf38Bf2ADf39/AGAKf39/" +
        "f39/f39/fwBgAn9/AGABfwBgAAACZAcGYWN0dWFsATAAAAZhY3R1YWwBMQABBmFjdHVhbAEyAAIGYWN0dWFsATMAAwZhY3R1YWwB" +
        "NAAEBG1haW4RY20zMnAyX2luaXRpYWxpemUABQRzaGltCCRpbXBvcnRzAXABBQUIAQUJCwEAQQALBQABAgMEAC8JcHJvZHVjZXJz" +
        "AQxwcm9jZXNzZWQtYnkBDXdpdC1jb21wb25lbnQHMC4yNTkuMAYWAQEAABFbY29uc3RydWN0b3JdZmlsZQgIAQEAAgIDAAAGKQIB" +
        "AAARW21ldGhvZF1maWxlLnJlYWQAAAEEDmNtMzJwMl9yZWFsbG9jCAoBAQADAwMABAsABgoBAQAABWhlbGxvCBECAQAEAwMABAsA" +
        "AQAAAgMAAAYqAQAAAQQkY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8ZmlsZV9kdG9yAjECAQUBMAAKATEADAEyAA0BMwAOATQA" +
        "DwACAwZhY3R1YWwSBQRtYWluEgQEc2hpbRIABxMDcHNqAXcBc0ABBW5hbWVzCAAJBiYCAAABBAtjbTMycDJ8fHJ1bgAAAQQQY20z" +
        "MnAyfHxydW5fcG9zdAgNAQAAEAQDAAQLAAURCgsJAQADcnVuAQUABw0CaQZAAQRuYW1lcwALBmgCAAABBCxjbTMycDJ8dGVzdDpk" +
        "ZW1vL3R5cGVzQDAuMXxbY29uc3RydWN0b3JdZmlsZQAAAQQxY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8W2NvbnN0cnVjdG9y" +
        "XWZpbGVfcG9zdAgNAQAAEgQDAAQLAAUTDAcXBGgGcH1qAQ4Bc0ACBHNlbGYNAW55AA8GaAIAAAEELGNtMzJwMnx0ZXN0OmRlbW8v" +
        "dHlwZXNAMC4xfFttZXRob2RdZmlsZS5yZWFkAAABBDFjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMXxbbWV0aG9kXWZpbGUucmVh" +
        "ZF9wb3N0CAsBAAAUAwMAAAUVEAcFAUAAAAsGaAIAAAEELGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFtzdGF0aWNdZmlsZS5v" +
        "cGVuAAABBDFjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMXxbc3RhdGljXWZpbGUub3Blbl9wb3N0CAgBAAAWAQUXEQcaA28CfXRr" +
        "EkAFAXACAXMDAWMEAWYFAW8TAHMGUAIAAAEEIGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfGhlbGxvAAABBCVjbTMycDJ8dGVz" +
        "dDpkZW1vL3R5cGVzQDAuMXxoZWxsb19wb3N0CAsBAAAYAwMAAAUZFASmBQBhc20NAAEAChUBABBpbXBvcnQtdHlwZS1maWxlAwEH" +
        "DQJpAEABBG5hbWVzAAEKHAEAF2ltcG9ydC1jb25zdHJ1Y3Rvci1maWxlAQIHFwRoAHB9agEEAXNAAgRzZWxmAwFueQAFChwBABdp" +
        "bXBvcnQtbWV0aG9kLWZpbGUtcmVhZAEGBwUBQAAAAQocAQAXaW1wb3J0LXN0YXRpYy1maWxlLW9wZW4BBwcJAXICAXh6AXl6ChcB" +
        "ABFpbXBvcnQtdHlwZS1wb2ludAMACAcTAXECBmNpcmNsZQF5AANkb3QAAAoXAQARaW1wb3J0LXR5cGUtc2hhcGUDAAoHDQFtAgNy" +
        "ZWQFZ3JlZW4KFwEAEWltcG9ydC10eXBlLWNvbG9yAwAMBw4BbgIEcmVhZAV3cml0ZQoXAQARaW1wb3J0LXR5cGUtcGVybXMDAA4H" +
        "GgNvAn10axBABQFwCQFzCwFjDQFmDwFvEQBzChYBABFpbXBvcnQtZnVuYy1oZWxsbwESBwkBcgIBeHoBeXoLCwEABXBvaW50AxMA" +
        "BxMBcQIGY2lyY2xlAXkAA2RvdAAACwsBAAVzaGFwZQMVAAcNAW0CA3JlZAVncmVlbgsLAQAFY29sb3IDFwAHDgFuAgRyZWFkBXdy" +
        "aXRlCxQCAAVwZXJtcwMZAAAEZmlsZQMAAAcNAmkbQAEEbmFtZXMAHAsZAQARW2NvbnN0cnVjdG9yXWZpbGUBAAEBHQcXBGgbcH1q" +
        "AR8Bc0ACBHNlbGYeAW55ACALGQEAEVttZXRob2RdZmlsZS5yZWFkAQEBASEHBQFAAAAcCxkBABFbc3RhdGljXWZpbGUub3BlbgEC" +
        "AQEiBxoDbwJ9dGsjQAUBcBQBcxYBYxgBZhoBbyQAcwsNAQAFaGVsbG8BAwEBJQXJAQEAAAkXaW1wb3J0LWNvbnN0cnVjdG9yLWZp" +
        "bGUBBxdpbXBvcnQtbWV0aG9kLWZpbGUtcmVhZAEIF2ltcG9ydC1zdGF0aWMtZmlsZS1vcGVuAQkRaW1wb3J0LWZ1bmMtaGVsbG8B" +
        "ChBpbXBvcnQtdHlwZS1maWxlAwYRaW1wb3J0LXR5cGUtcG9pbnQDAhFpbXBvcnQtdHlwZS1zaGFwZQMDEWltcG9ydC10eXBlLWNv" +
        "bG9yAwQRaW1wb3J0LXR5cGUtcGVybXMDBQsbAQAVdGVzdDpkZW1vL3R5cGVzQDAuMS4wBQEAAOMLDmNvbXBvbmVudC1uYW1lAfgG" +
        "AAAaAAlkdG9yLWZpbGUBNWluZGlyZWN0LWNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xLVtjb25zdHJ1Y3Rvcl1maWxlAjVpbmRp" +
        "cmVjdC1jbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMS1bbWV0aG9kXWZpbGUucmVhZAMRW3N0YXRpY11maWxlLm9wZW4EKWluZGly" +
        "ZWN0LWNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xLWhlbGxvBQ1yZXNvdXJjZS5kcm9wBhNpbmRpcmVjdC1jbTMycDItbG9nBw1y" +
        "ZXNvdXJjZS5kcm9wCAxyZXNvdXJjZS5uZXcJDHJlc291cmNlLnJlcAo1aW5kaXJlY3QtY20zMnAyfHRlc3Q6ZGVtby90eXBlc0Aw" +
        "LjEtW2NvbnN0cnVjdG9yXWZpbGULDmNtMzJwMl9yZWFsbG9jDDVpbmRpcmVjdC1jbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMS1b" +
        "bWV0aG9kXWZpbGUucmVhZA0paW5kaXJlY3QtY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjEtaGVsbG8OE2luZGlyZWN0LWNtMzJw" +
        "Mi1sb2cPJGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfGZpbGVfZHRvchALY20zMnAyfHxydW4REGNtMzJwMnx8cnVuX3Bvc3QS" +
        "LGNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFtjb25zdHJ1Y3Rvcl1maWxlEzFjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMXxb" +
        "Y29uc3RydWN0b3JdZmlsZV9wb3N0FCxjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMXxbbWV0aG9kXWZpbGUucmVhZBUxY20zMnAy" +
        "fHRlc3Q6ZGVtby90eXBlc0AwLjF8W21ldGhvZF1maWxlLnJlYWRfcG9zdBYsY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjF8W3N0" +
        "YXRpY11maWxlLm9wZW4XMWNtMzJwMnx0ZXN0OmRlbW8vdHlwZXNAMC4xfFtzdGF0aWNdZmlsZS5vcGVuX3Bvc3QYIGNtMzJwMnx0" +
        "ZXN0OmRlbW8vdHlwZXNAMC4xfGhlbGxvGSVjbTMycDJ8dGVzdDpkZW1vL3R5cGVzQDAuMXxoZWxsb19wb3N0AQsAAgEABm1lbW9y" +
        "eQE5ABEDAARtYWluARl3aXQtY29tcG9uZW50LXNoaW0tbW9kdWxlAhN3aXQtY29tcG9uZW50LWZpeHVwAXkAEgcAG3dpdC1jb21w" +
        "b25lbnQtc2hpbS1pbnN0YW5jZQEaY20zMnAyfHRlc3Q6ZGVtby90eXBlc0AwLjECBmNtMzJwMgMeY20zMnAyfF9leF90ZXN0OmRl" +
        "bW8vdHlwZXNAMC4xBARtYWluBQZhY3R1YWwGBWZpeHVwAVUFAwAVdGVzdDpkZW1vL3R5cGVzQDAuMS4wASN0ZXN0OmRlbW8vdHlw" +
        "ZXNAMC4xLjAtc2hpbS1pbnN0YW5jZQIVdGVzdDpkZW1vL3R5cGVzQDAuMS4wAZEBAQsAA2xvZwERW3N0YXRpY11maWxlLm9wZW4C" +
        "EVtjb25zdHJ1Y3Rvcl1maWxlAxFbbWV0aG9kXWZpbGUucmVhZAQFaGVsbG8FA3J1bgYDcnVuBxFbY29uc3RydWN0b3JdZmlsZQgR" +
        "W21ldGhvZF1maWxlLnJlYWQJEVtzdGF0aWNdZmlsZS5vcGVuCgVoZWxsbwEoAwMAGHR5LXRlc3Q6ZGVtby90eXBlc0AwLjEuMAYE" +
        "ZmlsZQcEZmlsZQEoBAEAJHRlc3Q6ZGVtby90eXBlc0AwLjEuMC1zaGltLWNvbXBvbmVudAFVBQMAFXRlc3Q6ZGVtby90eXBlc0Aw" +
        "LjEuMAEjdGVzdDpkZW1vL3R5cGVzQDAuMS4wLXNoaW0taW5zdGFuY2UCFXRlc3Q6ZGVtby90eXBlc0AwLjEuMAAvCXByb2R1Y2Vy" +
        "cwEMcHJvY2Vzc2VkLWJ5AQ13aXQtY29tcG9uZW50BzAuMjU5LjA=" +
        "";

    [Fact]
    public void ReadsValidatesAndRewritesAComponentMadeByJco()
    {
        var bytes = Convert.FromBase64String(JcoComponent);
        var c = ComponentReader.Read(bytes, "jco.wasm");
        ComponentValidator.Validate(c, "jco.wasm");
        Assert.Equal(bytes, ComponentWriter.Write(c));
        Assert.Contains(c.Sections, s => s is ExportSection e && e.Exports.Any(x => x.Name.Name == "test:demo/types@0.1.0"));
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
    public void DeepTypeChainsAreRejectedNotOverflowed()
    {
        var types = new List<TypeDef> { new PrimitiveDef(Primitive.U8) };
        for (uint i = 0; i < 20000; i++) types.Add(new ListDef(ValTypeRef.At(i), null));
        var c = new ComponentDef();
        c.Sections.Add(new TypeSection(types));
        var back = ComponentReader.Read(ComponentWriter.Write(c));
        var e = Assert.Throws<WasmException>(() => ComponentValidator.Validate(back));
        Assert.Contains("too deep", e.Diagnostic.Message);
    }

    [Fact]
    public void DeeplyNestedComponentsAreRejectedNotOverflowed()
    {
        var text = string.Concat(Enumerable.Repeat("(component ", 5000)) + new string(')', 5000);
        Assert.Throws<WasmException>(() => ComponentTextParser.Parse(text));
        var bytes = Preamble;
        for (int i = 0; i < 300; i++) bytes = Bytes(Preamble, [0x04], Leb((uint)bytes.Length), bytes);
        Assert.Contains("too deep", Assert.Throws<WasmException>(() => ComponentReader.Read(bytes)).Diagnostic.Message);
    }

    private static byte[] Leb(uint v)
    {
        var list = new List<byte>();
        do { var b = (byte)(v & 0x7f); v >>= 7; list.Add(v == 0 ? b : (byte)(b | 0x80)); } while (v != 0);
        return list.ToArray();
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
