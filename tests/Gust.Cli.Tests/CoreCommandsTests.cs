using Xunit;

namespace Gust.Cli.Tests;

/// <summary>validate, wat2wasm and print through the public command: results, diagnostics, exit codes, no partial files.</summary>
public class CoreCommandsTests
{
    private const string Fac = """
        (module
          (func $fac (export "fac") (param i64) (result i64)
            (if (result i64) (i64.eqz (local.get 0))
              (then (i64.const 1))
              (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))
        """;

    [Fact]
    public void HelpListsTheCommands()
    {
        var r = GustProcess.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var c in new[] { "validate", "wat2wasm", "print", "wast" }) Assert.Contains(c, r.Out);
    }

    [Fact]
    public void TextToBinaryToTextRoundTrips()
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "fac.wat"), Fac);
        var w = GustProcess.RunIn(dir, "wat2wasm", "fac.wat", "-o", "fac.wasm");
        Assert.Equal(0, w.ExitCode);
        var bytes = File.ReadAllBytes(Path.Combine(dir, "fac.wasm"));
        Assert.Equal(new byte[] { 0, (byte)'a', (byte)'s', (byte)'m', 1, 0, 0, 0 }, bytes[..8]);

        var v = GustProcess.RunIn(dir, "validate", "fac.wasm");
        Assert.Equal(0, v.ExitCode);
        Assert.Contains("valid", v.Out);

        var p = GustProcess.RunIn(dir, "print", "fac.wasm");
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("i64.mul", p.Out);
        File.WriteAllText(Path.Combine(dir, "printed.wat"), p.Out);
        Assert.Equal(0, GustProcess.RunIn(dir, "wat2wasm", "printed.wat", "-o", "again.wasm").ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(dir, "again.wasm")));
    }

    [Fact]
    public void MalformedTextGivesLineAndColumnAndWritesNothing()
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "bad.wat"), "(module\n  (func (result i32)\n    i32.bogus))\n");
        var r = GustProcess.RunIn(dir, "wat2wasm", "bad.wat", "-o", "bad.wasm");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.wat:3:5", r.Err);
        Assert.Contains("unknown operator", r.Err);
        Assert.DoesNotContain("   at ", r.Err); // no stack trace
        Assert.False(File.Exists(Path.Combine(dir, "bad.wasm")));
        Assert.Empty(Directory.GetFiles(dir).Where(f => f.EndsWith(".tmp")));
    }

    [Fact]
    public void InvalidModuleKeepsAnExistingOutputUntouched()
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "bad.wat"), "(module (func (result i32) (i64.const 0)))");
        File.WriteAllText(Path.Combine(dir, "out.wasm"), "previous");
        var r = GustProcess.RunIn(dir, "wat2wasm", "bad.wat", "-o", "out.wasm");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("type mismatch", r.Err);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(dir, "out.wasm")));
    }

    [Fact]
    public void MalformedBinaryGivesByteOffset()
    {
        var dir = GustProcess.TempDir();
        File.WriteAllBytes(Path.Combine(dir, "t.wasm"), [0, (byte)'a', (byte)'s', (byte)'m', 1, 0, 0, 0, 1, 5]);
        var r = GustProcess.RunIn(dir, "validate", "t.wasm");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"t\.wasm:0x[0-9a-f]+: malformed: ", r.Err);
    }

    [Fact]
    public void MissingFileAndBadUsage()
    {
        var missing = GustProcess.Run("validate", "/nonexistent/x.wasm");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("x.wasm", missing.Err);

        var usage = GustProcess.Run("wat2wasm", "--no-such-option");
        Assert.Equal(2, usage.ExitCode);
    }
}
