using System.Text;
using Gust.Component.Abi;
using Gust.Component.Binary;
using Gust.Component.Model;
using Gust.Component.Validation;
using Gust.Component.Wit;
using Gust.Wasm;
using Gust.Wasm.Binary;
using Gust.Wasm.Text;
using Gust.Wasm.Validation;

namespace Gust.Component.Wrap;

/// <summary>
/// <c>gust component new</c>: wraps a core module that implements a world into a component, laid out as
/// wit-component lays it out. The imported interfaces become instance imports; each imported function is
/// lowered (memory, realloc, UTF-8) into the core module, through a shim table because the memory only exists
/// once the module is instantiated (a fixup module fills the table afterwards); each exported function is lifted
/// (with its post-return when the module has one) and exported alone or in an instance per interface.
/// </summary>
public static class ComponentNew
{
    /// <summary>
    /// Builds the component. <paramref name="world"/> null: the world embedded in the module's
    /// <c>component-type</c> custom section. Throws <see cref="WasmException"/> when the module does not match.
    /// </summary>
    public static byte[] Build(byte[] core, WitWorld? world, string? file = null)
    {
        var module = ModuleReader.Read(core, file);
        Validator.Validate(module, file);
        if (world is null)
        {
            var section = module.Customs.FirstOrDefault(c => c.Name.StartsWith("component-type", StringComparison.Ordinal))
                ?? throw WasmException.Invalid("the module has no `component-type` custom section: name its WIT with --wit", SourceLocation.AtOffset(file, -1));
            var (set, name) = ComponentWit.DecodeEmbedded(section.Data);
            world = set.SelectWorld(name);
        }
        var stripped = StripComponentType(core);
        var def = new Builder(world, ModuleReader.Read(stripped, file), stripped, file).Build();
        ComponentValidator.Validate(def, file);
        return ComponentWriter.Write(def);
    }

