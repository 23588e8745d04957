using Gust.Codegen;
using Gust.Firmware.Boards;
using Gust.Firmware.Harness;
using Gust.Firmware.Images;
using Gust.Firmware.Qemu;
using Gust.Wasm;
using Gust.Wasm.Wast;

namespace Gust.Codegen.Tests;

/// <summary>Runs a module's exports on a QEMU board and gives back the harness lines.</summary>
public static class Native
{
    public static readonly string[] Boards = ["mps2-an385", "virt-rv32"];

    public static QemuResult Run(string board, Module module, IEnumerable<(string Export, WastValue[] Args)> calls,
        Func<CodegenOptions, CodegenOptions>? options = null, bool continueAfterTrap = false)
    {
        var manifest = BoardCatalog.Load(board);
        var opts = new CodegenOptions(manifest.Target) { StackGuard = manifest.Stack.CodegenGuard };
        if (options is not null) opts = options(opts);
        var invocations = calls.Select(c => new Invocation(c.Export, c.Args)).ToList();
        return TestImage.BuildAndRun(module, manifest, invocations, opts, continueAfterTrap: continueAfterTrap);
    }

    /// <summary>The result text of each invocation ("i32:0x0000002a", space-separated for several), in order; fails on a trap.</summary>
    public static string[] Results(string board, Module module, IEnumerable<(string Export, WastValue[] Args)> calls,
        Func<CodegenOptions, CodegenOptions>? options = null)
    {
        var list = calls.ToList();
        var r = Run(board, module, list, options);
        Xunit.Assert.True(r.ExitStatus == 0, $"exit {r.ExitStatus?.ToString() ?? "timeout"}: {r.Console}{r.Diagnostics}");
        var lines = r.Console.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Xunit.Assert.Equal(list.Count, lines.Length);
        return lines.Select((l, i) =>
        {
            Xunit.Assert.StartsWith($"{i}:", l);
            return l[$"{i}:".Length..].Trim();
        }).ToArray();
    }

    public static WastValue I32(int v) => new(ValType.I32, (uint)v);
    public static WastValue I64(long v) => new(ValType.I64, (ulong)v);
    public static WastValue F32(float v) => new(ValType.F32, BitConverter.SingleToUInt32Bits(v));
    public static WastValue F64(double v) => new(ValType.F64, BitConverter.DoubleToUInt64Bits(v));
    public static WastValue F32Bits(uint bits) => new(ValType.F32, bits);
    public static WastValue F64Bits(ulong bits) => new(ValType.F64, bits);

    public static string I32Text(int v) => $"i32:0x{(uint)v:x8}";
    public static string I64Text(long v) => $"i64:0x{(ulong)v:x16}";
    public static string F32Text(float v) => $"f32:0x{BitConverter.SingleToUInt32Bits(v):x8}";
    public static string F64Text(double v) => $"f64:0x{BitConverter.DoubleToUInt64Bits(v):x16}";
}
