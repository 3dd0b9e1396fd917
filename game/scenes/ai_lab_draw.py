"""Painting the AI lab from its state (reads the scene, never changes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.editor.playback import Playback
from game.i18n import t
from game.render.icons import icon
from game.render.learning_curve import ENDING_COLOURS
from game.render.text import (
    draw_paragraph,
    draw_text,
    line_height,
    text_surface,
    text_width,
    wrap,
)
from game.render.value_overlay import LabWorldView, Layers
from game.render.world_view import Motion, ease
from game.scenes.ai_lab_layout import TOP_BAR
from game.scenes.menu_parts import blit_row, fit_text
from game.scenes.play_draw import card
from game.ui import theme
from game.world.outcome import Frame, Outcome

if TYPE_CHECKING:
    from game.scenes.ai_lab import AiLab
    from game.scenes.ai_lab_layout import LabRects

WORLD_BACK: theme.Rgb = (236, 244, 250)
BUBBLE: theme.Rgb = (228, 241, 252)
WINNER: theme.Rgb = (245, 190, 30)
RECENT = 10  # tries shown as coloured dots in the world card's title row


def draw_lab(scene: AiLab, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    surface.fill(theme.BACKGROUND)
    _top_bar(scene, surface, rects)
    if scene.trainer is None:
        _problems(scene, surface, rects)
    elif scene.racing:
        _race(scene, surface, rects)
    else:
        _learning(scene, surface, rects)
    scene.group.draw(surface)


def _top_bar(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    bar = pygame.Rect(0, 0, surface.get_width(), TOP_BAR)
    pygame.draw.rect(surface, theme.lighter(theme.CATEGORY["function"], 0.8), bar)
    pygame.draw.line(surface, theme.PANEL_EDGE, bar.bottomleft, bar.bottomright, 2)
    lang = scene.app.lang
    size = theme.text_size("title", scene.app.text_scale)
    title = rects.title
    while size > 20 and text_width(scene.title(), size, lang, True) > title.width - 44:
        size -= 2
    words = fit_text(scene.title(), size, title.width - 44, lang, True)
    brain = icon("brain", 36)
    rtl = scene.app.rtl
    mark = (
        brain.get_rect(midright=(title.right, title.centery))
        if rtl
        else brain.get_rect(midleft=(title.left, title.centery))
    )
    surface.blit(brain, mark)
    drawn = text_surface(words, size, theme.INK, lang, bold=True)
    if rtl:
        surface.blit(drawn, drawn.get_rect(midright=(mark.left - theme.GAP, title.centery)))
    else:
        surface.blit(drawn, drawn.get_rect(midleft=(mark.right + theme.GAP, title.centery)))


def _problems(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    box = rects.world_card.union(rects.bubble)
    card(surface, box)
    size = theme.text_size("body", scene.app.text_scale)
    inner = box.inflate(-4 * theme.PAD, -4 * theme.PAD)
    for line in scene.problems:
        used = draw_paragraph(surface, line, inner, size, theme.DANGER, scene.app.lang)
        inner.top += used + theme.GAP


# -- learning ---------------------------------------------------------------------------


def _learning(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    card(surface, rects.world_card, WORLD_BACK)
    _head(scene, surface, rects)
    _world(scene, surface, rects)
    _bubble(scene, surface, rects.bubble, *scene.words)
    card(surface, rects.curve)
    trainer = scene.trainer
    assert trainer is not None
    inner = rects.curve.inflate(-2 * theme.PAD, -2 * theme.PAD)
    app = scene.app
    picture = scene.curve.picture(inner.size, scene.shortest, app.lang, app.text_scale)
    surface.blit(picture, inner)
    _sliders(scene, surface, rects)


def _head(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    """'Try 37', then the last tries as coloured dots (green: the flag)."""
    trainer = scene.trainer
    assert trainer is not None
    lang, rtl = scene.app.lang, scene.app.rtl
    head = rects.head
    size = theme.text_size("label", scene.app.text_scale)
    words = t("lab.episode", lang, count=trainer.episodes)
    x = head.right if rtl else head.left
    drawn = draw_text(surface, words, (x, head.y + 4), size, theme.INK, lang, "start", True)
    recent = trainer.learner.history[-RECENT:]
    radius = 8
    step = 2 * radius + 4
    start = drawn.left - 3 * theme.GAP if rtl else drawn.right + 3 * theme.GAP
    for index, episode in enumerate(recent):
        offset = (len(recent) - 1 - index) * step + radius
        cx = start - offset if rtl else start + offset
        colour = ENDING_COLOURS.get(episode.ending, theme.INK_SOFT)
        pygame.draw.circle(surface, colour, (cx, drawn.centery), radius)
        if episode.success:
            pygame.draw.circle(surface, theme.PANEL, (cx, drawn.centery), radius, 2)


def _world(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    trainer = scene.trainer
    assert trainer is not None and scene.views
    view = scene.views[0]
    replay = trainer.replay
    board = view.board
    if replay is None:
        motion = Motion(Frame(0, -1, "", board.start), clock=scene.clock)
        trail: list[tuple[float, float]] = []
    else:
        shown, progress = replay.shown, replay.progress
        after = replay.frames[shown + 1] if progress > 0 else None
        ending = replay.frames[-1].status if replay.finished else None
        motion = Motion(
            replay.frames[shown], after, progress, ending, replay.since_end, scene.clock
        )
        trail = [board.xy(frame.state.pos) for frame in replay.frames[: shown + 1]]
        if after is not None:
            (x0, y0), (x1, y1) = trail[-1], board.xy(after.state.pos)
            p = ease(progress)
            trail.append((x0 + (x1 - x0) * p, y0 + (y1 - y0) * p))
    layers = Layers(
        knowledge=scene.knowledge() if scene.show_values or scene.show_visits else None,
        show_values=scene.show_values,
        show_visits=scene.show_visits,
        painted=trainer.painted,
        trail=trail,
    )
    view.draw_with(surface, rects.world, motion, layers)


def _bubble(
    scene: AiLab, surface: pygame.Surface, box: pygame.Rect, key: str, params: dict[str, object]
) -> None:
    """The robot's words, with its face on the reading side."""
    card(surface, box, BUBBLE)
    rtl = scene.app.rtl
    face = icon("robot", 44)
    inner = box.inflate(-2 * theme.PAD, -2 * theme.PAD)
    where = face.get_rect(topright=inner.topright) if rtl else face.get_rect(topleft=inner.topleft)
    surface.blit(face, where)
    text_box = pygame.Rect(inner)
    text_box.width -= face.get_width() + theme.PAD
    if not rtl:
        text_box.left = where.right + theme.PAD
    size = scene.words_size
    draw_paragraph(
        surface, t(key, scene.app.lang, **params), text_box, size, theme.INK, scene.app.lang
    )