    /// <summary>The module's bytes without its <c>component-type*</c> custom sections (they describe the module, not the component).</summary>
    private static byte[] StripComponentType(byte[] core)
    {
        var output = new MemoryStream();
        output.Write(core, 0, 8);
        int pos = 8;
        while (pos < core.Length)
        {
            int start = pos;
            byte id = core[pos++];
            uint size = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = core[pos++];
                size |= (uint)(b & 0x7f) << shift;
                if (b < 0x80) break;
            }
            int end = pos + (int)size;
            bool drop = id == 0 && CustomName(core, pos).StartsWith("component-type", StringComparison.Ordinal);
            if (!drop) output.Write(core, start, end - start);
            pos = end;
        }
        return output.ToArray();
    }

    private static string CustomName(byte[] b, int pos)
    {
        uint len = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte x = b[pos++];
            len |= (uint)(x & 0x7f) << shift;
            if (x < 0x80) break;
        }
        return Encoding.UTF8.GetString(b, pos, (int)len);
    }

    /// <summary>One core import the world accounts for: a function to lower, or a resource built-in (an imported resource's drop; an exported one's new/rep/drop).</summary>
    private sealed record CoreImport(Import Import, WitWorldItem Item, WitFunction? Function, WitTypeDef? Resource, ResourceBuiltin Op);

    /// <summary>A function the shim's table holds until the fixup fills it: a lowered import, or an exported resource's destructor.</summary>
    private sealed record Slot(FuncType Type, CoreImport? Lowered, string? Destructor);

    private sealed class Builder(WitWorld world, Module module, byte[] bytes, string? file)
    {
        private readonly ComponentDef _c = new();
        private uint _types, _funcs, _instances, _components, _coreFuncs, _coreInstances, _coreModules, _coreMemories;
        /// <summary>Component-level type index of each named WIT type (imported through an instance, imported, or defined here).</summary>
        private readonly Dictionary<WitTypeDef, uint> _named = new();
        /// <summary>The instance each imported interface became.</summary>
        private readonly Dictionary<WitInterface, uint> _importedInstances = new();
        private readonly Dictionary<WitWorldItem, uint> _importedFuncs = new();

        private WasmException Error(string message) => WasmException.Invalid(message, SourceLocation.AtOffset(file, -1));

        public ComponentDef Build()
        {
            foreach (var item in world.Imports) Import(item);
            var imports = MatchImports();
            uint mainModule = _coreModules++;
            _c.Sections.Add(new CoreModuleSection(module, bytes));
            var lowered = imports.Where(i => i.Function is not null).ToList();
            var slots = lowered.Select(i => new Slot(module.Types[(int)i.Import.FuncTypeIndex], i, null)).ToList();
            var exportedResources = world.Exports.Where(e => e.Interface is not null)
                .SelectMany(e => e.Interface!.Types.Where(t => t.Kind == WitTypeDefKind.Resource).Select(t => (Item: e, Resource: t))).ToList();
            var destructors = new Dictionary<WitTypeDef, int>();
            foreach (var (item, r) in exportedResources)
            {
                if (FindExport(CoreNames.Destructor(item.Name, r.Name), ExternKind.Func) is not { } dtor) continue;
                CheckExport(dtor, new FuncType([ValType.I32], []));
                destructors[r] = slots.Count;
                slots.Add(new Slot(new FuncType([ValType.I32], []), null, dtor));
            }
            uint? shim = slots.Count > 0 ? Shim(slots) : null;
            var slotFuncs = new List<uint>();
            for (int i = 0; i < slots.Count; i++)
            {
                Add(new AliasSection([new(Sort.CoreFunc, new CoreInstanceExportAlias(shim!.Value, i.ToString()))]));
                slotFuncs.Add(_coreFuncs++);
            }
            foreach (var (_, r) in exportedResources)
                _named[r] = AddType(new ResourceTypeDef(ValType.I32, destructors.TryGetValue(r, out var slot) ? slotFuncs[slot] : null));
            var coreFuncOf = new Dictionary<CoreImport, uint>();
            for (int i = 0; i < lowered.Count; i++) coreFuncOf[lowered[i]] = slotFuncs[i];
            foreach (var r in imports.Where(i => i.Resource is not null))
            {
                Add(new CanonSection([new CanonResource(r.Op, NamedType(r.Resource!))]));
                coreFuncOf[r] = _coreFuncs++;
            }
            var args = new List<CoreInstantiateArg>();
            foreach (var group in imports.GroupBy(i => i.Import.Module))
            {
                Add(new CoreInstanceSection([new CoreInlineExports(group.Select(i => new CoreInlineExport(i.Import.Name, new SortIndex(Sort.CoreFunc, coreFuncOf[i]))).ToList())]));
                args.Add(new(group.Key, _coreInstances++));
            }
            Add(new CoreInstanceSection([new CoreInstantiate(mainModule, args)]));
            uint main = _coreInstances++;

            uint? memory = null, realloc = null;
            if (FindExport(CoreNames.Memory, ExternKind.Memory) is { } mem)
            {
                Add(new AliasSection([new(Sort.CoreMemory, new CoreInstanceExportAlias(main, mem))]));
                memory = _coreMemories++;
            }
            if (FindExport(CoreNames.Realloc, ExternKind.Func) is { } re)
                realloc = AliasCore(main, re);
            var initialize = FindExport(CoreNames.Initialize, ExternKind.Func);

            if (slots.Count > 0 || initialize is not null)
            {
                var actual = new List<CoreInlineExport>();
                for (int i = 0; i < slots.Count; i++)
                {
                    uint func;
                    if (slots[i].Lowered is { } f)
                    {
                        uint lower = f.Item.Interface is { } iface ? AliasFunc(_importedInstances[iface], f.Function!.ExternName) : _importedFuncs[f.Item];
                        Add(new CanonSection([new CanonLower(lower, Options(memory, realloc, null))]));
                        func = _coreFuncs++;
                    }
                    else func = AliasCore(main, slots[i].Destructor!);
                    actual.Add(new(i.ToString(), new SortIndex(Sort.CoreFunc, func)));
                }
                Fixup(slots, actual, shim, main, initialize);
            }

            foreach (var item in world.Exports) Export(item, main, memory, realloc);
            return _c;
        }

        private void Add(ComponentSection s) => _c.Sections.Add(s);

        private uint AddType(TypeDef t)
        {
            Add(new TypeSection([t]));
            return _types++;
        }

        private uint AliasCore(uint instance, string name)
        {
            Add(new AliasSection([new(Sort.CoreFunc, new CoreInstanceExportAlias(instance, name))]));
            return _coreFuncs++;
        }

        private uint AliasFunc(uint instance, string name)
        {
            Add(new AliasSection([new(Sort.Func, new InstanceExportAlias(instance, name))]));
            return _funcs++;
        }

        private static List<CanonOpt> Options(uint? memory, uint? realloc, uint? postReturn)
        {
            var opts = new List<CanonOpt> { new(CanonOptKind.Utf8) };
            if (memory is { } m) opts.Add(new(CanonOptKind.Memory, m));
            if (realloc is { } r) opts.Add(new(CanonOptKind.Realloc, r));
            if (postReturn is { } p) opts.Add(new(CanonOptKind.PostReturn, p));
            return opts;
        }

        private string? FindExport(string[] names, ExternKind kind) =>
            names.FirstOrDefault(n => module.Exports.Any(e => e.Name == n && e.Kind == kind));

        // ---- imports

        private void Import(WitWorldItem item)
        {
            if (item.Interface is { } iface)
            {
                var decls = new TypeScope(this, instance: true);
                foreach (var t in iface.Types) decls.Define(t);
                foreach (var f in iface.Functions) decls.Export(f.ExternName, new FuncExtern(decls.Func(f)));
                uint type = AddType(new InstanceTypeDef(decls.Decls));
                Add(new ImportSection([new(new ExternName(item.Name), new InstanceExtern(type))]));
                _importedInstances[iface] = _instances++;
            }
            else if (item.Function is { } f)
            {
                uint type = new TypeScope(this, instance: false).Func(f);
                Add(new ImportSection([new(new ExternName(item.Name), new FuncExtern(type))]));
                _importedFuncs[item] = _funcs++;
            }
            else if (item.Type is { } t)
            {
                var desc = t.Kind switch
                {
                    WitTypeDefKind.Resource => new TypeExtern(null),
                    WitTypeDefKind.Use => new TypeExtern(NamedType(t.Target!)),
                    _ => new TypeExtern(new TypeScope(this, instance: false).Definition(t)),
                };
                Add(new ImportSection([new(new ExternName(item.Name), desc)]));
                _named[t] = _types++;
            }
        }

        /// <summary>The component-level index of a named type, aliasing it out of its imported instance on first use.</summary>
        private uint NamedType(WitTypeDef t)
        {
            if (_named.TryGetValue(t, out var i)) return i;
            if (t.Owner is WitInterface iface && _importedInstances.TryGetValue(iface, out var inst))
            {
                Add(new AliasSection([new(Sort.Type, new InstanceExportAlias(inst, t.Name))]));
                return _named[t] = _types++;
            }
            throw Error($"type `{t.Name}` of `{t.Owner}` is neither imported nor defined before its use");
        }

        /// <summary>Checks every core import against the world: each must be a function of an imported item with the lowered signature.</summary>
        private List<CoreImport> MatchImports()
        {
            var expected = new Dictionary<(string, string), (WitWorldItem Item, WitFunction? F, WitTypeDef? R, ResourceBuiltin Op)>();
            foreach (var item in world.Imports)
            {
                var modules = CoreNames.ImportModules(CoreNames.InterfaceName(item));
                if (item.Interface is { } iface)
                {
                    foreach (var m in modules)
                    {
                        foreach (var f in iface.Functions) expected[(m, f.ExternName)] = (item, f, null, ResourceBuiltin.Drop);
                        foreach (var t in iface.Types.Where(t => t.Kind == WitTypeDefKind.Resource))
                            foreach (var n in CoreNames.ResourceDrop(t.Name)) expected[(m, n)] = (item, null, t, ResourceBuiltin.Drop);
                    }
                }
                else if (item.Function is { } f)
                    foreach (var m in modules) expected[(m, f.Name)] = (item, f, null, ResourceBuiltin.Drop);
            }
            foreach (var item in world.Exports.Where(e => e.Interface is not null))
                foreach (var t in item.Interface!.Types.Where(t => t.Kind == WitTypeDefKind.Resource))
                    foreach (var m in CoreNames.ExportedResourceModules(item.Name))
                        foreach (var (op, kind) in (ReadOnlySpan<(string, ResourceBuiltin)>)[("new", ResourceBuiltin.New), ("rep", ResourceBuiltin.Rep), ("drop", ResourceBuiltin.Drop)])
                            foreach (var n in CoreNames.ResourceBuiltin(t.Name, op)) expected[(m, n)] = (item, null, t, kind);
            var result = new List<CoreImport>();
            foreach (var imp in module.Imports)
            {
                if (imp.Kind != ExternKind.Func || !expected.TryGetValue((imp.Module, imp.Name), out var e))
                    throw Error($"import `{imp.Name}` of module `{imp.Module}` is not in world `{world}`");
                var actual = module.Types[(int)imp.FuncTypeIndex];
                var want = e.F is { } f ? CanonicalAbi.FlattenFunc(f.FuncType, FlattenContext.Lower)
                    : e.Op == ResourceBuiltin.Drop ? new FuncType([ValType.I32], []) : new FuncType([ValType.I32], [ValType.I32]);
                if (!actual.Equals(want))
                    throw Error($"import `{imp.Name}` of module `{imp.Module}` has type {Text(actual)}, but world `{world}` needs {Text(want)}");
                result.Add(new(imp, e.Item, e.F, e.R, e.Op));
            }
            return result;
        }

        private static string Text(FuncType t) => $"(func{Signature(t)})";

        // ---- the shim and fixup modules

        /// <summary>The text format's <c> (param …) (result …)</c>, empty groups left out.</summary>
        private static string Signature(FuncType t) =>
            (t.Params.Length > 0 ? $" (param {string.Join(' ', t.Params.Select(p => p.ToString().ToLowerInvariant()))})" : "")
            + (t.Results.Length > 0 ? $" (result {string.Join(' ', t.Results.Select(p => p.ToString().ToLowerInvariant()))})" : "");

        private uint EmbedModule(string wat)
        {
            var m = WatParser.ParseModule(wat, "<shim>");
            Add(new CoreModuleSection(m, ModuleWriter.Write(m)));
            return _coreModules++;
        }

        /// <summary>A module whose functions call through a table, so the main module can be instantiated before the lowered imports exist.</summary>
        private uint Shim(List<Slot> slots)
        {
            var wat = new StringBuilder("(module\n");
            for (int i = 0; i < slots.Count; i++) wat.Append($"  (type $t{i} (func{Signature(slots[i].Type)}))\n");
            wat.Append($"  (table (export \"$imports\") {slots.Count} {slots.Count} funcref)\n");
            for (int i = 0; i < slots.Count; i++)
            {
                var t = slots[i].Type;
                wat.Append($"  (func (export \"{i}\") (type $t{i})");
                for (int p = 0; p < t.Params.Length; p++) wat.Append($" local.get {p}");
                wat.Append($" i32.const {i} call_indirect (type $t{i}))\n");
            }
            wat.Append(")\n");
            uint m = EmbedModule(wat.ToString());
            Add(new CoreInstanceSection([new CoreInstantiate(m, [])]));
            return _coreInstances++;
        }

        /// <summary>Fills the shim's table with the lowered imports and destructors, then runs the module's initializer if it has one.</summary>
        private void Fixup(List<Slot> slots, List<CoreInlineExport> actual, uint? shim, uint main, string? initialize)
        {
            var wat = new StringBuilder("(module\n");
            for (int i = 0; i < slots.Count; i++)
                wat.Append($"  (import \"actual\" \"{i}\" (func{Signature(slots[i].Type)}))\n");
            if (initialize is not null) wat.Append($"  (import \"main\" \"{initialize}\" (func $init))\n");
            if (slots.Count > 0)
            {
                wat.Append($"  (import \"shim\" \"$imports\" (table {slots.Count} {slots.Count} funcref))\n");
                wat.Append($"  (elem (i32.const 0) func {string.Join(' ', Enumerable.Range(0, slots.Count))})\n");
            }
            if (initialize is not null) wat.Append("  (start $init)\n");
            wat.Append(")\n");
            uint m = EmbedModule(wat.ToString());
            var args = new List<CoreInstantiateArg>();
            if (slots.Count > 0)
            {
                Add(new CoreInstanceSection([new CoreInlineExports(actual)]));
                args.Add(new("actual", _coreInstances++));
                args.Add(new("shim", shim!.Value));
            }
            if (initialize is not null) args.Add(new("main", main));
            Add(new CoreInstanceSection([new CoreInstantiate(m, args)]));
            _coreInstances++;
        }

        // ---- exports

        private void Export(WitWorldItem item, uint main, uint? memory, uint? realloc)
        {
            if (item.Interface is { } iface)
            {
                var scope = new TypeScope(this, instance: false);
                var exports = new List<InlineExport>();
                foreach (var t in iface.Types)
                {
                    uint idx = t.Kind is WitTypeDefKind.Use or WitTypeDefKind.Resource ? NamedType(t.Kind == WitTypeDefKind.Use ? t.Target! : t) : scope.Definition(t);
                    _named[t] = idx;
                    exports.Add(new(new ExternName(t.Name), new SortIndex(Sort.Type, idx)));
                }
                foreach (var f in iface.Functions)
                    exports.Add(new(new ExternName(f.ExternName), new SortIndex(Sort.Func, Lift(CoreNames.InterfaceName(item), f, scope, main, memory, realloc))));
                if (iface.Types.Any(t => t.Kind == WitTypeDefKind.Resource))
                {
                    ExportThroughShim(item, iface, exports);
                    return;
                }
                Add(new InstanceSection([new InlineExports(exports)]));
                // The export's instance type gives the interface's types names of their own (a `use`d type is a new
                // name for the imported one, not the imported one exported again), as WIT decoders expect.
                var decls = new TypeScope(this, instance: true);
                foreach (var t in iface.Types) decls.Define(t);
                foreach (var f in iface.Functions) decls.Export(f.ExternName, new FuncExtern(decls.Func(f)));
                uint type = AddType(new InstanceTypeDef(decls.Decls));
                Add(new ExportSection([new(new ExternName(item.Name), new SortIndex(Sort.Instance, _instances++), new InstanceExtern(type))]));
                _instances++;
            }
            else if (item.Function is { } f)
            {
                uint func = Lift(null, f, new TypeScope(this, instance: false), main, memory, realloc);
                Add(new ExportSection([new(new ExternName(item.Name), new SortIndex(Sort.Func, func), null)]));
                _funcs++;
            }
        }

        /// <summary>
        /// An exported interface that defines resources: like wit-component, its instance comes from a small component
        /// that imports the lifted functions and the types (resources as abstract imports) and exports them under the
        /// interface's names, so the resources have names where the functions use them.
        /// </summary>
        private void ExportThroughShim(WitWorldItem item, WitInterface iface, List<InlineExport> lifted)
        {
            var n = new Nested();
            var imported = new Dictionary<WitTypeDef, uint>();
            var args = new List<InstantiateArg>();
            var inner = new TypeScope(this, instance: false, n, imported);
            foreach (var t in iface.Types)
            {
                var name = "import-type-" + t.Name;
                var desc = t.Kind == WitTypeDefKind.Resource ? new TypeExtern(null) : new TypeExtern(inner.Definition(t));
                n.Def.Sections.Add(new ImportSection([new(new ExternName(name), desc)]));
                imported[t] = n.Types++;
                args.Add(new(name, new SortIndex(Sort.Type, _named[t])));
            }
            var funcImports = new List<uint>();
            foreach (var f in iface.Functions)
            {
                var name = "import-" + f.Kind switch
                {
                    FunctionKind.Constructor => $"constructor-{f.Resource!.Name}",
                    FunctionKind.Method => $"method-{f.Resource!.Name}-{f.Name}",
                    FunctionKind.Static => $"static-{f.Resource!.Name}-{f.Name}",
                    _ => $"func-{f.Name}",
                };
                n.Def.Sections.Add(new ImportSection([new(new ExternName(name), new FuncExtern(inner.Func(f)))]));
                funcImports.Add(n.Funcs++);
                args.Add(new(name, lifted.First(e => e.Name.Name == f.ExternName).Item));
            }
            var exported = new Dictionary<WitTypeDef, uint>();
            var outer = new TypeScope(this, instance: false, n, exported);
            foreach (var t in iface.Types)
            {
                uint type = t.Kind == WitTypeDefKind.Resource ? imported[t] : outer.Definition(t);
                n.Def.Sections.Add(new ExportSection([new(new ExternName(t.Name), new SortIndex(Sort.Type, type), null)]));
                exported[t] = n.Types++;
            }
            for (int i = 0; i < iface.Functions.Count; i++)
            {
                var f = iface.Functions[i];
                n.Def.Sections.Add(new ExportSection([new(new ExternName(f.ExternName), new SortIndex(Sort.Func, funcImports[i]), new FuncExtern(outer.Func(f)))]));
                n.Funcs++;
            }
            Add(new NestedComponentSection(n.Def));
            Add(new InstanceSection([new Instantiate(_components++, args)]));
            Add(new ExportSection([new(new ExternName(item.Name), new SortIndex(Sort.Instance, _instances++), null)]));
            _instances++;
        }

        /// <summary>A nested component being built, with its type and function counts.</summary>
        private sealed class Nested
        {
            public ComponentDef Def { get; } = new();
            public uint Types, Funcs;
        }

        private uint Lift(string? interfaceName, WitFunction f, TypeScope scope, uint main, uint? memory, uint? realloc)
        {
            var names = CoreNames.Export(interfaceName, f.ExternName);
            var name = FindExport(names, ExternKind.Func)
                ?? throw Error($"module does not export `{names[0]}` (or `{names[1]}`), which world `{world}` needs");
            var want = CanonicalAbi.FlattenFunc(f.FuncType, FlattenContext.Lift);
            CheckExport(name, want);
            uint core = AliasCore(main, name);
            uint? post = null;
            var postName = CoreNames.PostReturn(name);
            if (FindExport([postName], ExternKind.Func) is not null)
            {
                CheckExport(postName, new FuncType(want.Results, []));
                post = AliasCore(main, postName);
            }
            uint type = scope.Func(f);
            Add(new CanonSection([new CanonLift(core, Options(memory, realloc, post), type)]));
            return _funcs++;
        }

        private void CheckExport(string name, FuncType want)
        {
            var e = module.Exports.First(x => x.Name == name && x.Kind == ExternKind.Func);
            var actual = module.FuncTypeOf(e.Index)!;
            if (!actual.Equals(want))
                throw Error($"export `{name}` has type {Text(actual)}, but world `{world}` needs {Text(want)}");
        }

        /// <summary>
        /// Encodes WIT types into a type index space: an instance type's declarators (<paramref name="instance"/>) or
        /// the component's own type sections. Named types map to indices; anonymous ones are defined where used.
        /// </summary>
        private sealed class TypeScope(Builder b, bool instance, Nested? nested = null, Dictionary<WitTypeDef, uint>? names = null)
        {
            public List<Decl> Decls { get; } = [];
            private readonly Dictionary<WitTypeDef, uint> _local = new();
            private uint _count;

            private uint Add(TypeDef t)
            {
                if (nested is not null)
                {
                    nested.Def.Sections.Add(new TypeSection([t]));
                    return nested.Types++;
                }
                if (!instance) return b.AddType(t);
                Decls.Add(new TypeDecl(t));
                return _count++;
            }

            public void Export(string name, ExternDesc desc)
            {
                Decls.Add(new ExportDecl(new ExternName(name), desc));
                if (desc is TypeExtern) _count++;
            }

            private uint Named(WitTypeDef t)
            {
                if (names is not null) return names.TryGetValue(t, out var n) ? n : throw b.Error($"type `{t.Name}` of an exported interface with resources is not supported here");
                if (instance) return _local.TryGetValue(t, out var i) ? i : throw b.Error($"type `{t.Name}` used before its definition");
                return b.NamedType(t);
            }

            /// <summary>Declares one of an imported interface's named types as an export of the instance type.</summary>
            public void Define(WitTypeDef t)
            {
                if (t.Kind == WitTypeDefKind.Resource)
                {
                    Export(t.Name, new TypeExtern(null));
                    _local[t] = _count - 1;
                    return;
                }
                uint eq;
                if (t.Kind == WitTypeDefKind.Use)
                {
                    Decls.Add(new AliasDecl(new Alias(Sort.Type, new OuterAlias(1, b.NamedType(t.Target!)))));
                    eq = _count++;
                }
                else eq = Definition(t);
                Export(t.Name, new TypeExtern(eq));
                _local[t] = _count - 1;
            }

            /// <summary>The type a named (non-resource, non-use) definition stands for.</summary>
            public uint Definition(WitTypeDef t) => t.Kind switch
            {
                WitTypeDefKind.Record => Add(new RecordDef(t.Members.Select(m => new LabeledType(m.Name, Ref(m.Type!))).ToList())),
                WitTypeDefKind.Variant => Add(new VariantDef(t.Members.Select(m => new CaseDef(m.Name, m.Type is null ? null : Ref(m.Type))).ToList())),
                WitTypeDefKind.Enum => Add(new EnumDef(t.Members.Select(m => m.Name).ToList())),
                WitTypeDefKind.Flags => Add(new FlagsDef(t.Members.Select(m => m.Name).ToList())),
                WitTypeDefKind.Alias => Ref(t.Aliased!) is { Primitive: { } p } ? Add(new PrimitiveDef(p)) : Ref(t.Aliased!).Index,
                _ => throw b.Error($"type `{t.Name}` cannot be defined here"),
            };

            public uint Func(WitFunction f) =>
                Add(new FuncTypeDef(f.Params.Select(p => new LabeledType(p.Name, Ref(p.Type))).ToList(), f.Result is { } r ? Ref(r) : null));

            private ValTypeRef Ref(WitType t) => t switch
            {
                WitPrimitive p => ValTypeRef.Of(p.Type.Kind),
                WitRef { Def: var d } when d.ResourceOf is not null && IsResourceName(d) => ValTypeRef.At(Add(new OwnDef(Named(d)))),
                WitRef r => ValTypeRef.At(Named(r.Def)),
                WitBorrow br => ValTypeRef.At(Add(new BorrowDef(Named(br.Def)))),
                WitList l => ValTypeRef.At(Add(new ListDef(Ref(l.Element), l.Length))),
                WitOption o => ValTypeRef.At(Add(new OptionDef(Ref(o.Type)))),
                WitResult res => ValTypeRef.At(Add(new ResultDef(res.Ok is null ? null : Ref(res.Ok), res.Error is null ? null : Ref(res.Error)))),
                WitTuple tu => ValTypeRef.At(Add(new TupleDef(tu.Types.Select(Ref).ToList()))),
                _ => throw b.Error("unknown WIT type"),
            };

            /// <summary>True when the name is the resource itself (or a use of it), not a `type x = own&lt;r&gt;`-style alias.</summary>
            private static bool IsResourceName(WitTypeDef d) =>
                d.Kind == WitTypeDefKind.Resource || (d.Kind == WitTypeDefKind.Use && d.Target is { } t && IsResourceName(t))
                || (d.Kind == WitTypeDefKind.Alias && d.Aliased is WitRef r && IsResourceName(r.Def));
        }
    }
}
