using Gust.Component.Model;
using Gust.Wasm;
using Gust.Wasm.Binary;

namespace Gust.Component.Binary;

/// <summary>Reads the component binary format (Binary.md) into a <see cref="ComponentDef"/>.</summary>
public static class ComponentReader
{
    /// <summary>True when the bytes start with a component preamble (layer 1), as opposed to a core module.</summary>
    public static bool IsComponent(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..4].SequenceEqual("\0asm"u8) && bytes[6] == 1 && bytes[7] == 0;

    /// <summary>Reads a whole component. Throws <see cref="WasmException"/> (malformed, with the byte offset; or unsupported).</summary>
    public static ComponentDef Read(ReadOnlySpan<byte> bytes, string? file = null)
    {
        var r = new ByteReader(bytes.ToArray(), file);
        return new SectionReader(r).Component(0);
    }
}

/// <summary>The section-level reading; <see cref="Component"/> recurses for nested components with a depth limit.</summary>
internal sealed partial class SectionReader(ByteReader r)
{
    private const int MaxNesting = 100;

    private ComponentDef _current = new();

    /// <summary>Reads one item and notes its offset in the component being read.</summary>
    private T At<T>(Func<T> read) where T : notnull
    {
        var at = r.Pos;
        var item = read();
        _current.Locations[item] = SourceLocation.AtOffset(r.File, at);
        return item;
    }

    public ComponentDef Component(int depth)
    {
        if (depth > MaxNesting) throw r.Malformed("components nested too deeply");
        Preamble();
        var outer = _current;
        var c = _current = new ComponentDef();
        while (!r.AtEnd)
        {
            var idAt = r.Pos;
            var id = r.Byte();
            if (id > 12) throw r.Malformed("malformed section id", idAt);
            var size = r.U32();
            if (size > r.End - r.Pos) throw r.Malformed(ByteReader.UnexpectedEof, r.End);
            var outerEnd = r.End;
            r.End = r.Pos + (int)size;
            c.Sections.Add(Section(id, idAt, depth));
            if (r.Pos != r.End) throw r.Malformed("section size mismatch: unexpected content after the last item", r.Pos);
            r.End = outerEnd;
        }
        _current = outer;
        return c;
    }

    private void Preamble()
    {
        var at = r.Pos;
        if (r.End - r.Pos < 4 || !r.Bytes.AsSpan(r.Pos, 4).SequenceEqual("\0asm"u8))
        {
            if (r.End - r.Pos < 4) throw r.Malformed(ByteReader.UnexpectedEof, r.End);
            throw r.Malformed("magic header not detected: bad magic number", at);
        }
        r.Pos += 4;
        if (r.End - r.Pos < 4) throw r.Malformed(ByteReader.UnexpectedEof, r.End);
        var version = r.Bytes[r.Pos] | r.Bytes[r.Pos + 1] << 8;
        var layer = r.Bytes[r.Pos + 2] | r.Bytes[r.Pos + 3] << 8;
        if (layer == 0) throw r.Malformed("expected a version header for a component", at + 4);
        if (version != 0x0d || layer != 1) throw r.Malformed("unknown binary version", at + 4);
        r.Pos += 4;
    }

    private ComponentSection Section(byte id, int at, int depth) => id switch
    {
        0 => new ComponentCustomSection(r.Name(), r.Take((uint)(r.End - r.Pos)).ToArray()),
        1 => At(CoreModule),
        2 => new CoreInstanceSection(r.Vec(() => At(CoreInstance))),
        3 => new CoreTypeSection(r.Vec(() => At(() => CoreType(inModuleType: false)))),
        4 => At(() => new NestedComponentSection(Component(depth + 1))),
        5 => new InstanceSection(r.Vec(() => At(Instance))),
        6 => new AliasSection(r.Vec(() => At(Alias))),
        7 => new TypeSection(r.Vec(() => At(() => Type(depth)))),
        8 => new CanonSection(r.Vec(() => At(Canon))),
        9 => throw r.Unsupported(ComponentFeatures.Values, "the start section", at),
        10 => new ImportSection(r.Vec(() => At(() => new ComponentImport(Name(), Extern())))),
        11 => new ExportSection(r.Vec(() => At(Export))),
        12 => throw r.Unsupported(ComponentFeatures.Values, "the value section", at),
        _ => throw r.Malformed("malformed section id", at),
    };

    private CoreModuleSection CoreModule()
    {
        var at = r.Pos;
        var bytes = r.Take((uint)(r.End - r.Pos)).ToArray();
        if (ComponentReader.IsComponent(bytes)) throw r.Malformed("expected a version header for a module", at + 4);
        try { return new CoreModuleSection(ModuleReader.Read(bytes, r.File), bytes); }
        catch (WasmException e) when (e.Diagnostic.Location.Offset >= 0)
        {
            // The core reader counts from the module's start; report the offset in the component. Its
            // "unexpected content after last section" is what a section out of order looks like to it.
            var d = e.Diagnostic;
            var message = d.Message == "unexpected content after last section" ? $"section out of order ({d.Message})" : d.Message;
            throw new WasmException(d with { Message = message, Location = SourceLocation.AtOffset(r.File, d.Location.Offset + at) });
        }
    }

