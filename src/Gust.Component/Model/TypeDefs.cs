using Gust.Component.Types;
using Gust.Wasm;

namespace Gust.Component.Model;

/// <summary>A value type as written: a primitive, or an index of a defined value type.</summary>
public readonly record struct ValTypeRef(Primitive? Primitive, uint Index)
{
    public static ValTypeRef Of(Primitive p) => new(p, 0);
    public static ValTypeRef At(uint index) => new(null, index);
}

public abstract record TypeDef;

/// <summary>A defined value type (Binary.md "defvaltype"), with type references by index.</summary>
public abstract record DefValType : TypeDef;

public sealed record PrimitiveDef(Primitive Kind) : DefValType;
public sealed record RecordDef(List<LabeledType> Fields) : DefValType;
public sealed record VariantDef(List<CaseDef> Cases) : DefValType;
public sealed record ListDef(ValTypeRef Element, uint? Length) : DefValType;
public sealed record TupleDef(List<ValTypeRef> Types) : DefValType;
public sealed record FlagsDef(List<string> Labels) : DefValType;
public sealed record EnumDef(List<string> Labels) : DefValType;
public sealed record OptionDef(ValTypeRef Type) : DefValType;
public sealed record ResultDef(ValTypeRef? Ok, ValTypeRef? Error) : DefValType;
public sealed record OwnDef(uint Resource) : DefValType;
public sealed record BorrowDef(uint Resource) : DefValType;

public sealed record LabeledType(string Label, ValTypeRef Type);
public sealed record CaseDef(string Label, ValTypeRef? Type);

/// <summary>(func (param "l" t)* (result t)?).</summary>
public sealed record FuncTypeDef(List<LabeledType> Params, ValTypeRef? Result) : TypeDef;

/// <summary>(component decl*): imports and exports a component has, with the types they use.</summary>
public sealed record ComponentTypeDef(List<Decl> Decls) : TypeDef;

/// <summary>(instance decl*): the exports an instance has.</summary>
public sealed record InstanceTypeDef(List<Decl> Decls) : TypeDef;

/// <summary>(resource (rep i32) (dtor f)?): a new resource type local to the defining component.</summary>
public sealed record ResourceTypeDef(ValType Rep, uint? Dtor) : TypeDef;

/// <summary>A declarator inside a component or instance type (Binary.md "componentdecl"/"instancedecl").</summary>
public abstract record Decl;
public sealed record CoreTypeDecl(CoreTypeDef Type) : Decl;
public sealed record TypeDecl(TypeDef Type) : Decl;
public sealed record AliasDecl(Alias Alias) : Decl;
public sealed record ImportDecl(ExternName Name, ExternDesc Desc) : Decl;
public sealed record ExportDecl(ExternName Name, ExternDesc Desc) : Decl;

/// <summary>What an import or export is (Binary.md "externtype").</summary>
public abstract record ExternDesc;
public sealed record ModuleExtern(uint CoreType) : ExternDesc;
public sealed record FuncExtern(uint Type) : ExternDesc;
/// <summary>(type (eq i)) or, with <see cref="Eq"/> null, (type (sub resource)).</summary>
public sealed record TypeExtern(uint? Eq) : ExternDesc;
public sealed record ComponentExtern(uint Type) : ExternDesc;
public sealed record InstanceExtern(uint Type) : ExternDesc;

public abstract record CoreTypeDef;
public sealed record CoreFuncTypeDef(FuncType Type) : CoreTypeDef;
/// <summary>(module decl*): a core module's imports and exports.</summary>
public sealed record ModuleTypeDef(List<ModuleDecl> Decls) : CoreTypeDef;

public abstract record ModuleDecl;
public sealed record ModuleImportDecl(string Module, string Name, CoreExternDesc Desc) : ModuleDecl;
public sealed record ModuleTypeDecl(CoreTypeDef Type) : ModuleDecl;
public sealed record ModuleAliasDecl(uint Count, uint Index) : ModuleDecl;
public sealed record ModuleExportDecl(string Name, CoreExternDesc Desc) : ModuleDecl;

/// <summary>A core extern type: func (by type index), table, memory or global.</summary>
public sealed record CoreExternDesc(ExternKind Kind, uint FuncType = 0, TableType? Table = null, MemoryType? Memory = null, GlobalType Global = default);
