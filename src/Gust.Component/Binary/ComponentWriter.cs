using Gust.Component.Model;
using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Binary;

/// <summary>Writes a <see cref="ComponentDef"/> in the component binary format (Binary.md), sections in model order.</summary>
public static class ComponentWriter
{
    public static readonly byte[] Preamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    public static byte[] Write(ComponentDef component)
    {
        var w = new ByteWriter();
        WriteComponent(w, component);
        return w.ToArray();
    }

    private static void WriteComponent(ByteWriter w, ComponentDef c)
    {
        w.Bytes(Preamble);
        foreach (var s in c.Sections) Section(w, s);
    }

    private static void Section(ByteWriter w, ComponentSection s)
    {
        switch (s)
        {
            case ComponentCustomSection cs: w.Section(0, b => { b.Name(cs.Name); b.Bytes(cs.Data); }); break;
            case CoreModuleSection m: w.Section(1, b => b.Bytes(m.Bytes)); break;
            case CoreInstanceSection ci: w.Section(2, b => b.Vec(ci.Instances, i => CoreInstance(b, i))); break;
            case CoreTypeSection ct: w.Section(3, b => b.Vec(ct.Types, t => CoreType(b, t))); break;
            case NestedComponentSection n: w.Section(4, b => WriteComponent(b, n.Component)); break;
            case InstanceSection i: w.Section(5, b => b.Vec(i.Instances, x => Instance(b, x))); break;
            case AliasSection a: w.Section(6, b => b.Vec(a.Aliases, x => Alias(b, x))); break;
            case TypeSection t: w.Section(7, b => b.Vec(t.Types, x => Type(b, x))); break;
            case CanonSection c: w.Section(8, b => b.Vec(c.Funcs, x => Canon(b, x))); break;
            case ImportSection im: w.Section(10, b => b.Vec(im.Imports, x => { Name(b, x.Name); Extern(b, x.Desc); })); break;
            case ExportSection ex: w.Section(11, b => b.Vec(ex.Exports, x => Export(b, x))); break;
            default: throw new InvalidOperationException($"unknown section {s.GetType().Name}");
        }
    }

    private static void CoreInstance(ByteWriter w, CoreInstanceExpr i)
    {
        switch (i)
        {
            case CoreInstantiate ci:
                w.Byte(0); w.U32(ci.Module);
                w.Vec(ci.Args, a => { w.Name(a.Name); w.Byte(0x12); w.U32(a.Instance); });
                break;
            case CoreInlineExports ce:
                w.Byte(1);
                w.Vec(ce.Exports, e => { w.Name(e.Name); CoreSort(w, e.Item.Sort); w.U32(e.Item.Index); });
                break;
        }
    }

    private static void Instance(ByteWriter w, InstanceExpr i)
    {
        switch (i)
        {
            case Instantiate ci:
                w.Byte(0); w.U32(ci.Component);
                w.Vec(ci.Args, a => { w.Name(a.Name); SortIdx(w, a.Item); });
                break;
            case InlineExports ie:
                w.Byte(1);
                w.Vec(ie.Exports, e => { Name(w, e.Name); SortIdx(w, e.Item); });
                break;
        }
    }

    private static void CoreSort(ByteWriter w, Sort s) => w.Byte(s switch
    {
        Sort.CoreFunc => 0, Sort.CoreTable => 1, Sort.CoreMemory => 2, Sort.CoreGlobal => 3, Sort.CoreTag => 4,
        Sort.CoreType => 0x10, Sort.CoreModule => 0x11, _ => 0x12,
    });

    private static void ComponentSort(ByteWriter w, Sort s)
    {
        if (s.IsCore()) { w.Byte(0); CoreSort(w, s); return; }
        w.Byte(s switch { Sort.Func => 1, Sort.Value => 2, Sort.Type => 3, Sort.Component => 4, _ => 5 });
    }

    private static void SortIdx(ByteWriter w, SortIndex si) { ComponentSort(w, si.Sort); w.U32(si.Index); }

