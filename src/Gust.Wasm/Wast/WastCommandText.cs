namespace Gust.Wasm.Wast;

/// <summary>Short descriptions of script commands for reports, e.g. <c>assert_return (invoke $M "add")</c>.</summary>
public static class WastCommandText
{
    public static string Describe(WastCommand command) => command switch
    {
        ModuleCommand m => Join(m.IsDefinition ? "module definition" : "module", m.Id),
        ModuleInstanceCommand i => Join(Join("module instance", i.InstanceId), i.DefinitionId),
        RegisterCommand r => Join($"register \"{r.Name}\"", r.ModuleId),
        ActionCommand a => Describe(a.Action),
        AssertReturn a => $"assert_return {Describe(a.Action)}",
        AssertTrap a => $"assert_trap {Describe(a.Action)}",
        AssertExhaustion a => $"assert_exhaustion {Describe(a.Action)}",
        AssertException a => $"assert_exception {Describe(a.Action)}",
        AssertUninstantiable => "assert_trap (module …)",
        AssertMalformed => "assert_malformed (module …)",
        AssertInvalid => "assert_invalid (module …)",
        AssertUnlinkable => "assert_unlinkable (module …)",
        UnsupportedCommand u => $"a command using {u.Feature}",
        _ => command.GetType().Name,
    };

    public static string Describe(WastAction action) => action switch
    {
        InvokeAction i => $"({Join("invoke", i.ModuleId)} \"{i.Name}\")",
        _ => $"({Join("get", action.ModuleId)} \"{action.Name}\")",
    };

    private static string Join(string head, string? id) => id is null ? head : $"{head} {Name(id)}";

    /// <summary>A script name as written ($id); the parser may keep names with or without their sigil.</summary>
    public static string Name(string id) => id.StartsWith('$') ? id : "$" + id;
}
