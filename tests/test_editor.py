"""The program editor: edits, the level's rules, undo and redo, and the link to traces."""

from __future__ import annotations

from blocks.parse import dump_program
from blocks.program import Cond, block_count
from game.editor.editor import PaletteEntry, ProgramEditor
from game.editor.tree import TOP, Slot
from game.runner import run
from tests.conftest import make_level, program

ALL = ("forward", "turn_left", "turn_right", "pick_up", "repeat", "while", "until", "if",
       "if_else", "function")  # fmt: skip

NESTED = """
- define: zig
  do: [forward, turn_left]
- repeat: 2
  do:
    - call: zig
    - if: path_ahead
      do: [forward]
      else: [turn_right, pick_up]
- until: at_goal
  do: [forward]
- while: not wall_ahead
  do: []
"""


def kinds(editor: ProgramEditor) -> list[str]:
    return [editor.find(i).kind for i in editor.preorder()]  # type: ignore[union-attr]


def test_program_round_trips_through_the_editor() -> None:
    original = program(NESTED)
    editor = ProgramEditor(ALL, program=original)
    assert editor.program() == original
    assert editor.count == block_count(original) == 12


def test_insert_into_a_repeat_builds_the_nested_program() -> None:
    editor = ProgramEditor(ALL)
    loop = editor.insert(PaletteEntry("repeat"), TOP, 0)
    assert isinstance(loop, int)
    editor.insert(PaletteEntry("forward"), Slot(loop), 0)
    editor.set_count(loop, 4)
    assert dump_program(editor.program()) == dump_program(program("- repeat: 4\n  do: [forward]\n"))


def test_block_limit_refuses_a_drop_but_not_a_move() -> None:
    editor = ProgramEditor(ALL, max_blocks=2)
    editor.insert(PaletteEntry("forward"), TOP, 0)
    loop = editor.insert(PaletteEntry("repeat"), TOP, 1)
    assert editor.full
    assert editor.insert(PaletteEntry("forward"), TOP, 0) == "limit"
    assert editor.count == 2
    first = editor.preorder()[0]
    assert isinstance(loop, int)
    assert editor.move(first, Slot(loop), 0) is None
    assert kinds(editor) == ["repeat", "forward"]


def test_palette_only_offers_the_levels_blocks() -> None:
    editor = ProgramEditor(("forward", "function"))
    assert editor.insert(PaletteEntry("turn_left"), TOP, 0) == "not_allowed"
    assert [e.kind for e in editor.entries()] == ["forward", "define"]
    editor.insert(PaletteEntry("define"), TOP, 0)
    assert editor.entries()[-1] == PaletteEntry("call", "f1")
    assert editor.insert(PaletteEntry("call", "nope"), TOP, 0) == "not_allowed"


def test_functions_stay_at_the_top_and_blocks_cannot_enter_themselves() -> None:
    editor = ProgramEditor(ALL)
    outer = editor.insert(PaletteEntry("repeat"), TOP, 0)
    inner = editor.insert(PaletteEntry("while"), Slot(outer), 0)  # type: ignore[arg-type]
    assert editor.insert(PaletteEntry("define"), Slot(outer), 0) == "define_top"  # type: ignore[arg-type]
    assert editor.move(outer, Slot(inner), 0) == "into_itself"  # type: ignore[arg-type]
    assert editor.move(outer, Slot(outer), 0) == "into_itself"  # type: ignore[arg-type]
    assert editor.move(inner, Slot(outer, "else"), 0) == "no_slot"  # type: ignore[arg-type]


def test_move_within_a_slot_lands_where_it_was_dropped() -> None:
    editor = ProgramEditor(ALL, program=program("[forward, turn_left, turn_right, pick_up]"))
    first = editor.preorder()[0]
    # Lifted out, then dropped between turn_right and pick_up (index 2 of what remains).
    editor.move(first, TOP, 2)
    assert kinds(editor) == ["turn_left", "turn_right", "forward", "pick_up"]
    last = editor.preorder()[-1]
    editor.move(last, TOP, 0)
    assert kinds(editor) == ["pick_up", "turn_left", "turn_right", "forward"]


def test_deleting_a_function_removes_its_calls_and_undo_brings_all_back() -> None:
    editor = ProgramEditor(ALL, program=program(NESTED))
    before = editor.program()
    define = editor.preorder()[0]
    editor.delete(define)
    assert "call" not in kinds(editor) and "define" not in kinds(editor)
    assert editor.count == 12 - 4
    assert editor.undo()
    assert editor.program() == before
    assert editor.redo()
    assert editor.count == 8
    assert not editor.redo()


def test_rename_follows_calls_and_refuses_bad_names() -> None:
    editor = ProgramEditor(ALL, program=program(NESTED))
    define = editor.preorder()[0]
    assert editor.rename(define, "forward") == "bad_name"
    assert editor.rename(define, "Zig Zag") == "bad_name"
    assert editor.rename(define, "zag") is None
    text = dump_program(editor.program())
    assert "zig" not in text and text.count("zag") == 2


def test_fields_are_clamped_and_edits_bump_the_version() -> None:
    editor = ProgramEditor(ALL, program=program(NESTED))
    ids = editor.preorder()
    loop, until = ids[3], ids[9]
    version = editor.version
    editor.set_count(loop, 500)
    editor.set_cond(until, Cond("gem_here", negated=True))
    assert editor.find(loop).count == 99  # type: ignore[union-attr]
    assert "until: not gem_here" in dump_program(editor.program())
    assert editor.version == version + 2
    editor.set_count(loop, 99)  # no change: nothing to undo, no new version
    assert editor.version == version + 2


def test_new_edit_after_undo_drops_the_redo_branch() -> None:
    editor = ProgramEditor(ALL)
    editor.insert(PaletteEntry("forward"), TOP, 0)
    editor.undo()
    editor.insert(PaletteEntry("turn_left"), TOP, 0)
    assert not editor.can_redo
    editor.clear()
    assert editor.count == 0
    editor.undo()
    assert kinds(editor) == ["turn_left"]


def test_trace_block_ids_point_at_the_blocks_that_acted() -> None:
    level = make_level(
        """
        #######
        #>.*.F#
        #######
        """,
        goals="[collect_gems, reach_goal]",
    )
    editor = ProgramEditor(ALL, program=program(NESTED))
    editor.load(
        program("- repeat: 2\n  do: [forward]\n- pick_up\n- until: at_goal\n  do: [forward]")
    )
    ids = editor.preorder()
    outcome = run(level, editor.program()).first
    assert outcome.status == "success"
    acted = [editor.find(ids[f.block_id]).kind for f in outcome.trace[1:]]  # type: ignore[union-attr]
    assert acted == [f.action for f in outcome.trace[1:]]
    assert acted == ["forward", "forward", "pick_up", "forward", "forward"]
