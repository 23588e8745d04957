using Gust.Component.Model;
using Gust.Wasm;

namespace Gust.Component.Validation;

/// <summary>Core definitions inside a component: modules (validated by Gust.Wasm), instances and module types.</summary>
internal sealed partial class Checker
{
    private CoreModuleT CoreModule(CoreModuleSection m)
    {
        try { Gust.Wasm.Validation.Validator.Validate(m.Module, file); }
        catch (WasmException e) when (e.Diagnostic.Location.Offset >= 0 && _at.Offset >= 0)
        {
            // Offsets in a core module read from a component count from the module's start.
            throw new WasmException(e.Diagnostic with { Location = SourceLocation.AtOffset(file, _at.Offset + e.Diagnostic.Location.Offset) });
        }
        var module = m.Module;
        var imports = new List<(string, string, CoreET)>();
        var seen = new HashSet<(string, string)>();
        foreach (var imp in module.Imports)
        {
            if (!seen.Add((imp.Module, imp.Name))) throw Fail($"duplicate import name `{imp.Module}:{imp.Name}`");
            CoreET t = imp.Kind switch
            {
                ExternKind.Func => new CoreFuncET(module.Types[(int)imp.FuncTypeIndex]),
                ExternKind.Table => new CoreTableET(imp.Table!),
                ExternKind.Memory => new CoreMemoryET(imp.Memory!),
                _ => new CoreGlobalET(imp.Global),
            };
            imports.Add((imp.Module, imp.Name, t));
        }
        var exports = new Dictionary<string, CoreET>(StringComparer.Ordinal);
        foreach (var e in module.Exports)
        {
            exports[e.Name] = e.Kind switch
            {
                ExternKind.Func => new CoreFuncET(module.FuncTypeOf(e.Index)!),
                ExternKind.Table => new CoreTableET(module.TableTypeOf(e.Index)!),
                ExternKind.Memory => new CoreMemoryET(module.MemoryTypeOf(e.Index)!),
                _ => new CoreGlobalET(module.GlobalTypeOf(e.Index)!.Value),
            };
        }
        return new CoreModuleT(imports, exports);
    }

    private Dictionary<string, CoreET> CoreInstance(CoreInstanceExpr expr, Scope s)
    {
        switch (expr)
        {
            case CoreInstantiate inst:
            {
                var module = ModuleAt(s, inst.Module);
                var args = new Dictionary<string, Dictionary<string, CoreET>>(StringComparer.Ordinal);
                foreach (var a in inst.Args)
                    if (!args.TryAdd(a.Name, CoreInstanceAt(s, a.Instance)))
                        throw Fail($"duplicate module instantiation argument named `{a.Name}`");
                foreach (var (mod, name, expected) in module.Imports)
                {
                    if (!args.TryGetValue(mod, out var arg)) throw Fail($"missing module instantiation argument named `{mod}`");
                    if (!arg.TryGetValue(name, out var actual)) throw Fail($"module instantiation argument `{mod}` does not export an item named `{name}`");
                    try { CoreSubtyping.Extern(actual, expected, this); }
                    catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Invalid)
                    {
                        throw Fail($"type mismatch for export `{name}` of module instantiation argument `{mod}`: {e.Diagnostic.Message}");
                    }
                }
                return new Dictionary<string, CoreET>(module.Exports, StringComparer.Ordinal);
            }
            case CoreInlineExports ie:
            {
                var exports = new Dictionary<string, CoreET>(StringComparer.Ordinal);
                foreach (var e in ie.Exports)
                {
                    CoreET t = e.Item.Sort switch
                    {
                        Sort.CoreFunc => new CoreFuncET(CoreFuncAt(s, e.Item.Index)),
                        Sort.CoreTable => new CoreTableET(At(s.CoreTables, e.Item.Index, () => $"unknown table {e.Item.Index}: table index out of bounds", this)),
                        Sort.CoreMemory => new CoreMemoryET(CoreMemoryAt(s, e.Item.Index)),
                        Sort.CoreGlobal => new CoreGlobalET(At(s.CoreGlobals, e.Item.Index, () => $"unknown global {e.Item.Index}: global index out of bounds", this)),
                        Sort.CoreTag => throw Fail($"unknown tag {e.Item.Index}: tag index out of bounds"),
                        _ => throw Fail($"{e.Item.Sort.Name()} cannot be exported from a core instance"),
                    };
                    if (!exports.TryAdd(e.Name, t)) throw Fail($"export name `{e.Name}` already defined");
                }
                return exports;
            }
            default:
                throw Fail("unknown core instance expression");
        }
    }

    private MemoryType Memory(MemoryType m)
    {
        if (m.Limits.Min > 65536 || m.Limits.Max > 65536) throw Fail("memory size must be at most 65536 pages (4GiB)");
        return m;
    }

    private object CoreType(CoreTypeDef t, Scope s)
    {
        switch (t)
        {
            case CoreFuncTypeDef f: return f.Type;
            case ModuleTypeDef m:
            {
                var types = new List<FuncType>();
                var imports = new List<(string, string, CoreET)>();
                var seen = new HashSet<(string, string)>();
                var exports = new Dictionary<string, CoreET>(StringComparer.Ordinal);
                CoreET Desc(CoreExternDesc d) => d.Kind switch
                {
                    ExternKind.Func => new CoreFuncET(d.FuncType < types.Count ? types[(int)d.FuncType] : throw Fail($"unknown type {d.FuncType}: type index out of bounds")),
                    ExternKind.Table => new CoreTableET(d.Table!),
                    ExternKind.Memory => new CoreMemoryET(Memory(d.Memory!)),
                    _ => new CoreGlobalET(d.Global),
                };
                foreach (var d in m.Decls)
                {
                    switch (d)
                    {
                        case ModuleImportDecl i:
                            var it = Desc(i.Desc);
                            if (!seen.Add((i.Module, i.Name))) throw Fail($"duplicate import name `{i.Module}:{i.Name}`");
                            imports.Add((i.Module, i.Name, it));
                            break;
                        case ModuleExportDecl e:
                            var et = Desc(e.Desc);
                            if (!exports.TryAdd(e.Name, et)) throw Fail($"export name `{e.Name}` already defined");
                            break;
                        case ModuleTypeDecl td:
                            types.Add(td.Type is CoreFuncTypeDef cf ? cf.Type : throw Fail("invalid leading byte (0x50) for type definition: module types may not nest"));
                            break;
                        case ModuleAliasDecl a:
                            if (a.Count == 0) { types.Add(a.Index < types.Count ? types[(int)a.Index] : throw Fail($"unknown type {a.Index}: type index out of bounds")); break; }
                            var target = s;
                            for (uint k = 1; k < a.Count; k++) target = target.Parent ?? throw Fail($"invalid outer alias count of {a.Count}");
                            types.Add(CoreTypeAt(target, a.Index) as FuncType ?? throw Fail("core type aliased into a module type is not a function type"));
                            break;
                    }
                }
                return new CoreModuleT(imports, exports);
            }
            default:
                throw Fail("unknown core type");
        }
    }
}