def _sliders(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    """Each slider's name in children's words, beside it, on one or two lines."""
    card(surface, rects.sliders_card)
    lang = scene.app.lang
    size = theme.text_size("small", scene.app.text_scale)
    for name in scene.sliders:
        label = rects.slider_labels[name]
        words = t(f"lab.slider.{name}", lang)
        lines = wrap(words, size, label.width, lang, bold=True)
        used = len(lines) * line_height(size, True, words)
        box = pygame.Rect(label.x, label.centery - used // 2, label.width, used)
        draw_paragraph(surface, words, box, size, theme.INK, lang, "start", True)


# -- the race ---------------------------------------------------------------------------


def _race(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    race = scene.race
    lang = scene.app.lang
    child_title = t("lab.race.demo_title" if race and race.demo else "lab.race.child", lang)
    titles = (child_title, t("lab.race.robot", lang))
    pictures = ("code", "brain")
    for lane in range(2):
        won = (
            race is not None
            and race.finished
            and race.winner() in (("child", "tie"), ("robot", "tie"))[lane]
        )
        card(surface, rects.lanes[lane], WORLD_BACK)
        if won:
            pygame.draw.rect(surface, WINNER, rects.lanes[lane], 5, border_radius=theme.RADIUS * 2)
        playback = race.playbacks[lane] if race is not None else None
        _lane_head(scene, surface, rects.lanes[lane], titles[lane], pictures[lane], playback, won)
        if race is None and lane == 0:
            _no_program(scene, surface, rects)
            continue
        board_index = race.board if race is not None else 0
        view = scene.views[board_index]
        motion = _motion(playback, view, scene.clock)
        view.draw_with(surface, rects.lane_worlds[lane], motion, Layers())
        if playback is not None and playback.finished:
            _verdict(scene, surface, rects.lane_worlds[lane], playback.outcome)
    _thumbs(scene, surface, rects)
    _bubble(scene, surface, rects.race_bubble, *_race_words(scene))


def _motion(playback: Playback | None, view: LabWorldView, clock: float) -> Motion:
    if playback is None:
        return Motion(Frame(0, -1, "", view.board.start), clock=clock)
    pb = playback
    after = pb.frames[pb.shown + 1] if pb.progress > 0 and pb.shown < pb.last else None
    return Motion(pb.frames[pb.shown], after, pb.progress, pb.status, pb.since_end, clock)


def _lane_head(
    scene: AiLab,
    surface: pygame.Surface,
    lane: pygame.Rect,
    title: str,
    picture: str,
    playback: Playback | None,
    won: bool,
) -> None:
    lang, rtl = scene.app.lang, scene.app.rtl
    size = theme.text_size("label", scene.app.text_scale)
    head = pygame.Rect(lane.x + theme.PAD, lane.y + 6, lane.width - 2 * theme.PAD, 38)
    mark = icon("star" if won else picture, 32)
    at = (
        mark.get_rect(midright=(head.right, head.centery))
        if rtl
        else mark.get_rect(midleft=(head.left, head.centery))
    )
    surface.blit(mark, at)
    steps = t("lab.race.steps", lang, steps=playback.steps) if playback is not None else ""
    steps_w = text_width(steps, size, lang, True) + theme.PAD if steps else 0
    room = head.width - at.width - theme.GAP - steps_w
    words = fit_text(title, size, room, lang, True)
    x = at.left - theme.GAP if rtl else at.right + theme.GAP
    draw_text(surface, words, (x, head.y), size, theme.INK, lang, "start", True)
    if steps:
        end = head.left if rtl else head.right
        draw_text(
            surface,
            steps,
            (end, head.y),
            size,
            theme.ACCENT,
            lang,
            "end",
            True,
        )


def _verdict(scene: AiLab, surface: pygame.Surface, world: pygame.Rect, outcome: Outcome) -> None:
    """How the run ended, on a band under the lane's map."""
    lang = scene.app.lang
    size = theme.text_size("body", scene.app.text_scale)
    good = outcome.status == "success"
    words = t(f"lab.ending.{outcome.status}", lang)
    band = pygame.Rect(0, 0, min(world.width, text_width(words, size, lang, True) + 80), 40)
    band.midtop = (world.centerx, world.bottom + 6)
    colour = theme.SUCCESS if good else theme.DANGER
    pygame.draw.rect(surface, colour, band, border_radius=theme.RADIUS)
    mark = icon("check" if good else "cross", 28, theme.ON_ACCENT)
    rtl = scene.app.rtl
    at = (
        mark.get_rect(midright=(band.right - 8, band.centery))
        if rtl
        else mark.get_rect(midleft=(band.left + 8, band.centery))
    )
    surface.blit(mark, at)
    text_x = (at.left + band.left) // 2 if rtl else (at.right + band.right) // 2
    label = text_surface(words, size, theme.ON_ACCENT, lang, bold=True)
    surface.blit(label, label.get_rect(center=(text_x, band.centery)))


def _no_program(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    lane = rects.lanes[0]
    size = theme.text_size("body", scene.app.text_scale)
    box = pygame.Rect(
        lane.x + 2 * theme.PAD,
        lane.y + 70,
        lane.width - 4 * theme.PAD,
        rects.buttons["write"].top - lane.y - 80,
    )
    draw_paragraph(
        surface,
        t("lab.race.no_program", scene.app.lang),
        box,
        size,
        theme.INK,
        scene.app.lang,
        "center",
    )


def _thumbs(scene: AiLab, surface: pygame.Surface, rects: LabRects) -> None:
    """Each map, with how both did on it once raced there (the child's mark first)."""
    race = scene.race
    lang, rtl = scene.app.lang, scene.app.rtl
    size = theme.text_size("small", scene.app.text_scale)
    for index, rect in enumerate(rects.thumbs):
        chosen = race is not None and index == race.board
        pygame.draw.rect(surface, theme.PANEL, rect, border_radius=theme.RADIUS)
        edge = theme.ACCENT if chosen else theme.PANEL_EDGE
        pygame.draw.rect(surface, edge, rect, 3 if chosen else 2, border_radius=theme.RADIUS)
        name = text_surface(t("lab.race.map", lang, index=index + 1), size, theme.INK, lang, True)
        surface.blit(name, name.get_rect(midtop=(rect.centerx, rect.y + 2)))
        below = pygame.Rect(rect.x + 6, rect.y + name.get_height() + 2, rect.width - 12, 0)
        below.height = rect.bottom - 4 - below.y
        half = below.width // 2
        picture = pygame.Rect(below.x, below.y, half, below.height)
        marks = pygame.Rect(below.x + half, below.y, half, below.height)
        if rtl:
            picture.x, marks.x = marks.x, picture.x
        view = scene.views[index]
        view.draw(surface, picture, Motion(Frame(0, -1, "", view.board.start)))
        if race is not None and race.seen[index]:
            _marks(surface, marks, race.lanes(index), rtl)


def _marks(
    surface: pygame.Surface, box: pygame.Rect, runs: tuple[Outcome, Outcome], rtl: bool
) -> None:
    """A tick or a cross for the child's run, then for the robot's."""
    side = max(12, min(24, box.height // 2 - 2))
    for row, (picture, outcome) in enumerate(zip(("code", "brain"), runs, strict=True)):
        good = outcome.status == "success"
        parts = [icon(picture, side), icon("check" if good else "cross", side)]
        y = box.y + box.height // 4 + row * box.height // 2
        blit_row(surface, parts, (box.centerx, y), rtl)


def _race_words(scene: AiLab) -> tuple[str, dict[str, object]]:
    race = scene.race
    if race is None:
        return "lab.race.explain", {}
    if race.trained == 0:
        return "lab.race.untrained", {}
    if race.maps > 1 and all(race.seen) and race.everywhere() == (True, False):
        return "lab.race.everywhere", {}
    child, robot = race.lanes()
    lost = robot.status != "success" and child.status == "success"
    if race.finished and race.board > 0 and lost:
        return "lab.race.explain_variants", {}  # the robot is lost off its training map
    if race.finished:
        return f"lab.race.won.{race.winner()}", {}
    return ("lab.race.explain_variants" if race.maps > 1 else "lab.race.explain"), {}
