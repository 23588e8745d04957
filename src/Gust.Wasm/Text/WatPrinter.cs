using System.Text;

namespace Gust.Wasm.Text;

/// <summary>
/// Prints a module as text (spec chapter 6) that parses back to a module with the same canonical
/// binary. Everything is explicit and numeric: every type is written in order, functions name
/// their type with <c>(type N)</c>, indices are numbers (names from the name section appear only
/// in comments), and segments are written in the form their binary flags ask for.
/// <para>
/// What text cannot say: custom sections (each is noted in a comment and dropped), the data count
/// section (the parser decides it), non-minimal LEB128 widths (<see cref="Module.Layout"/>), and
/// local declarations split into adjacent groups of one type (see <see cref="AppendLocals"/>).
/// </para>
/// </summary>
public static class WatPrinter
{
    /// <summary>Far above what engines accept (Wasmtime allows 50,000 locals), far below what text can hold.</summary>
    private const long MaxPrintedLocals = 1 << 24;

    public static string Print(Module module)
    {
        var names = WatPrinterNames.FunctionNames(module);
        string? FuncName(uint index) => names.GetValueOrDefault(index);

        var sb = new StringBuilder("(module\n");
        foreach (var custom in module.Customs)
        {
            sb.Append("  ;; custom section ");
            WatLiteralPrinter.AppendName(sb, custom.Name);
            sb.Append(" (").Append(custom.Data.Length).Append(" bytes) not shown\n");
        }

        for (var i = 0; i < module.Types.Count; i++)
        {
            sb.Append("  (type (;").Append(i).Append(";) (func");
            AppendSignature(sb, module.Types[i]);
            sb.Append("))\n");
        }

        AppendImports(sb, module, FuncName);
        AppendFuncs(sb, module, FuncName);

        for (var i = 0; i < module.Tables.Count; i++)
        {
            sb.Append("  ");
            AppendTable(sb, (uint)(module.ImportedTableCount + i), module.Tables[i]);
            sb.Append('\n');
        }

        for (var i = 0; i < module.Memories.Count; i++)
        {
            sb.Append("  ");
            AppendMemory(sb, (uint)(module.ImportedMemoryCount + i), module.Memories[i]);
            sb.Append('\n');
        }

        for (var i = 0; i < module.Globals.Count; i++)
        {
            var global = module.Globals[i];
            sb.Append("  ");
            AppendGlobalHeader(sb, (uint)(module.ImportedGlobalCount + i), global.Type);
            WatInstrPrinter.AppendConstExpr(sb, global.Init, null, FuncName);
            sb.Append(")\n");
        }

        foreach (var export in module.Exports)
        {
            sb.Append("  (export ");
            WatLiteralPrinter.AppendName(sb, export.Name);
            sb.Append(" (").Append(KindName(export.Kind)).Append(' ').Append(export.Index).Append("))\n");
        }

        if (module.Start is { } start)
        {
            sb.Append("  (start ").Append(start);
            AppendNameComment(sb, FuncName(start));
            sb.Append(")\n");
        }

        for (var i = 0; i < module.Elems.Count; i++) AppendElem(sb, i, module.Elems[i], FuncName);
        for (var i = 0; i < module.Datas.Count; i++) AppendData(sb, i, module.Datas[i], FuncName);

        sb.Append(")\n");
        return sb.ToString();
    }

    /// <summary>Imports first, in binary order: text requires them before any definition (spec 6.6.13).</summary>
    private static void AppendImports(StringBuilder sb, Module module, Func<uint, string?> funcName)
    {
        var counts = new uint[4];
        foreach (var import in module.Imports)
        {
            if ((int)import.Kind >= counts.Length) throw Unprintable($"import kind {import.Kind}");
            var index = counts[(int)import.Kind]++;
            sb.Append("  (import ");
            WatLiteralPrinter.AppendName(sb, import.Module);
            sb.Append(' ');
            WatLiteralPrinter.AppendName(sb, import.Name);
            sb.Append(' ');
            switch (import.Kind)
            {
                case ExternKind.Func:
                    AppendFuncHeader(sb, module, index, import.FuncTypeIndex, funcName(index));
                    sb.Append(')');
                    break;
                case ExternKind.Table:
                    AppendTable(sb, index, import.Table ?? throw Unprintable("table import without a type"));
                    break;
                case ExternKind.Memory:
                    AppendMemory(sb, index, import.Memory ?? throw Unprintable("memory import without a type"));
                    break;
                case ExternKind.Global:
                    AppendGlobalHeader(sb, index, import.Global);
                    sb.Append(')');
                    break;
            }
            sb.Append(")\n");
        }
    }