    private CoreInstanceExpr CoreInstance()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0:
                var module = r.U32();
                return new CoreInstantiate(module, r.Vec(() =>
                {
                    var name = r.Name();
                    var kindAt = r.Pos;
                    var kind = r.Byte();
                    if (kind != 0x12) throw r.BadLeading(kind, "instantiation arg kind", kindAt);
                    return new CoreInstantiateArg(name, r.U32());
                }));
            case 1:
                return new CoreInlineExports(r.Vec(() => new CoreInlineExport(r.Name(), new SortIndex(CoreSort("core instance export kind"), r.U32()))));
            default:
                throw r.BadLeading(b, "core instance", at);
        }
    }

    private InstanceExpr Instance()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0:
                var component = r.U32();
                return new Instantiate(component, r.Vec(() => new InstantiateArg(r.Name(), SortIdx())));
            case 1:
                return new InlineExports(r.Vec(() => new InlineExport(Name(), SortIdx())));
            default:
                throw r.BadLeading(b, "instance", at);
        }
    }

    private SortIndex SortIdx() => new(ComponentSort("component external kind"), r.U32());

    private Sort CoreSort(string what)
    {
        var at = r.Pos;
        var b = r.Byte();
        return b switch
        {
            0 => Sort.CoreFunc, 1 => Sort.CoreTable, 2 => Sort.CoreMemory, 3 => Sort.CoreGlobal, 4 => Sort.CoreTag,
            0x10 => Sort.CoreType, 0x11 => Sort.CoreModule, 0x12 => Sort.CoreInstance,
            _ => throw r.BadLeading(b, what, at),
        };
    }

    private Sort ComponentSort(string what)
    {
        var at = r.Pos;
        var b = r.Byte();
        return b switch
        {
            0 => CoreSort(what),
            1 => Sort.Func, 2 => Sort.Value, 3 => Sort.Type, 4 => Sort.Component, 5 => Sort.Instance,
            _ => throw r.BadLeading(b, what, at),
        };
    }

    private Alias Alias()
    {
        var sortAt = r.Pos;
        var sort = ComponentSort("component outer alias kind");
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0: return new Alias(sort, new InstanceExportAlias(r.U32(), r.Name()));
            case 1: return new Alias(sort, new CoreInstanceExportAlias(r.U32(), r.Name()));
            case 2:
                if (sort is not (Sort.CoreModule or Sort.CoreType or Sort.Type or Sort.Component))
                    throw r.BadLeading(r.Bytes[sort.IsCore() ? sortAt + 1 : sortAt], "component outer alias kind", sortAt);
                return new Alias(sort, new OuterAlias(r.U32(), r.U32()));
            default: throw r.BadLeading(b, "alias", at);
        }
    }

    private ComponentExport Export()
    {
        var name = Name();
        var item = SortIdx();
        var at = r.Pos;
        var b = r.Byte();
        var ascribed = b switch { 0 => null, 1 => Extern(), _ => throw r.BadLeading(b, "optional component export type", at) };
        return new ComponentExport(name, item, ascribed);
    }

    private ExternName Name()
    {
        var at = r.Pos;
        var form = r.Byte();
        if (form > 2) throw r.BadLeading(form, "component name", at);
        var name = new ExternName(r.Name(), form);
        if (form < 2) return name;
        var n = r.Count();
        for (uint i = 0; i < n; i++)
        {
            var kindAt = r.Pos;
            var kind = r.Byte();
            switch (kind)
            {
                case 0:
                    if (name.Implements is not null) throw r.Malformed("duplicate 'implements' option in name", kindAt);
                    name = name with { Implements = r.Name() };
                    break;
                case 1:
                    if (name.VersionSuffix is not null) throw r.Malformed("duplicate 'versionsuffix' option in name", kindAt);
                    name = name with { VersionSuffix = r.Name() };
                    break;
                case 2:
                    if (name.ExternalId is not null) throw r.Malformed("duplicate 'external-id' option in name", kindAt);
                    name = name with { ExternalId = r.Name() };
                    break;
                default:
                    throw r.BadLeading(kind, "name option", kindAt);
            }
        }
        return name;
    }

    private ExternDesc Extern()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0:
                var coreAt = r.Pos;
                var core = r.Byte();
                if (core != 0x11) throw r.BadLeading(core, "component external kind", coreAt);
                return new ModuleExtern(r.U32());
            case 1: return new FuncExtern(r.U32());
            case 2: throw r.Unsupported(ComponentFeatures.Values, "a value import or export", at);
            case 3:
                var boundAt = r.Pos;
                var bound = r.Byte();
                return bound switch
                {
                    0 => new TypeExtern(r.U32()),
                    1 => new TypeExtern(null),
                    _ => throw r.BadLeading(bound, "type bound", boundAt),
                };
            case 4: return new ComponentExtern(r.U32());
            case 5: return new InstanceExtern(r.U32());
            default: throw r.BadLeading(b, "component external kind", at);
        }
    }
}
