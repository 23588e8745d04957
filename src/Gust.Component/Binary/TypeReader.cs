using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Binary;

/// <summary>Component and core type definitions (Binary.md "Type Definitions").</summary>
internal sealed partial class SectionReader
{
    private TypeDef Type(int depth)
    {
        if (depth > MaxNesting) throw r.Malformed("types nested too deeply");
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0x40: return FuncType();
            case 0x43: throw r.Unsupported(ComponentFeatures.Async, "an async function type", at);
            case 0x41: return new ComponentTypeDef(r.Vec(() => Decl(depth, component: true)));
            case 0x42: return new InstanceTypeDef(r.Vec(() => Decl(depth, component: false)));
            case 0x3f:
                var rep = CoreValType();
                return new ResourceTypeDef(rep, r.Optional("") ? r.U32() : null);
            default:
                r.Pos = at;
                return DefValType();
        }
    }

    private FuncTypeDef FuncType()
    {
        var ps = r.Vec(Labeled);
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0: return new FuncTypeDef(ps, ValType());
            case 1:
                var zeroAt = r.Pos;
                var zero = r.Byte();
                if (zero != 0) throw r.BadLeading(zero, "number of results", zeroAt);
                return new FuncTypeDef(ps, null);
            default: throw r.BadLeading(b, "component function results", at);
        }
    }

    private LabeledType Labeled() => new(r.Name(), ValType());

    private Decl Decl(int depth, bool component) => At(() => ReadDecl(depth, component));

    private Decl ReadDecl(int depth, bool component)
    {
        var at = r.Pos;
        var b = r.Byte();
        return b switch
        {
            0 => new CoreTypeDecl(CoreType(inModuleType: false)),
            1 => new TypeDecl(Type(depth + 1)),
            2 => new AliasDecl(Alias()),
            3 when component => new ImportDecl(Name(), Extern()),
            4 => new ExportDecl(Name(), Extern()),
            _ => throw r.BadLeading(b, "component or instance type declaration", at),
        };
    }

    private static Primitive? PrimitiveOf(byte b) => b switch
    {
        0x7f => Primitive.Bool, 0x7e => Primitive.S8, 0x7d => Primitive.U8, 0x7c => Primitive.S16, 0x7b => Primitive.U16,
        0x7a => Primitive.S32, 0x79 => Primitive.U32, 0x78 => Primitive.S64, 0x77 => Primitive.U64,
        0x76 => Primitive.F32, 0x75 => Primitive.F64, 0x74 => Primitive.Char, 0x73 => Primitive.String,
        _ => null,
    };

    /// <summary>valtype: a primitive (negative SLEB128 byte) or a type index.</summary>
    private ValTypeRef ValType()
    {
        var at = r.Pos;
        var b = r.PeekByte();
        if (PrimitiveOf(b) is { } p) { r.Pos++; return ValTypeRef.Of(p); }
        if (b == 0x64) throw r.Unsupported(ComponentFeatures.ErrorContext, "the error-context type", at);
        // Type indices are the non-negative s33 values; the negative ones are type opcodes.
        var index = r.S33();
        if (index < 0) throw r.BadLeading(b, "component value type", at);
        if (index > uint.MaxValue) throw r.Malformed("type index too large", at);
        return ValTypeRef.At((uint)index);
    }

    private DefValType DefValType()
    {
        var at = r.Pos;
        var b = r.Byte();
        if (PrimitiveOf(b) is { } p) return new PrimitiveDef(p);
        switch (b)
        {
            case 0x72:
                var fields = r.Vec(Labeled);
                if (fields.Count == 0) throw r.Invalid("record type must have at least one field", at);
                return new RecordDef(fields);
            case 0x71:
                var cases = r.Vec(Case);
                if (cases.Count == 0) throw r.Invalid("variant type must have at least one case", at);
                return new VariantDef(cases);
            case 0x70: return new ListDef(ValType(), null);
            case 0x67: return new ListDef(ValType(), r.U32());
            case 0x6f:
                var types = r.Vec(ValType);
                if (types.Count == 0) throw r.Invalid("tuple type must have at least one type", at);
                return new TupleDef(types);
            case 0x6e:
                var flags = r.Vec(r.Name);
                if (flags.Count == 0) throw r.Invalid("flags must have at least one entry", at);
                if (flags.Count > 32) throw r.Invalid("cannot have more than 32 flags", at);
                return new FlagsDef(flags);
            case 0x6d:
                var labels = r.Vec(r.Name);
                if (labels.Count == 0) throw r.Invalid("enum type must have at least one variant", at);
                return new EnumDef(labels);
            case 0x6b: return new OptionDef(ValType());
            case 0x6a:
                var ok = r.Optional("") ? ValType() : (ValTypeRef?)null;
                var err = r.Optional("") ? ValType() : (ValTypeRef?)null;
                return new ResultDef(ok, err);
            case 0x69: return new OwnDef(r.U32());
            case 0x68: return new BorrowDef(r.U32());
            case 0x66 or 0x65: throw r.Unsupported(ComponentFeatures.Async, b == 0x66 ? "the stream type" : "the future type", at);
            case 0x64: throw r.Unsupported(ComponentFeatures.ErrorContext, "the error-context type", at);
            case 0x63: throw r.Unsupported(ComponentFeatures.Map, "the map type", at);
            default: throw r.BadLeading(b, "component defined type", at);
        }
    }

    private CaseDef Case()
    {
        var label = r.Name();
        var type = r.Optional("") ? ValType() : (ValTypeRef?)null;
        var at = r.Pos;
        var zero = r.Byte();
        if (zero != 0) throw r.BadLeading(zero, "zero byte required", at);
        return new CaseDef(label, type);
    }

    private Gust.Wasm.ValType CoreValType()
    {
        var at = r.Pos;
        var b = r.Byte();
        if (!ValTypes.IsDefined(b))
        {
            if (b is 0x7b) throw r.Unsupported(Features.Simd, "the v128 type", at);
            throw r.BadLeading(b, "value type", at);
        }
        return (Gust.Wasm.ValType)b;
    }

    private CoreTypeDef CoreType(bool inModuleType)
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0x60:
                var ps = r.Vec(CoreValType);
                var rs = r.Vec(CoreValType);
                return new CoreFuncTypeDef(new FuncType(ps.ToArray(), rs.ToArray()));
            case 0x50 when !inModuleType:
                return new ModuleTypeDef(r.Vec(ModuleDecl));
            case 0x00 or 0x4e or 0x4f or 0x5e or 0x5f or 0x50:
                if (b == 0x50) throw r.Invalid("invalid leading byte (0x50) for type definition: module types may not nest", at);
                throw r.Unsupported(Features.Gc, "a GC type definition", at);
            default:
                throw r.BadLeading(b, "type definition", at);
        }
    }

    private ModuleDecl ModuleDecl()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0: return new ModuleImportDecl(r.Name(), r.Name(), CoreExtern());
            case 1: return new ModuleTypeDecl(CoreType(inModuleType: true));
            case 2:
                var sortAt = r.Pos;
                var sort = r.Byte();
                if (sort != 0x10) throw r.BadLeading(sort, "outer alias kind", sortAt);
                var targetAt = r.Pos;
                var target = r.Byte();
                if (target != 1) throw r.BadLeading(target, "outer alias target", targetAt);
                return new ModuleAliasDecl(r.U32(), r.U32());
            case 3: return new ModuleExportDecl(r.Name(), CoreExtern());
            default: throw r.BadLeading(b, "type definition", at);
        }
    }

    private CoreExternDesc CoreExtern()
    {
        var at = r.Pos;
        var b = r.Byte();
        switch (b)
        {
            case 0: return new CoreExternDesc(ExternKind.Func, FuncType: r.U32());
            case 1:
                var elem = CoreValType();
                if (!elem.IsRef()) throw r.Malformed("malformed reference type", at + 1);
                return new CoreExternDesc(ExternKind.Table, Table: new TableType(elem, Limits()));
            case 2: return new CoreExternDesc(ExternKind.Memory, Memory: new MemoryType(Limits()));
            case 3:
                var t = CoreValType();
                var mutAt = r.Pos;
                var mut = r.Byte();
                if (mut > 1) throw r.Malformed("malformed mutability", mutAt);
                return new CoreExternDesc(ExternKind.Global, Global: new GlobalType(t, mut == 1));
            case 4: throw r.Unsupported(Features.Exceptions, "a tag import", at);
            default: throw r.BadLeading(b, "external kind", at);
        }
    }

    private Limits Limits()
    {
        var at = r.Pos;
        var flags = r.Byte();
        if (flags > 1) throw r.Unsupported(Features.Threads, "shared or 64-bit limits", at);
        var min = r.U32();
        return new Limits(min, flags == 1 ? r.U32() : null);
    }
}
