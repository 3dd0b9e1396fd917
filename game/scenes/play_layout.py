"""Where each part of the play screen goes, for any window size and either direction.

The screen is laid out left to right once (palette, program, world) and every rectangle
is mirrored for Arabic, so the palette sits on the right and the world on the left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.i18n import t
from game.ui import theme
from game.ui.tool_button import HEIGHT as TOOL_HEIGHT
from game.ui.tool_button import tool_width
from game.ui.widgets import Button, mirror_x
from game.world.board import Board
from game.world.tiles import Ground

TOP_BAR = 64
CONTROLS = 78
THUMBS = 96
CARD_HEAD = 44
PROGRAM_FOOT = 64
COMPACT = 52  # an icon-only button
WORLD_MIN = 420  # the world card keeps room for its five run controls

# Which buttons sit where, in reading order.
TOP_RIGHT = ("hint", "code", "undo", "redo", "sound")
CONTROL_ROW = ("run", "back_step", "step", "reset", "speed")
CODE_ROW = ("type", "close_code")
SUCCESS_ROW = ("replay", "next")
BUTTON_TEXT = {
    "back": ("play.back", "home"),
    "hint": ("play.hint", "hint"),
    "code": ("play.code", "code"),
    "undo": ("play.undo", "undo"),
    "redo": ("play.redo", "redo"),
    "sound": ("play.sound", "sound_on"),
    "clear": ("play.clear", "trash"),
    "run": ("play.run", "play"),
    "back_step": ("play.step_back", "step_back"),
    "step": ("play.step", "step"),
    "reset": ("play.reset", "reset"),
    "speed": ("play.speed.3", "speed"),
    "type": ("play.apply_python", "code"),
    "close_code": ("play.close", "cross"),
    "replay": ("play.replay", "reset"),
    "next": ("play.next", "flag"),
}


@dataclass
class PlayRects:
    palette: pygame.Rect
    palette_card: pygame.Rect
    program: pygame.Rect
    program_card: pygame.Rect
    bin: pygame.Rect
    world_card: pygame.Rect
    world: pygame.Rect
    steps: pygame.Rect
    hint: pygame.Rect
    code: pygame.Rect
    success: pygame.Rect
    title: pygame.Rect
    thumbs: list[pygame.Rect] = field(default_factory=list)
    buttons: dict[str, pygame.Rect] = field(default_factory=dict)
    tools: set[str] = field(default_factory=set)  # buttons with their word under the icon


def button_width(name: str, lang: str, scale: float, compact: bool) -> int:
    key, picture = BUTTON_TEXT[name]
    return COMPACT if compact else Button.fit(t(key, lang), picture, lang, scale)[0]


def _row(
    names: tuple[str, ...],
    lang: str,
    scale: float,
    room: int,
    right_edge: int | None,
    left: int,
    y: int,
    tools: bool = False,
    height: int = TOOL_HEIGHT,
) -> dict[str, pygame.Rect]:
    """Buttons side by side, with words when they fit in `room`, else icons only; placed
    from `left`, or ending at `right_edge` when given. `tools` puts each word under its
    icon (narrower), and shares out the spare room."""
    if tools:
        widths = [tool_width(t(BUTTON_TEXT[n][0], lang), lang, scale) for n in names]
        spare = room - sum(widths) - theme.GAP * (len(names) - 1)
        widths = [w + max(0, min(spare // len(names), 40)) for w in widths]
        if spare < 0:  # too narrow: every button gives up its share (captions shrink)
            widths = [max(COMPACT, w + spare // len(names)) for w in widths]
    else:
        compact = not fits(names, lang, scale, room)
        widths = [button_width(n, lang, scale, compact) for n in names]
        height = theme.MIN_TARGET + 4
    total = sum(widths) + theme.GAP * (len(names) - 1)
    x = right_edge - total if right_edge is not None else left
    out = {}
    for name, width in zip(names, widths, strict=True):
        out[name] = pygame.Rect(x, y, width, height)
        x += width + theme.GAP
    return out


def play_rects(
    size: tuple[int, int],
    palette_need: int,
    program_need: int,
    boards: int,
    rtl: bool,
    lang: str = "fr",
    scale: float = 1.0,
) -> PlayRects:
    width, height = size
    pad = theme.PAD
    body_top = TOP_BAR + pad
    body_h = height - body_top - pad
    pal_w = max(180, min(palette_need, 280 if width >= 1280 else 240))
    palette_card = pygame.Rect(pad, body_top, pal_w, body_h)
    rest = width - pal_w - 4 * pad
    prog_w = max(300, int(rest * 0.42), min(program_need, int(rest * 0.58), rest - WORLD_MIN))
    program_card = pygame.Rect(palette_card.right + pad, body_top, prog_w, body_h)
    world_card = pygame.Rect(
        program_card.right + pad, body_top, width - program_card.right - 2 * pad, body_h
    )
    palette = pygame.Rect(palette_card.x, palette_card.y + CARD_HEAD, pal_w, body_h - CARD_HEAD)
    program = pygame.Rect(
        program_card.x, program_card.y + CARD_HEAD, prog_w, body_h - CARD_HEAD - PROGRAM_FOOT
    )
    bin_rect = pygame.Rect(0, 0, 56, 52)
    bin_rect.bottomright = (program_card.right - pad, program_card.bottom - 6)
    thumbs_h = THUMBS if boards > 1 else 0
    world = pygame.Rect(
        world_card.x + pad,
        world_card.y + CARD_HEAD + 8,
        world_card.width - 2 * pad,
        world_card.height - CARD_HEAD - 8 - CONTROLS - thumbs_h - pad,
    )
    thumbs = _thumbs(world_card, world.bottom + pad // 2, boards) if boards > 1 else []
    code = world_card.inflate(-2 * pad, 0)
    code.y = world_card.y + CARD_HEAD + 8
    code.height = world_card.height - CARD_HEAD - 8 - CONTROLS - 64
    success = pygame.Rect(0, 0, min(world.width - 24, 520), min(world.height - 24, 330))
    success.center = world.center
    hint = pygame.Rect(world.x + pad, world.y + pad, world.width - 2 * pad, 120)
    buttons = _buttons(size, palette_card, program_card, world_card, code, success, lang, scale)
    tools = set(CONTROL_ROW)
    if not fits(TOP_RIGHT, lang, scale, width - 520):
        tools |= set(TOP_RIGHT)
    if not fits(SUCCESS_ROW, lang, scale, success.width - 2 * pad):
        tools |= set(SUCCESS_ROW)
    steps = pygame.Rect(
        world_card.x + pad, world_card.y + 6, world_card.width - 2 * pad, CARD_HEAD - 8
    )
    title = pygame.Rect(pad + 150, 0, width - 2 * pad - 150, TOP_BAR)
    rects = PlayRects(
        palette, palette_card, program, program_card, bin_rect, world_card, world, steps, hint,
        code, success, title, thumbs, buttons, tools,
    )  # fmt: skip
    return _mirrored(rects, width) if rtl else rects


def _buttons(
    size: tuple[int, int],
    palette_card: pygame.Rect,
    program_card: pygame.Rect,
    world_card: pygame.Rect,
    code: pygame.Rect,
    success: pygame.Rect,
    lang: str,
    scale: float,
) -> dict[str, pygame.Rect]:
    width, _ = size
    pad = theme.PAD
    top_y = (TOP_BAR - theme.MIN_TARGET - 4) // 2
    buttons = _row(("back",), lang, scale, 200, None, pad, top_y)
    room = width - 520
    if fits(TOP_RIGHT, lang, scale, room):
        buttons |= _row(TOP_RIGHT, lang, scale, room, width - pad, 0, top_y)
    else:
        buttons |= _row(TOP_RIGHT, lang, scale, room, width - pad, 0, 4, True, TOP_BAR - 8)
    foot_y = program_card.bottom - 58
    buttons |= _row(
        ("clear",), lang, scale, program_card.width - 90, None, program_card.x + pad, foot_y
    )
    controls_y = world_card.bottom - CONTROLS + 6
    room = world_card.width - 2 * pad
    buttons |= _row(CONTROL_ROW, lang, scale, room, None, world_card.x + pad, controls_y, True)
    buttons |= _row(CODE_ROW, lang, scale, code.width, code.right, 0, code.bottom + 8)
    room = success.width - 2 * pad
    tools = not fits(SUCCESS_ROW, lang, scale, room)
    top = success.bottom - (TOOL_HEIGHT + 12 if tools else 60)
    buttons |= _row(SUCCESS_ROW, lang, scale, room, None, success.x + pad, top, tools)
    row = [buttons[n] for n in SUCCESS_ROW]
    shift = success.centerx - (row[0].left + row[-1].right) // 2
    for name in SUCCESS_ROW:
        buttons[name] = buttons[name].move(shift, 0)
    return buttons


def fits(names: tuple[str, ...], lang: str, scale: float, room: int) -> bool:
    """Whether these buttons, words beside icons, fit side by side in `room` pixels."""
    return sum(button_width(n, lang, scale, False) + theme.GAP for n in names) <= room


def _thumbs(card: pygame.Rect, top: int, boards: int) -> list[pygame.Rect]:
    pad = theme.PAD
    each = min(170, (card.width - 2 * pad) // boards - theme.GAP)
    return [
        pygame.Rect(card.x + pad + i * (each + theme.GAP), top, each, THUMBS - theme.GAP)
        for i in range(boards)
    ]


def _mirrored(rects: PlayRects, width: int) -> PlayRects:
    def m(rect: pygame.Rect) -> pygame.Rect:
        return mirror_x(rect, width)

    return PlayRects(
        m(rects.palette), m(rects.palette_card), m(rects.program), m(rects.program_card),
        m(rects.bin), m(rects.world_card), m(rects.world), m(rects.steps), m(rects.hint),
        m(rects.code), m(rects.success), m(rects.title),
        [m(r) for r in rects.thumbs], {k: m(r) for k, r in rects.buttons.items()}, rects.tools,
    )  # fmt: skip


def relevant_sensors(boards: tuple[Board, ...]) -> tuple[str, ...]:
    """The sensors worth offering on these maps: paths and walls always, water, crates,
    gems, the flag and colours only where the maps have them."""
    grounds = {g for board in boards for _, _, g in board.cells()}
    names = ["path_ahead", "path_left", "path_right", "wall_ahead"]
    if Ground.WATER in grounds:
        names.append("water_ahead")
    if any(board.start.crates for board in boards):
        names.append("crate_ahead")
    if any(board.start.gems for board in boards):
        names.append("gem_here")
    if any(board.flags for board in boards):
        names.append("at_goal")
    colours = {
        Ground.RED: "on_red",
        Ground.GREEN: "on_green",
        Ground.BLUE: "on_blue",
        Ground.YELLOW: "on_yellow",
    }
    names += [name for ground, name in colours.items() if ground in grounds]
    return tuple(names)
