using System.Text;

namespace Gust.Codegen.Llvm;

/// <summary>
/// Writes the body of one IR function: numbered temporaries and labels, and allocas gathered for
/// the entry block (where mem2reg wants them) however late in the body they are asked for.
/// </summary>
internal sealed class IrFunctionWriter
{
    private readonly StringBuilder _allocas = new();
    private readonly StringBuilder _body = new();
    private int _next;

    public string Temp() => $"%t{_next++}";

    public string NewLabel(string hint) => $"{hint}.{_next++}";

    /// <summary>Whether the current basic block has ended (with br, ret, switch or unreachable).</summary>
    public bool Terminated { get; private set; }

    /// <summary>Emits a non-terminator; after a terminator it opens an (unreachable) block first, as IR requires.</summary>
    public void Emit(string line)
    {
        if (Terminated) Label(NewLabel("dead"));
        _body.Append("  ").AppendLine(line);
    }

    /// <summary>Emits a terminator: the current block ends here.</summary>
    public void Terminate(string line)
    {
        Emit(line);
        Terminated = true;
    }

    /// <summary>Emits <c>%tN = rhs</c> and returns %tN.</summary>
    public string Value(string rhs)
    {
        var t = Temp();
        Emit($"{t} = {rhs}");
        return t;
    }

    /// <summary>Starts a block; a block still open falls through into it.</summary>
    public void Label(string label)
    {
        if (!Terminated) _body.Append("  br label %").AppendLine(label);
        _body.Append(label).AppendLine(":");
        Terminated = false;
    }

    /// <summary>A stack slot in the entry block.</summary>
    public string Alloca(string type)
    {
        var slot = $"%s{_next++}";
        _allocas.Append("  ").Append(slot).Append(" = alloca ").AppendLine(type);
        return slot;
    }

    public void WriteTo(StringBuilder output, string header)
    {
        output.AppendLine(header + " {");
        output.AppendLine("entry:");
        output.Append(_allocas);
        output.Append(_body);
        output.AppendLine("}");
    }
}
