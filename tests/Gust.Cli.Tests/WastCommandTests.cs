using Xunit;

namespace Gust.Cli.Tests;

/// <summary>`gust wast` as a user runs it: per-file lines, the closing line, exit codes.</summary>
public class WastCommandTests
{
    [Fact]
    public void PassingScriptExitsZeroWithClosingLine() // a module command counts as one check, like each assertion
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "ok.wast"), """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 2) (i32.const 3)) (i32.const 5))
            (assert_trap (module (func $f unreachable) (start $f)) "unreachable")
            (assert_malformed (module quote "(func i32.bogus)") "unknown operator")
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
            (module (func (export "v") (param v128)))
            """);
        var r = GustProcess.RunIn(dir, "wast", "ok.wast", "--target", "host");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ok.wast: 5 passed, 0 failed, 1 skipped", r.Out);
        Assert.Contains("simd", r.Out);
        Assert.EndsWith("5 passed, 0 failed, 1 skipped", r.Out.TrimEnd());
    }

    [Fact]
    public void FailingAssertionExitsOneAndSaysWhere()
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "bad.wast"), """
            (module (func (export "one") (result i32) (i32.const 1)))
            (assert_return (invoke "one") (i32.const 2))
            """);
        var r = GustProcess.RunIn(dir, "wast", "bad.wast");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.wast:2:", r.Out + r.Err);
        Assert.EndsWith("1 passed, 1 failed, 0 skipped", r.Out.TrimEnd());
    }

    [Fact]
    public void TargetRunsScriptOnQemuWithTheHostsLines() // m3 and rv32: the same counts, skips and closing line as the host
    {
        var dir = GustProcess.TempDir();
        File.WriteAllText(Path.Combine(dir, "t.wast"), """
            (module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
            (assert_return (invoke "div" (i32.const 7) (i32.const 2)) (i32.const 3))
            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_return (invoke "div" (i32.const -8) (i32.const 2)) (i32.const -4))
            (module (func (export "v") (param v128)))
            """);
        File.WriteAllText(Path.Combine(dir, "u.wast"), """
            (module (func (export "one") (result i32) (i32.const 1)))
            (assert_return (invoke "one") (i32.const 2))
            """);
        foreach (var target in (string[])["m3", "rv32"])
        {
            var r = GustProcess.RunIn(dir, "wast", "t.wast", "u.wast", "--target", target, "--jobs", "2", "--json", "r.json");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("t.wast: 4 passed, 0 failed, 1 skipped", r.Out);
            Assert.Contains("u.wast: 1 passed, 1 failed, 0 skipped", r.Out);
            Assert.Contains("u.wast:2:", r.Out);
            Assert.Contains("skipped by reason: simd 1", r.Out);
            Assert.EndsWith("5 passed, 1 failed, 1 skipped", r.Out.TrimEnd());
            Assert.Contains("\"passed\"", File.ReadAllText(Path.Combine(dir, "r.json")));
        }
    }

    [Fact]
    public void MissingScriptIsAnError()
    {
        var r = GustProcess.Run("wast", "/nonexistent/none.wast");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("none.wast", r.Err);
    }
}
