"""Block layout (shared by drawing and hit-testing) and trace playback, without pygame."""

from __future__ import annotations

import math

from game.editor.editor import ProgramEditor
from game.editor.layout import Layout, layout
from game.editor.playback import SPEEDS, Playback
from game.editor.tree import TOP, Block, Slot
from game.runner import run
from tests.conftest import make_level, program

ALL = ("forward", "turn_left", "repeat", "if_else", "function")


def words(block: Block) -> tuple[str, str]:
    return block.kind, str(block.count) if block.kind == "repeat" else ""


def measure(text: str) -> int:
    return 10 * len(text)


def build(text: str, rtl: bool = False, width: int = 400) -> tuple[ProgramEditor, Layout]:
    editor = ProgramEditor(ALL, program=program(text))
    return editor, layout(editor.tree, width, measure, words, rtl=rtl)


NESTED = """
- forward
- repeat: 2
  do: [turn_left]
- if: path_ahead
  do: []
  else: [forward]
"""


def test_c_blocks_grow_around_their_content() -> None:
    editor, placed = build(NESTED)
    ids = editor.preorder()
    loop, inner = placed.find(ids[1]), placed.find(ids[2])
    assert loop is not None and inner is not None
    assert loop.box.y < inner.box.y and inner.box.bottom < loop.box.bottom
    assert inner.box.x > loop.box.x
    branch = placed.find(ids[3])
    assert branch is not None and branch.else_row is not None
    empty_do = branch.arms[0][1]
    assert empty_do.h >= 40  # an empty arm stays big enough to drop into
    assert branch.else_row.y >= empty_do.bottom


def test_hits_find_the_innermost_block_and_its_fields() -> None:
    editor, placed = build(NESTED)
    ids = editor.preorder()
    inner = placed.find(ids[2])
    assert inner is not None
    centre = (inner.header.x + 5, inner.header.y + 5)
    assert placed.block_at(*centre) == inner
    loop = placed.find(ids[1])
    assert loop is not None
    plus = next(p for p in loop.parts if p.role == "plus")
    hit = placed.part_at(plus.box.x + 1, plus.box.y + 1)
    assert hit is not None and hit[1].role == "plus" and hit[0].block.id == ids[1]


def test_gaps_choose_nesting_by_how_far_the_block_is_indented() -> None:
    editor, placed = build(NESTED)
    ids = editor.preorder()
    loop = placed.find(ids[1])
    assert loop is not None
    inside_end = next(g for g in placed.gaps if g.slot == Slot(ids[1]) and g.index == 1)
    y = inside_end.box.y
    assert placed.gap_for(loop.box.x + 40, y) == inside_end
    outer = placed.gap_for(loop.box.x, loop.box.bottom + 3)
    assert outer is not None and outer.slot == TOP and outer.index == 2


def test_arabic_layout_is_the_mirror_image() -> None:
    editor, ltr = build(NESTED)
    _, rtl = build(NESTED, rtl=True)
    assert ltr.width == rtl.width
    for a, b in zip(ltr.placed, rtl.placed, strict=True):
        assert b.box.right == ltr.width - a.box.x
        assert b.box.y == a.box.y
    inner = rtl.find(editor.preorder()[2])
    loop = rtl.find(editor.preorder()[1])
    assert inner is not None and loop is not None
    assert inner.box.right < loop.box.right  # indented leftward


def test_playback_steps_back_and_forth_along_the_trace() -> None:
    level = make_level("#####\n#>.F#\n#####")
    outcome = run(level, program("[forward, forward]")).first
    replay = Playback(outcome, speed=0)
    replay.step()
    replay.update(0.5 / SPEEDS[0])
    assert replay.block_id == 0 and replay.progress > 0
    replay.update(1.0 / SPEEDS[0])
    assert replay.shown == 1 and not replay.playing  # a step stops after one action
    replay.back()
    assert replay.shown == 0 and replay.block_id == -1
    replay.speed = SPEEDS.index(math.inf)
    replay.play()
    replay.update(0.016)
    assert replay.finished and replay.status == "success" and replay.steps == 2
    assert replay.block_id == 1