/// <summary>Core extern and module type matching (as for instantiating core modules), with wasm-tools' messages.</summary>
internal static class CoreSubtyping
{
    public static string Text(FuncType f)
    {
        var s = "(func";
        if (f.Params.Length > 0) s += " (param " + string.Join(" ", f.Params.Select(p => p.Name())) + ")";
        if (f.Results.Length > 0) s += " (result " + string.Join(" ", f.Results.Select(p => p.Name())) + ")";
        return s + ")";
    }

    public static void Extern(CoreET a, CoreET b, Checker c)
    {
        switch (a, b)
        {
            case (CoreFuncET fa, CoreFuncET fb):
                if (!fa.Type.Equals(fb.Type)) throw c.Fail($"type mismatch: expected: {Text(fb.Type)}, found: {Text(fa.Type)}");
                break;
            case (CoreTableET ta, CoreTableET tb):
                if (ta.Type.ElemType != tb.Type.ElemType) throw c.Fail($"expected table element type {tb.Type.ElemType.Name()}, found {ta.Type.ElemType.Name()}");
                if (!Limits(ta.Type.Limits, tb.Type.Limits)) throw c.Fail("mismatch in table limits");
                break;
            case (CoreMemoryET ma, CoreMemoryET mb):
                if (!Limits(ma.Type.Limits, mb.Type.Limits)) throw c.Fail("mismatch in memory limits");
                if (ma.Type.PageSizeLog2 != mb.Type.PageSizeLog2) throw c.Fail("mismatch in memory page size");
                break;
            case (CoreGlobalET ga, CoreGlobalET gb):
                if (ga.Type.Mutable != gb.Type.Mutable) throw c.Fail("global types differ in mutability");
                if (ga.Type.Type != gb.Type.Type) throw c.Fail($"expected global type {gb.Type.Type.Name()}, found {ga.Type.Type.Name()}");
                break;
            default:
                throw c.Fail($"expected {TypeDescriptions.Kind(b)}, found {TypeDescriptions.Kind(a)}");
        }
    }

    private static bool Limits(Limits a, Limits b) => a.Min >= b.Min && (b.Max is null || a.Max is { } am && am <= b.Max);

    /// <summary>Module a may stand for module type b: b's imports cover a's, a's exports cover b's.</summary>
    public static void Module(CoreModuleT a, CoreModuleT b, Checker c)
    {
        foreach (var (mod, name, at) in a.Imports)
        {
            var bt = b.Imports.FirstOrDefault(i => i.Module == mod && i.Name == name).Type ?? throw c.Fail($"missing expected import `{mod}::{name}`");
            Context(c, $"type mismatch in import `{mod}::{name}`", () => Extern(bt, at, c));
        }
        foreach (var (name, bt) in b.Exports)
        {
            if (!a.Exports.TryGetValue(name, out var at)) throw c.Fail($"missing expected export `{name}`");
            Context(c, $"type mismatch in export `{name}`", () => Extern(at, bt, c));
        }
    }

    private static void Context(Checker c, string context, Action check)
    {
        try { check(); }
        catch (WasmException e) when (e.Diagnostic.Kind == DiagnosticKind.Invalid) { throw c.Fail($"{context}: {e.Diagnostic.Message}"); }
    }
}
