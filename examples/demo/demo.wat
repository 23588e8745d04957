;; The program `gust demo` compiles and runs while the Gust OS is still being built:
;; a few small workloads and a deliberate trap, so the transcript shows results and a trap report.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "Gust dissolves WebAssembly into firmware")

  ;; Fibonacci, iteratively, in 64-bit arithmetic.
  (func $fib (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; CRC-32 (IEEE 802.3, reflected, bit by bit) of len bytes at ptr.
  (func $crc32 (export "crc32") (param $ptr i32) (param $len i32) (result i32)
    (local $crc i32) (local $bit i32)
    (local.set $crc (i32.const -1))
    (block $done
      (loop $byte
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $crc (i32.xor (local.get $crc) (i32.load8_u (local.get $ptr))))
        (local.set $bit (i32.const 8))
        (loop $shift
          (local.set $crc
            (i32.xor (i32.shr_u (local.get $crc) (i32.const 1))
                     (i32.and (i32.const 0xEDB88320) (i32.sub (i32.const 0) (i32.and (local.get $crc) (i32.const 1))))))
          (local.set $bit (i32.sub (local.get $bit) (i32.const 1)))
          (br_if $shift (local.get $bit)))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $byte)))
    (i32.xor (local.get $crc) (i32.const -1)))

  ;; Number of primes below n (sieve of Eratosthenes on bytes from address 1024).
  (func $primes (export "primes") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $count i32)
    (memory.fill (i32.const 1024) (i32.const 0) (local.get $n))
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eqz (i32.load8_u offset=1024 (local.get $i)))
          (then
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            (block $marked
              (loop $mark
                (br_if $marked (i32.ge_u (local.get $j) (local.get $n)))
                (i32.store8 offset=1024 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $mark)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $count))

  ;; Square root in single precision, to show soft-float on cores without an FPU.
  (func $hypot (export "hypot") (param $x f32) (param $y f32) (result f32)
    (f32.sqrt (f32.add (f32.mul (local.get $x) (local.get $x)) (f32.mul (local.get $y) (local.get $y)))))

  ;; Integer division: traps on a zero divisor, as wasm requires.
  (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b))))