    private static void Alias(ByteWriter w, Alias a)
    {
        ComponentSort(w, a.Sort);
        switch (a.Target)
        {
            case InstanceExportAlias ie: w.Byte(0); w.U32(ie.Instance); w.Name(ie.Name); break;
            case CoreInstanceExportAlias ce: w.Byte(1); w.U32(ce.Instance); w.Name(ce.Name); break;
            case OuterAlias o: w.Byte(2); w.U32(o.Count); w.U32(o.Index); break;
        }
    }

    private static void Name(ByteWriter w, ExternName n)
    {
        var form = n.HasAttributes ? (byte)2 : n.Form;
        w.Byte(form);
        w.Name(n.Name);
        if (form < 2) return;
        var count = (n.Implements is null ? 0u : 1) + (n.VersionSuffix is null ? 0u : 1) + (n.ExternalId is null ? 0u : 1);
        w.U32(count);
        if (n.Implements is not null) { w.Byte(0); w.Name(n.Implements); }
        if (n.VersionSuffix is not null) { w.Byte(1); w.Name(n.VersionSuffix); }
        if (n.ExternalId is not null) { w.Byte(2); w.Name(n.ExternalId); }
    }

    private static void Extern(ByteWriter w, ExternDesc d)
    {
        switch (d)
        {
            case ModuleExtern m: w.Byte(0); w.Byte(0x11); w.U32(m.CoreType); break;
            case FuncExtern f: w.Byte(1); w.U32(f.Type); break;
            case TypeExtern t:
                w.Byte(3);
                if (t.Eq is { } eq) { w.Byte(0); w.U32(eq); } else w.Byte(1);
                break;
            case ComponentExtern c: w.Byte(4); w.U32(c.Type); break;
            case InstanceExtern i: w.Byte(5); w.U32(i.Type); break;
        }
    }

    private static void Export(ByteWriter w, ComponentExport e)
    {
        Name(w, e.Name);
        SortIdx(w, e.Item);
        if (e.Ascribed is null) w.Byte(0);
        else { w.Byte(1); Extern(w, e.Ascribed); }
    }

    private static void Type(ByteWriter w, TypeDef t)
    {
        switch (t)
        {
            case DefValType dv: DefVal(w, dv); break;
            case FuncTypeDef f:
                w.Byte(0x40);
                w.Vec(f.Params, p => { w.Name(p.Label); ValType(w, p.Type); });
                if (f.Result is { } r) { w.Byte(0); ValType(w, r); } else { w.Byte(1); w.Byte(0); }
                break;
            case ComponentTypeDef c: w.Byte(0x41); w.Vec(c.Decls, d => Decl(w, d)); break;
            case InstanceTypeDef i: w.Byte(0x42); w.Vec(i.Decls, d => Decl(w, d)); break;
            case ResourceTypeDef res:
                w.Byte(0x3f); w.Byte((byte)res.Rep);
                if (res.Dtor is { } dtor) { w.Byte(1); w.U32(dtor); } else w.Byte(0);
                break;
        }
    }

    private static void Decl(ByteWriter w, Decl d)
    {
        switch (d)
        {
            case CoreTypeDecl ct: w.Byte(0); CoreType(w, ct.Type); break;
            case TypeDecl t: w.Byte(1); Type(w, t.Type); break;
            case AliasDecl a: w.Byte(2); Alias(w, a.Alias); break;
            case ImportDecl i: w.Byte(3); Name(w, i.Name); Extern(w, i.Desc); break;
            case ExportDecl e: w.Byte(4); Name(w, e.Name); Extern(w, e.Desc); break;
        }
    }

    internal static byte PrimitiveCode(Primitive p) => (byte)(0x7f - (int)p);

    private static void ValType(ByteWriter w, ValTypeRef t)
    {
        if (t.Primitive is { } p) w.Byte(PrimitiveCode(p)); else w.S33(t.Index);
    }

    private static void OptionalValType(ByteWriter w, ValTypeRef? t)
    {
        if (t is { } v) { w.Byte(1); ValType(w, v); } else w.Byte(0);
    }

