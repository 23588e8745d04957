using System.Text;
using Gust.Component.Abi;
using Gust.Component.Wit;
using Gust.Wasm;

namespace Gust.Component.Bindgen;

/// <summary>The files <see cref="CBindgen"/> writes: a header for the component's C code and the glue that implements it.</summary>
public sealed record CBindings(string HeaderName, string Header, string GlueName, string Glue);

/// <summary>
/// <c>gust bindgen c</c>: C bindings for a world, for <c>clang --target=wasm32 -nostdlib</c>. Imports are declared with
/// <c>import_module</c>/<c>import_name</c> (the interface name, or <c>$root</c> for world functions) at their flattened
/// core signature and wrapped in C functions that lower and lift; exports are core functions named
/// <c>iface#fn</c> (or <c>fn</c>) that lift their arguments, call the user's <c>exports_&lt;world&gt;_…</c> function,
/// and lower its result, each with a <c>cabi_post_…</c> function; <c>cabi_realloc</c> is a bump allocator over a
/// static heap. These are the names wit-component and jco expect of a core module.
/// The world's WIT is not embedded (no <c>component-type</c> section): pass <c>--wit</c> when making the component.
/// </summary>
public static class CBindgen
{
    public static CBindings Generate(WitWorld world)
    {
        var w = CNames.Snake(world.Name);
        var inlineNames = world.Imports.Concat(world.Exports).Where(i => i.Interface is { Name: null })
            .ToDictionary(i => (WitScope)i.Interface!, i => CNames.Snake(i.Name));
        var types = new CTypeEmitter(w, s => inlineNames.TryGetValue(s, out var n) ? n : CNames.Snake(s.Name!));

        foreach (var scope in world.Imports.Concat(world.Exports).Select(i => i.Interface).OfType<WitScope>().Append(world).Distinct())
            foreach (var def in scope.Types) types.Named(def);

        var header = new StringBuilder();
        var glue = new StringBuilder();
        var declarations = new StringBuilder();
        foreach (var item in world.Imports)
        {
            if (item.Function is { } f) Import(types, declarations, glue, "$root", f, $"{w}_{CNames.Function(f)}");
            else if (item.Interface is { } iface)
            {
                var prefix = types.Prefix(iface);
                foreach (var fn in iface.Functions) Import(types, declarations, glue, item.Name, fn, $"{prefix}{CNames.Function(fn)}");
                foreach (var r in iface.Types.Where(t => t.Kind == WitTypeDefKind.Resource)) ResourceDrop(types, declarations, glue, item.Name, r);
            }
        }
        foreach (var item in world.Exports)
        {
            if (item.Function is { } f) Export(types, declarations, glue, item.Name, f, $"exports_{w}_{CNames.Function(f)}");
            else if (item.Interface is { } iface)
            {
                foreach (var r in iface.Types.Where(t => t.Kind == WitTypeDefKind.Resource)) ExportedResource(types, declarations, glue, item.Name, r);
                foreach (var fn in iface.Functions) Export(types, declarations, glue, $"{item.Name}#{fn.ExternName}", fn, $"exports_{types.Prefix(iface)}{CNames.Function(fn)}");
            }
        }

        var guard = CNames.Upper(w) + "_H";
        header.Append(CPrelude.Header(world, w, guard));
        header.Append(types.Text);
        header.Append(declarations);
        header.Append($"#endif /* {guard} */\n");
        return new CBindings($"{w}.h", header.ToString(), $"{w}.c", CPrelude.Glue(w) + glue);
    }