    private static void AppendFuncs(StringBuilder sb, Module module, Func<uint, string?> funcName)
    {
        if (module.Codes.Count != module.Funcs.Count)
            throw Unprintable($"{module.Funcs.Count} functions with {module.Codes.Count} bodies");
        for (var i = 0; i < module.Funcs.Count; i++)
        {
            var index = (uint)(module.ImportedFuncCount + i);
            sb.Append("  ");
            AppendFuncHeader(sb, module, index, module.Funcs[i], funcName(index));
            sb.Append('\n');
            AppendLocals(sb, module.Codes[i]);
            WatInstrPrinter.AppendBody(sb, module.Codes[i].Body, 4, funcName);
            sb.Append("  )\n");
        }
    }

    /// <summary>
    /// The text parser makes one local group per run of equal types, so the types are written in
    /// order in one declaration and regroup as they were. Text cannot express two adjacent groups
    /// of the same type (or an empty group): such a binary prints fine but reads back merged, the
    /// one binary detail of function bodies that does not survive a round trip through text.
    /// </summary>
    private static void AppendLocals(StringBuilder sb, Code code)
    {
        var total = code.Locals.Sum(g => (long)g.Count);
        if (total == 0) return;
        // The binary allows up to 2^32-1 locals in a few bytes; spelled out in text that many would not fit in a string.
        if (total > MaxPrintedLocals) throw Unprintable($"{total} locals");
        sb.Append("    (local");
        foreach (var group in code.Locals)
        {
            var name = TypeName(group.Type);
            for (var n = 0u; n < group.Count; n++) sb.Append(' ').Append(name);
        }
        sb.Append(")\n");
    }

    /// <summary>The opening of a function field or import descriptor, left open for the body: <c>(func (;i;) (type t) (param …) (result …)</c>.</summary>
    private static void AppendFuncHeader(StringBuilder sb, Module module, uint index, uint typeIndex, string? name)
    {
        sb.Append("(func (;").Append(index).Append(";)");
        AppendNameComment(sb, name);
        sb.Append(" (type ").Append(typeIndex).Append(')');
        // The inline signature repeats the type for the reader; with the explicit (type N) the parser checks it and adds no type.
        if (typeIndex < module.Types.Count) AppendSignature(sb, module.Types[(int)typeIndex]);
    }

    private static void AppendSignature(StringBuilder sb, FuncType type)
    {
        AppendTypeList(sb, "param", type.Params);
        AppendTypeList(sb, "result", type.Results);
    }

    private static void AppendTypeList(StringBuilder sb, string keyword, ValType[] types)
    {
        if (types.Length == 0) return;
        sb.Append(" (").Append(keyword);
        foreach (var t in types) sb.Append(' ').Append(TypeName(t));
        sb.Append(')');
    }

    private static void AppendTable(StringBuilder sb, uint index, TableType table)
    {
        sb.Append("(table (;").Append(index).Append(";) ");
        AppendLimits(sb, table.Limits);
        sb.Append(' ').Append(TypeName(table.ElemType)).Append(')');
    }

    private static void AppendMemory(StringBuilder sb, uint index, MemoryType memory)
    {
        sb.Append("(memory (;").Append(index).Append(";) ");
        AppendLimits(sb, memory.Limits);
        // custom-page-sizes proposal: (pagesize N) follows the limits, and is written whenever the binary declared one.
        if (memory.HasCustomPageSize || memory.PageSizeLog2 != 16)
        {
            if (memory.PageSizeLog2 is < 0 or > 63) throw Unprintable($"page size 2^{memory.PageSizeLog2}");
            sb.Append(" (pagesize ").Append(memory.PageSize).Append(')');
        }
        sb.Append(')');
    }

    private static void AppendLimits(StringBuilder sb, Limits limits)
    {
        sb.Append(limits.Min);
        if (limits.Max is { } max) sb.Append(' ').Append(max);
    }

