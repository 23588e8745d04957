using Gust.Host;
using Gust.Wasm.Wast;
using Xunit;

namespace Gust.Wasm.Tests;

/// <summary>Small scripts through the whole pipeline: Gust's parser, validator, writer and import matching in front of Wasmtime.</summary>
public class WastRunnerScriptTests
{
    private static readonly Lazy<WasmtimeHost> Host = new(() => new WasmtimeHost());

    private static IReadOnlyList<WastCommandResult> Run(string text)
    {
        using var engine = Host.Value.CreateEngine();
        return new WastRunner(engine).Run(WastParser.Parse(text, "t.wast"));
    }

    private static string Statuses(IReadOnlyList<WastCommandResult> results) =>
        string.Concat(results.Select(r => r.Status switch { WastStatus.Passed => 'P', WastStatus.Failed => 'F', _ => 'S' }));

    [Fact]
    public void Registered_modules_share_state_and_imports_are_matched()
    {
        var results = Run("""
            (module $A
              (memory (export "mem") 1 3)
              (global (export "g") (mut i32) (i32.const 7))
              (func (export "load") (result i32) (i32.load (i32.const 0))))
            (register "A" $A)
            (module $B
              (import "A" "mem" (memory 1))
              (import "A" "g" (global $g (mut i32)))
              (func (export "store") (param i32) (i32.store (i32.const 0) (local.get 0)) (global.set $g (local.get 0))))
            (invoke $B "store" (i32.const 42))
            (assert_return (invoke $A "load") (i32.const 42))
            (assert_return (get $A "g") (i32.const 42))
            (assert_unlinkable (module (import "A" "mem" (memory 1 2))) "incompatible import type")
            (assert_unlinkable (module (import "A" "g" (global i32))) "incompatible import type")
            (assert_unlinkable (module (import "A" "nothing" (func))) "unknown import")
            (assert_unlinkable (module (import "spectest" "print_i32" (func (param i64)))) "incompatible import type")
            """);
        Assert.Equal("PPPPPPPPPP", Statuses(results));
    }

    [Fact]
    public void Traps_exhaustion_and_instantiation_traps()
    {
        var results = Run("""
            (module
              (table 2 funcref)
              (func $f (result i32) (i32.const 1))
              (elem (i32.const 1) $f)
              (func (export "div") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
              (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
              (func $loop (export "loop") (call $loop)))
            (assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
            (assert_return (invoke "call" (i32.const 1)) (i32.const 1))
            (assert_trap (invoke "call" (i32.const 0)) "uninitialized element 0")
            (assert_trap (invoke "call" (i32.const 2)) "undefined element")
            (assert_exhaustion (invoke "loop") "call stack exhausted")
            (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
            (assert_trap (module (memory 1) (data (i32.const 65536) "x")) "out of bounds memory access")
            (assert_trap (invoke "div" (i32.const 1)) "integer divide by zero")
            """);
        Assert.Equal("PPPPPPPPF", Statuses(results));
        Assert.Equal("expected trap \"integer divide by zero\", got (i32.const 1)", results[^1].Message);
    }

    [Fact]
    public void Floats_compare_exactly_and_nan_patterns_by_their_bits()
    {
        var results = Run("""
            (module
              (func (export "id") (param f32) (result f32) (local.get 0))
              (func (export "div") (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1))))
            (assert_return (invoke "id" (f32.const nan:0x200000)) (f32.const nan:0x200000))
            (assert_return (invoke "id" (f32.const -0)) (f32.const -0))
            (assert_return (invoke "id" (f32.const -0)) (f32.const 0))
            (assert_return (invoke "div" (f64.const 0) (f64.const 0)) (f64.const nan:canonical))
            (assert_return (invoke "id" (f32.const nan:0x200000)) (f32.const nan:arithmetic)) ;; signalling: not arithmetic
            """);
        Assert.Equal("PPPFPF", Statuses(results));
    }

    [Fact]
    public void Out_of_scope_features_skip_per_command_and_their_dependents()
    {
        var results = Run("""
            (module $V (func (export "f") (result v128) (v128.const i64x2 0 0)))
            (register "V" $V)
            (assert_return (invoke $V "f") (v128.const i64x2 0 0))
            (module (import "V" "f" (func (result i32))))
            (module (func (export "ok") (result i32) (i32.const 1)))
            (assert_return (invoke "ok") (i32.const 1))
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_malformed (module quote "(func (i32.nope))") "unknown operator")
            """);
        Assert.Equal("SSSSPPPP", Statuses(results));
        Assert.All(results.Take(4), r => Assert.Equal(Features.Simd, r.SkipReason));
    }
}