    /// <summary>Writes the header and glue into <paramref name="directory"/> (created if missing), each through a temporary file.</summary>
    public static void WriteTo(CBindings bindings, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in new[] { (bindings.HeaderName, bindings.Header), (bindings.GlueName, bindings.Glue) })
        {
            var path = Path.Combine(directory, name);
            var tmp = path + ".tmp";
            File.WriteAllText(tmp, text);
            File.Move(tmp, path, overwrite: true);
        }
    }

    private static string Signature(CTypeEmitter types, WitFunction f, string name) =>
        $"{(f.Result is null ? "void" : types.Of(f.Result))} {name}({(f.Params.Count == 0 ? "void" : string.Join(", ", f.Params.Select(p => $"{types.Of(p.Type)} {CNames.Member(p.Name)}")))})";

    private static string CoreSignature(FuncType ft, string name, string paramPrefix) =>
        $"{(ft.Results.Length == 0 ? "void" : CNames.Core(ft.Results[0]))} {name}({(ft.Params.Length == 0 ? "void" : string.Join(", ", ft.Params.Select((p, i) => $"{CNames.Core(p)} {paramPrefix}{i}")))})";

    /// <summary>The parameters as one struct: a spilled parameter list's layout in memory (a tuple of the parameter types).</summary>
    private static string ParamsStruct(CTypeEmitter types, WitFunction f) =>
        $"struct {{ {string.Join(" ", f.Params.Select((p, i) => $"{types.Of(p.Type)} f{i};"))} }}";

    private static void Import(CTypeEmitter types, StringBuilder declarations, StringBuilder glue, string module, WitFunction f, string name)
    {
        var ft = f.FuncType;
        var flat = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lower);
        var flatParams = CanonicalAbi.Flatten(ft.Params.Select(p => p.Type));
        var core = $"__wasm_import_{name}";
        declarations.Append(Docs(f.Docs)).Append(Signature(types, f, name)).Append(";\n\n");

        glue.Append($"__attribute__((import_module(\"{module}\"), import_name(\"{f.ExternName}\")))\n");
        glue.Append($"extern {CoreSignature(flat, core, "p")};\n\n");
        glue.Append(Signature(types, f, name)).Append(" {\n");
        var code = new CFlatCode(types, glue);
        var args = new List<string>();
        if (flatParams.Count > CanonicalAbi.MaxFlatParams)
        {
            glue.Append($"    {ParamsStruct(types, f)} gust_args;\n");
            for (var i = 0; i < f.Params.Count; i++) glue.Append($"    gust_args.f{i} = {CNames.Member(f.Params[i].Name)};\n");
            args.Add("(int32_t)(uintptr_t)&gust_args");
        }
        else
        {
            var slots = flatParams.Select((t, i) => $"gust_p{i}").ToList();
            for (var i = 0; i < slots.Count; i++) glue.Append($"    {CNames.Core(flatParams[i])} {slots[i]} = 0;\n");
            var k = 0;
            foreach (var p in f.Params)
            {
                code.Lower(p.Type, CNames.Member(p.Name), slots, flatParams, k, "    ");
                k += CanonicalAbi.Flatten(p.Type.ValType).Count;
            }
            args.AddRange(slots);
        }
        if (f.Result is null)
            glue.Append($"    {core}({string.Join(", ", args)});\n");
        else
        {
            glue.Append($"    {types.Of(f.Result)} gust_ret;\n");
            if (flat.Results.Length == 1)
            {
                glue.Append($"    {CNames.Core(flat.Results[0])} gust_r0 = {core}({string.Join(", ", args)});\n");
                code.Lift(f.Result, "gust_ret", ["gust_r0"], flat.Results, 0, "    ");
            }
            else
            {
                args.Add("(int32_t)(uintptr_t)&gust_ret");
                glue.Append($"    {core}({string.Join(", ", args)});\n");
            }
            glue.Append("    return gust_ret;\n");
        }
        glue.Append("}\n\n");
    }

    private static void Export(CTypeEmitter types, StringBuilder declarations, StringBuilder glue, string exportName, WitFunction f, string name)
    {
        var ft = f.FuncType;
        var flat = CanonicalAbi.FlattenFunc(ft, FlattenContext.Lift);
        var core = $"__wasm_export_{name[("exports_".Length)..]}";
        declarations.Append(Docs(f.Docs)).Append("/* Implemented by the component: exported as \"").Append(exportName).Append("\". */\n");
        declarations.Append(Signature(types, f, name)).Append(";\n\n");

        glue.Append($"__attribute__((export_name(\"{exportName}\")))\n");
        glue.Append(CoreSignature(flat, core, "gust_p")).Append(" {\n");
        var code = new CFlatCode(types, glue);
        var args = f.Params.Select((p, i) => $"gust_a{i}").ToList();
        for (var i = 0; i < f.Params.Count; i++) glue.Append($"    {types.Of(f.Params[i].Type)} gust_a{i};\n");
        if (flat.Params.Length == 1 && CanonicalAbi.Flatten(ft.Params.Select(p => p.Type)).Count > CanonicalAbi.MaxFlatParams)
        {
            glue.Append($"    const {ParamsStruct(types, f)} *gust_args = (const void *)(uintptr_t)gust_p0;\n");
            for (var i = 0; i < f.Params.Count; i++) glue.Append($"    gust_a{i} = gust_args->f{i};\n");
        }
        else
        {
            var slots = flat.Params.Select((t, i) => $"gust_p{i}").ToList();
            var k = 0;
            for (var i = 0; i < f.Params.Count; i++)
            {
                code.Lift(f.Params[i].Type, args[i], slots, flat.Params, k, "    ");
                k += CanonicalAbi.Flatten(f.Params[i].Type.ValType).Count;
            }
        }
        var call = $"{name}({string.Join(", ", args)})";
        if (f.Result is null) glue.Append($"    {call};\n");
        else
        {
            glue.Append($"    {types.Of(f.Result)} gust_ret = {call};\n");
            if (flat.Results.Length == 1 && CanonicalAbi.Flatten(f.Result.ValType).Count == 1)
            {
                glue.Append($"    {CNames.Core(flat.Results[0])} gust_r0 = 0;\n");
                code.Lower(f.Result, "gust_ret", ["gust_r0"], flat.Results, 0, "    ");
                glue.Append("    return gust_r0;\n");
            }
            else
            {
                glue.Append($"    static {types.Of(f.Result)} gust_ret_area;\n");
                glue.Append("    gust_ret_area = gust_ret;\n");
                glue.Append("    return (int32_t)(uintptr_t)&gust_ret_area;\n");
            }
        }
        glue.Append("}\n\n");

        // Post-return: the results have been read, so everything this call allocated can go.
        glue.Append($"__attribute__((export_name(\"cabi_post_{exportName}\")))\n");
        glue.Append(CoreSignature(new FuncType(flat.Results, []), $"{core}_post_return", "gust_r")).Append(" {\n");
        for (var i = 0; i < flat.Results.Length; i++) glue.Append($"    (void)gust_r{i};\n");
        glue.Append("    gust_heap_release();\n}\n\n");
    }

    /// <summary>The <c>[resource-drop]r</c> import of an imported resource, as <c>&lt;prefix&gt;_&lt;r&gt;_drop_own</c>.</summary>
    private static void ResourceDrop(CTypeEmitter types, StringBuilder declarations, StringBuilder glue, string module, WitTypeDef resource)
    {
        var handle = types.Named(resource);
        var name = $"{types.Prefix(resource.Owner)}{CNames.Snake(resource.Name)}_drop_own";
        declarations.Append($"/* Drops an owned `{resource.Name}` handle. */\nvoid {name}({handle} handle);\n\n");
        var borrow = types.Of(new WitBorrow(resource));
        declarations.Append($"/* Borrows an owned `{resource.Name}` handle for a call. */\nstatic inline {borrow} {types.Prefix(resource.Owner)}borrow_{CNames.Snake(resource.Name)}({handle} handle) {{\n    {borrow} b = {{ handle.__handle }};\n    return b;\n}}\n\n");
        glue.Append($"__attribute__((import_module(\"{module}\"), import_name(\"[resource-drop]{resource.Name}\")))\n");
        glue.Append($"extern void __wasm_import_{name}(int32_t handle);\n\n");
        glue.Append($"void {name}({handle} handle) {{\n    __wasm_import_{name}(handle.__handle);\n}}\n\n");
    }

    /// <summary>
    /// A resource the component implements (Explainer "canon resource.new/rep/drop", imported from <c>[export]iface</c>):
    /// C functions to make, read and drop its handles, and the destructor the user writes, exported as <c>iface#[dtor]r</c>.
    /// A borrow of it that an export receives holds the representation itself (CanonicalABI.md lower_borrow).
    /// </summary>
    private static void ExportedResource(CTypeEmitter types, StringBuilder declarations, StringBuilder glue, string iface, WitTypeDef resource)
    {
        var own = types.Named(resource);
        var borrow = types.Of(new WitBorrow(resource));
        var r = resource.Name;
        var name = $"exports_{types.Prefix(resource.Owner)}{CNames.Snake(r)}";
        var core = $"__wasm_import_{name[("exports_".Length)..]}";
        declarations.Append($"""
            /* The exported resource `{r}`. Its representation is a pointer the component chooses; keep what it points to
             * outside the heap (e.g. in a static pool): the heap is released after every export call. */
            {own} {name}_new(void *rep);
            void *{name}_rep({own} handle);
            void {name}_drop_own({own} handle);
            /* The representation a borrow of `{r}` received by an export carries. */
            void *{name}_borrow_rep({borrow} handle);
            /* Implemented by the component: called when the last handle to a `{r}` is dropped. */
            void {name}_destructor(void *rep);


            """);
        foreach (var (op, sig) in new[] { ("new", "int32_t " + core + "_new(int32_t rep)"), ("rep", "int32_t " + core + "_rep(int32_t handle)"), ("drop", "void " + core + "_drop(int32_t handle)") })
            glue.Append($"__attribute__((import_module(\"[export]{iface}\"), import_name(\"[resource-{op}]{r}\")))\nextern {sig};\n\n");
        glue.Append($$"""
            {{own}} {{name}}_new(void *rep) {
                {{own}} h = { {{core}}_new((int32_t)(uintptr_t)rep) };
                return h;
            }

            void *{{name}}_rep({{own}} handle) {
                return (void *)(uintptr_t)(uint32_t){{core}}_rep(handle.__handle);
            }

            void {{name}}_drop_own({{own}} handle) {
                {{core}}_drop(handle.__handle);
            }

            void *{{name}}_borrow_rep({{borrow}} handle) {
                return (void *)(uintptr_t)(uint32_t)handle.__handle;
            }

            __attribute__((export_name("{{iface}}#[dtor]{{r}}")))
            void __wasm_export_{{name[("exports_".Length)..]}}_dtor(int32_t rep) {
                {{name}}_destructor((void *)(uintptr_t)(uint32_t)rep);
            }


            """);
    }

    private static string Docs(string? docs) => string.IsNullOrWhiteSpace(docs) ? "" : $"/* {docs.Trim().Replace("*/", "* /", StringComparison.Ordinal)} */\n";
}