    private static void DefVal(ByteWriter w, DefValType t)
    {
        switch (t)
        {
            case PrimitiveDef p: w.Byte(PrimitiveCode(p.Kind)); break;
            case RecordDef r: w.Byte(0x72); w.Vec(r.Fields, f => { w.Name(f.Label); ValType(w, f.Type); }); break;
            case VariantDef v: w.Byte(0x71); w.Vec(v.Cases, c => { w.Name(c.Label); OptionalValType(w, c.Type); w.Byte(0); }); break;
            case ListDef l when l.Length is { } n: w.Byte(0x67); ValType(w, l.Element); w.U32(n); break;
            case ListDef l: w.Byte(0x70); ValType(w, l.Element); break;
            case TupleDef tu: w.Byte(0x6f); w.Vec(tu.Types, x => ValType(w, x)); break;
            case FlagsDef f: w.Byte(0x6e); w.Vec(f.Labels, w.Name); break;
            case EnumDef e: w.Byte(0x6d); w.Vec(e.Labels, w.Name); break;
            case OptionDef o: w.Byte(0x6b); ValType(w, o.Type); break;
            case ResultDef r: w.Byte(0x6a); OptionalValType(w, r.Ok); OptionalValType(w, r.Error); break;
            case OwnDef o: w.Byte(0x69); w.U32(o.Resource); break;
            case BorrowDef b: w.Byte(0x68); w.U32(b.Resource); break;
        }
    }

    private static void CoreType(ByteWriter w, CoreTypeDef t)
    {
        switch (t)
        {
            case CoreFuncTypeDef f:
                w.Byte(0x60);
                w.Vec(f.Type.Params, p => w.Byte((byte)p));
                w.Vec(f.Type.Results, p => w.Byte((byte)p));
                break;
            case ModuleTypeDef m:
                w.Byte(0x50);
                w.Vec(m.Decls, d => ModuleDecl(w, d));
                break;
        }
    }

    private static void ModuleDecl(ByteWriter w, ModuleDecl d)
    {
        switch (d)
        {
            case ModuleImportDecl i: w.Byte(0); w.Name(i.Module); w.Name(i.Name); CoreExtern(w, i.Desc); break;
            case ModuleTypeDecl t: w.Byte(1); CoreType(w, t.Type); break;
            case ModuleAliasDecl a: w.Byte(2); w.Byte(0x10); w.Byte(1); w.U32(a.Count); w.U32(a.Index); break;
            case ModuleExportDecl e: w.Byte(3); w.Name(e.Name); CoreExtern(w, e.Desc); break;
        }
    }

    private static void CoreExtern(ByteWriter w, CoreExternDesc d)
    {
        w.Byte((byte)d.Kind);
        switch (d.Kind)
        {
            case ExternKind.Func: w.U32(d.FuncType); break;
            case ExternKind.Table: w.Byte((byte)d.Table!.ElemType); Limits(w, d.Table.Limits); break;
            case ExternKind.Memory: Limits(w, d.Memory!.Limits); break;
            case ExternKind.Global: w.Byte((byte)d.Global.Type); w.Byte(d.Global.Mutable ? (byte)1 : (byte)0); break;
        }
    }

    private static void Limits(ByteWriter w, Limits l)
    {
        w.Byte(l.Max is null ? (byte)0 : (byte)1);
        w.U32((uint)l.Min);
        if (l.Max is { } max) w.U32((uint)max);
    }

    private static void Canon(ByteWriter w, Canon c)
    {
        switch (c)
        {
            case CanonLift l: w.Byte(0); w.Byte(0); w.U32(l.CoreFunc); Options(w, l.Options); w.U32(l.Type); break;
            case CanonLower l: w.Byte(1); w.Byte(0); w.U32(l.Func); Options(w, l.Options); break;
            case CanonResource r: w.Byte((byte)r.Op); w.U32(r.Resource); break;
        }
    }

    private static void Options(ByteWriter w, List<CanonOpt> opts) => w.Vec(opts, o =>
    {
        w.Byte((byte)o.Kind);
        if (!o.IsEncoding) w.U32(o.Index);
    });
}
