"""Where each part of the AI lab goes, for any window size and either direction.

Laid out left to right once, then every rectangle is mirrored for Arabic. Learning: the
world card (the grid, a column of overlay and paint tools beside it, the training
controls under it) and a column with the robot's words, the learning curve and the three
sliders. Race: two world cards side by side, a row of maps for levels with variants, and
the words with the race buttons under them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import theme
from game.ui.tool_button import HEIGHT as TOOL_HEIGHT
from game.ui.widgets import mirror_x

TOP_BAR = 64
HEAD = 58  # a card's title row
CONTROLS = TOOL_HEIGHT + 16
TOOL_COLUMN = 104
CHIP = 46  # a level number in the top bar
FACE = 44  # the robot's face beside its words
AGAIN_W = 150
SLIDER_ROW = 54  # a slider with its label beside it (on up to two lines)
LABEL_SHARE = 0.44
THUMBS = 92
VERDICT = 44  # the band under a lane's map saying how the run ended

CONTROL_ROW = ("train", "step", "fast", "pace", "restart")
TOOL_STRIP = ("values", "visits", "treat", "trap", "erase")
RACE_ROW = ("again", "write", "demo")
SLIDERS = ("alpha", "gamma", "epsilon")


@dataclass
class LabRects:
    title: pygame.Rect
    world_card: pygame.Rect
    world: pygame.Rect
    head: pygame.Rect  # the world card's title row: try counter, recent tries, seed
    bubble: pygame.Rect
    curve: pygame.Rect
    sliders_card: pygame.Rect
    sliders: dict[str, pygame.Rect] = field(default_factory=dict)
    slider_labels: dict[str, pygame.Rect] = field(default_factory=dict)
    buttons: dict[str, pygame.Rect] = field(default_factory=dict)
    chips: list[pygame.Rect] = field(default_factory=list)
    # The race.
    lanes: tuple[pygame.Rect, pygame.Rect] = (pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0))
    lane_worlds: tuple[pygame.Rect, pygame.Rect] = (
        pygame.Rect(0, 0, 0, 0),
        pygame.Rect(0, 0, 0, 0),
    )
    thumbs: list[pygame.Rect] = field(default_factory=list)
    race_bubble: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))


def _column(
    names: tuple[str, ...], left: int, top: int, width: int, height: int, gap: int
) -> dict[str, pygame.Rect]:
    return {
        name: pygame.Rect(left, top + index * (height + gap), width, height)
        for index, name in enumerate(names)
    }


def _row(
    names: tuple[str, ...], left: int, top: int, room: int, widest: int
) -> dict[str, pygame.Rect]:
    """Buttons of equal width side by side from `left`, sharing `room` (at most `widest`)."""
    gap = theme.GAP
    width = min(widest, (room - gap * (len(names) - 1)) // len(names))
    return {
        name: pygame.Rect(left + index * (width + gap), top, width, TOOL_HEIGHT)
        for index, name in enumerate(names)
    }


def lab_rects(
    size: tuple[int, int],
    rtl: bool,
    chips: int,
    boards: int,
    words_h: tuple[int, int] = (0, 0),
) -> LabRects:
    """Every rectangle of the lab; `chips` is the number of levels in the pack, `words_h`
    the height the robot's longest words need when learning and when racing (measured by
    the caller with `words_width`, as Arabic lines are taller)."""
    width, height = size
    pad = theme.PAD
    top = TOP_BAR + pad
    body_h = height - top - pad
    buttons: dict[str, pygame.Rect] = {}

    # Top bar: back, title, the level numbers and the race switch at the end.
    buttons["back"] = pygame.Rect(
        pad, (TOP_BAR - theme.MIN_TARGET - 4) // 2, 132, theme.MIN_TARGET + 4
    )
    race_w = 170 if width >= 1200 else 150
    buttons["race"] = pygame.Rect(width - pad - race_w, 4, race_w, TOOL_HEIGHT - 6)
    chips_right = buttons["race"].left - 2 * pad
    chip_rects = [
        pygame.Rect(chips_right - (chips - i) * (CHIP + 6), (TOP_BAR - CHIP) // 2, CHIP, CHIP)
        for i in range(chips)
    ]
    title_left = buttons["back"].right + pad
    title_right = (chip_rects[0].left if chip_rects else chips_right) - pad
    title = pygame.Rect(title_left, 0, max(40, title_right - title_left), TOP_BAR)

    # Learning: the world card and the column beside it.
    world_w = max(500, round(width * 0.56))
    world_card = pygame.Rect(pad, top, world_w, body_h)
    head = pygame.Rect(world_card.x + pad, world_card.y + 4, world_card.width - 2 * pad, HEAD - 6)
    controls_top = world_card.bottom - CONTROLS + 4
    buttons |= _row(CONTROL_ROW, world_card.x + pad, controls_top, world_card.width - 2 * pad, 140)
    tool_left = world_card.right - pad - TOOL_COLUMN
    grid_top = world_card.y + HEAD
    grid_h = controls_top - pad - grid_top
    tool_gap = max(4, min(theme.GAP, (grid_h - 5 * TOOL_HEIGHT) // 4))
    buttons |= _column(TOOL_STRIP, tool_left, grid_top, TOOL_COLUMN, TOOL_HEIGHT, tool_gap)
    world = pygame.Rect(world_card.x + pad, grid_top, tool_left - world_card.x - 2 * pad, grid_h)

    side_left = world_card.right + pad
    side_w = width - side_left - pad
    bubble = pygame.Rect(side_left, top, side_w, max(FACE, words_h[0]) + 2 * pad)
    sliders_h = len(SLIDERS) * SLIDER_ROW + pad
    sliders_card = pygame.Rect(side_left, world_card.bottom - sliders_h, side_w, sliders_h)
    curve = pygame.Rect(
        side_left, bubble.bottom + pad, side_w, sliders_card.top - pad - bubble.bottom - pad
    )
    sliders: dict[str, pygame.Rect] = {}
    labels: dict[str, pygame.Rect] = {}
    label_w = round((side_w - 2 * pad) * LABEL_SHARE)
    for index, name in enumerate(SLIDERS):
        row_top = sliders_card.y + pad // 2 + index * SLIDER_ROW
        labels[name] = pygame.Rect(side_left + pad, row_top, label_w, SLIDER_ROW)
        slider_left = labels[name].right + pad
        sliders[name] = pygame.Rect(
            slider_left,
            row_top + (SLIDER_ROW - theme.MIN_TARGET) // 2,
            side_left + side_w - pad - slider_left,
            theme.MIN_TARGET,
        )

    # The race: two lanes, the maps, the words and the buttons.
    bottom_h = max(FACE, words_h[1], TOOL_HEIGHT) + 2 * pad
    race_bubble = pygame.Rect(pad, world_card.bottom - bottom_h, width - 2 * pad, bottom_h)
    thumbs_h = THUMBS if boards > 1 else 0
    lanes_bottom = race_bubble.top - pad - (thumbs_h + pad if thumbs_h else 0)
    lane_w = (width - 3 * pad) // 2
    lanes = (
        pygame.Rect(pad, top, lane_w, lanes_bottom - top),
        pygame.Rect(2 * pad + lane_w, top, lane_w, lanes_bottom - top),
    )
    lane_h = lanes[0].height - HEAD - VERDICT - 8
    lane_worlds = (
        pygame.Rect(lanes[0].x + pad, lanes[0].y + HEAD, lane_w - 2 * pad, lane_h),
        pygame.Rect(lanes[1].x + pad, lanes[1].y + HEAD, lane_w - 2 * pad, lane_h),
    )
    thumb_w = min(180, (width - 2 * pad - (boards - 1) * theme.GAP) // max(1, boards))
    thumbs_left = width // 2 - (boards * thumb_w + (boards - 1) * theme.GAP) // 2
    thumbs = (
        [
            pygame.Rect(
                thumbs_left + i * (thumb_w + theme.GAP), lanes_bottom + pad, thumb_w, THUMBS - 4
            )
            for i in range(boards)
        ]
        if boards > 1
        else []
    )
    buttons["again"] = pygame.Rect(
        race_bubble.right - pad - 150, race_bubble.y + pad, 150, TOOL_HEIGHT
    )
    # Without a program of the child's: two buttons inside the child's lane.
    write_w = min(260, lane_w - 4 * pad)
    buttons["write"] = pygame.Rect(
        lanes[0].centerx - write_w // 2, lanes[0].centery, write_w, TOOL_HEIGHT
    )
    buttons["demo"] = buttons["write"].move(0, TOOL_HEIGHT + pad)

    rects = LabRects(
        title, world_card, world, head, bubble, curve, sliders_card, sliders, labels,
        buttons, chip_rects, lanes, lane_worlds, thumbs, race_bubble,
    )  # fmt: skip
    return _mirrored(rects, width) if rtl else rects


def words_width(rects: LabRects) -> tuple[int, int]:
    """The width of the robot's words in the learning bubble and in the race bubble."""
    beside_face = FACE + 3 * theme.PAD
    return (
        rects.bubble.width - beside_face,
        rects.race_bubble.width - beside_face - AGAIN_W - theme.PAD,
    )


def _mirrored(rects: LabRects, width: int) -> LabRects:
    def m(rect: pygame.Rect) -> pygame.Rect:
        return mirror_x(rect, width)

    def each(found: dict[str, pygame.Rect]) -> dict[str, pygame.Rect]:
        return {name: m(rect) for name, rect in found.items()}

    return LabRects(
        m(rects.title), m(rects.world_card), m(rects.world), m(rects.head), m(rects.bubble),
        m(rects.curve), m(rects.sliders_card), each(rects.sliders), each(rects.slider_labels),
        each(rects.buttons), [m(r) for r in rects.chips],
        (m(rects.lanes[0]), m(rects.lanes[1])), (m(rects.lane_worlds[0]), m(rects.lane_worlds[1])),
        [m(r) for r in rects.thumbs], m(rects.race_bubble),
    )  # fmt: skip
