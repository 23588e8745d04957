;; A memory that cannot grow but is larger than any one RAM bank of mps2-an385/an386 (300 pages =
;; 0x12C0000 bytes): split at 16 MiB like a grown one, with the size a constant in the checks, and
;; its data segment written across the seam at instantiation. See two_bank_memory.wast.
(module
  (memory 300)
  (data (i32.const 0xFFFFFE) "\01\02\03\04")
  (func (export "l") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "l8") (result i32) (i32.load8_u (i32.const 0x1000001)))
  (func (export "s") (param i32 i32) (i32.store (local.get 0) (local.get 1))))
(assert_return (invoke "l" (i32.const 0xFFFFFE)) (i32.const 0x04030201))
(assert_return (invoke "l8") (i32.const 4))
(assert_return (invoke "s" (i32.const 0x12BFFFC) (i32.const 7)))
(assert_return (invoke "l" (i32.const 0x12BFFFC)) (i32.const 7))
(assert_trap (invoke "l" (i32.const 0x12BFFFD)) "out of bounds memory access")
(assert_trap (invoke "s" (i32.const 0x12C0000) (i32.const 1)) "out of bounds memory access")
(module (memory 1) (data (i32.const 0) "x"))