    /// <summary><c>(global (;i;) t</c> or <c>(global (;i;) (mut t)</c>, left open for an initializer.</summary>
    private static void AppendGlobalHeader(StringBuilder sb, uint index, GlobalType type)
    {
        sb.Append("(global (;").Append(index).Append(";) ");
        if (type.Mutable) sb.Append("(mut ").Append(TypeName(type.Type)).Append(')');
        else sb.Append(TypeName(type.Type));
    }

    /// <summary>
    /// An element segment in the text form that maps to its binary flags (spec 5.5.12, 6.6.11):
    /// bit 0 passive or declarative, bit 1 an explicit table (or declarative), bit 2 expressions.
    /// Form 0 is the abbreviation without <c>func</c>; the others need the element kind or type.
    /// </summary>
    private static void AppendElem(StringBuilder sb, int index, ElemSegment elem, Func<uint, string?> funcName)
    {
        sb.Append("  (elem (;").Append(index).Append(";)");
        var bareIndices = false;
        switch (elem.Mode)
        {
            case SegmentMode.Declarative:
                sb.Append(" declare");
                break;
            case SegmentMode.Active:
                var explicitTable = (elem.Flags & 2) != 0 || elem.Table != 0 || elem.ElemType != ValType.FuncRef;
                if (explicitTable) sb.Append(" (table ").Append(elem.Table).Append(')');
                AppendOffset(sb, elem.Offset, funcName);
                bareIndices = !explicitTable;
                break;
        }

        if (elem.Exprs is { } exprs)
        {
            sb.Append(' ').Append(TypeName(elem.ElemType));
            foreach (var item in exprs) WatInstrPrinter.AppendConstExpr(sb, item, "item", funcName);
        }
        else
        {
            if (!bareIndices) sb.Append(" func");
            foreach (var func in elem.FuncIndices ?? new List<uint>())
            {
                sb.Append(' ').Append(func);
                AppendNameComment(sb, funcName(func));
            }
        }
        sb.Append(")\n");
    }

    /// <summary>Data segment forms (spec 5.5.13): 0 active in memory 0, 1 passive, 2 active with an explicit memory.</summary>
    private static void AppendData(StringBuilder sb, int index, DataSegment data, Func<uint, string?> funcName)
    {
        sb.Append("  (data (;").Append(index).Append(";)");
        if (data.Mode == SegmentMode.Active)
        {
            if (data.Flags == 2 || data.Memory != 0) sb.Append(" (memory ").Append(data.Memory).Append(')');
            AppendOffset(sb, data.Offset, funcName);
        }
        // Long data is split into strings of one line each; the parser concatenates them.
        const int lineBytes = 64;
        for (var at = 0; at < data.Bytes.Length || at == 0; at += lineBytes)
        {
            sb.Append(data.Bytes.Length > lineBytes ? "\n    " : " ");
            WatLiteralPrinter.AppendString(sb, data.Bytes.AsSpan(at, Math.Min(lineBytes, data.Bytes.Length - at)));
        }
        sb.Append(")\n");
    }

    private static void AppendOffset(StringBuilder sb, List<Instr>? offset, Func<uint, string?> funcName) =>
        WatInstrPrinter.AppendConstExpr(sb, offset ?? throw Unprintable("active segment without an offset"), "offset", funcName);

    /// <summary>A name from the name section as a comment <c>(;$name;)</c>, only when it is a plain identifier so it cannot end the comment.</summary>
    internal static void AppendNameComment(StringBuilder sb, string? name)
    {
        if (name is { Length: > 0 } && name.All(IsIdChar)) sb.Append(" (;$").Append(name).Append(";)");
    }

    /// <summary>Identifier characters (spec 6.3.5).</summary>
    private static bool IsIdChar(char c) =>
        c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z'
        || "!#$%&'*+-./:<=>?@\\^_`|~".Contains(c);

    internal static string TypeName(ValType type) =>
        ValTypes.IsDefined((byte)type) ? type.Name() : throw Unprintable($"value type 0x{(byte)type:x2}");

    private static string KindName(ExternKind kind) => kind switch
    {
        ExternKind.Func => "func",
        ExternKind.Table => "table",
        ExternKind.Memory => "memory",
        ExternKind.Global => "global",
        _ => throw Unprintable($"export kind {kind}"),
    };

    /// <summary>A module content the text format has no way to write (only reachable for modules that are not well-formed).</summary>
    internal static WasmException Unprintable(string what) =>
        new(new Diagnostic(DiagnosticKind.Error, $"cannot print {what} as text", SourceLocation.AtOffset(null, -1)));
}
