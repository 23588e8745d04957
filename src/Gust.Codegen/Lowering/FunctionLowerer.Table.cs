using Gust.Wasm;

namespace Gust.Codegen.Lowering;

/// <summary>
/// Table instructions (spec 4.4.6): a table is an array of references (null, or a funcref's
/// descriptor address) with its current size in a global; it grows within its reserved capacity.
/// Element segments are constant arrays whose available length drops to 0 with elem.drop.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private bool LowerTable(Instr instr)
    {
        switch (instr.Op)
        {
            case Op.TableSize:
                Push(ValType.I32, TableSize(instr.Index));
                return true;
            case Op.TableGet:
            {
                var i = Pop();
                TrapIf(_w.Value($"icmp uge i32 {i.Value}, {TableSize(instr.Index)}"), TrapKind.OutOfBoundsTable);
                Push(_m.Module.TableTypeOf(instr.Index)!.ElemType, _w.Value($"load ptr, ptr {Entry(instr.Index, i.Value)}"));
                return true;
            }
            case Op.TableSet:
            {
                var value = Pop();
                var i = Pop();
                TrapIf(_w.Value($"icmp uge i32 {i.Value}, {TableSize(instr.Index)}"), TrapKind.OutOfBoundsTable);
                _w.Emit($"store ptr {value.Value}, ptr {Entry(instr.Index, i.Value)}");
                return true;
            }
            case Op.TableGrow:
                TableGrow(instr.Index);
                return true;
            case Op.TableFill:
            {
                var n = Pop();
                var value = Pop();
                var i = Pop();
                TrapUnlessWithin(TableSize(instr.Index), i.Value, n.Value, TrapKind.OutOfBoundsTable);
                FillEntries(instr.Index, i.Value, n.Value, value.Value);
                return true;
            }
            case Op.TableCopy:
            {
                var n = Pop();
                var s = Pop();
                var d = Pop();
                TrapUnlessWithin(TableSize(instr.Index), d.Value, n.Value, TrapKind.OutOfBoundsTable);
                TrapUnlessWithin(TableSize(instr.Index2), s.Value, n.Value, TrapKind.OutOfBoundsTable);
                CopyEntries(Entry(instr.Index, d.Value), Entry(instr.Index2, s.Value), n.Value, "memmove");
                return true;
            }
            case Op.TableInit:
            {
                var n = Pop();
                var s = Pop();
                var d = Pop();
                var length = _w.Value($"load i32, ptr {_m.ElemLengthSymbol(instr.Index)}");
                TrapUnlessWithin(length, s.Value, n.Value, TrapKind.OutOfBoundsTable);
                TrapUnlessWithin(TableSize(instr.Index2), d.Value, n.Value, TrapKind.OutOfBoundsTable);
                var src = _w.Value($"getelementptr inbounds ptr, ptr {_m.ElemSymbol(instr.Index)}, i32 {s.Value}");
                CopyEntries(Entry(instr.Index2, d.Value), src, n.Value, "memcpy");
                return true;
            }
            case Op.ElemDrop:
                _w.Emit($"store i32 0, ptr {_m.ElemLengthSymbol(instr.Index)}");
                return true;
            default:
                return false;
        }
    }

    private string TableSize(uint table) => _w.Value($"load i32, ptr {_m.TableSizeSymbol(table)}");

    private string Entry(uint table, string index) => _w.Value($"getelementptr inbounds ptr, ptr {_m.TableSymbol(table)}, i32 {index}");

    private void CopyEntries(string dst, string src, string count, string intrinsic)
    {
        var bytes = _w.Value($"shl i32 {count}, 2"); // pointers are 4 bytes on every target
        _m.Declare($"declare void @llvm.{intrinsic}.p0.p0.i32(ptr, ptr, i32, i1)");
        _w.Emit($"call void @llvm.{intrinsic}.p0.p0.i32(ptr {dst}, ptr {src}, i32 {bytes}, i1 false)");
    }

    /// <summary>table.grow (spec 4.4.6): -1 when the new size passes the capacity; new entries get the init value.</summary>
    private void TableGrow(uint table)
    {
        var n = Pop();
        var init = Pop();
        var size = TableSize(table);
        var room = _w.Value($"sub i32 {(int)(uint)_m.TableCapacity(table)}, {size}");
        var fits = _w.Value($"icmp ule i32 {n.Value}, {room}");
        var result = _w.Value($"select i1 {fits}, i32 {size}, i32 -1");
        var grow = _w.NewLabel("table_grow");
        var done = _w.NewLabel("table_grown");
        _w.Terminate($"br i1 {fits}, label %{grow}, label %{done}");
        _w.Label(grow);
        FillEntries(table, size, n.Value, init.Value);
        _w.Emit($"store i32 {_w.Value($"add i32 {size}, {n.Value}")}, ptr {_m.TableSizeSymbol(table)}");
        _w.Label(done);
        Push(ValType.I32, result);
    }

    /// <summary>Stores <paramref name="value"/> into entries [start, start + count), already bounds-checked.</summary>
    private void FillEntries(uint table, string start, string count, string value)
    {
        var counter = _w.Alloca("i32");
        _w.Emit($"store i32 0, ptr {counter}");
        var head = _w.NewLabel("fill");
        var body = _w.NewLabel("fill_entry");
        var exit = _w.NewLabel("filled");
        _w.Label(head);
        var k = _w.Value($"load i32, ptr {counter}");
        _w.Terminate($"br i1 {_w.Value($"icmp uge i32 {k}, {count}")}, label %{exit}, label %{body}");
        _w.Label(body);
        _w.Emit($"store ptr {value}, ptr {Entry(table, _w.Value($"add i32 {start}, {k}"))}");
        _w.Emit($"store i32 {_w.Value($"add i32 {k}, 1")}, ptr {counter}");
        _w.Terminate($"br label %{head}");
        _w.Label(exit);
    }
}
