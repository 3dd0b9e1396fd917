"""Painting the play screen from its state (reads the scene, never changes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import t
from game.levels import pick_text
from game.render.icons import icon
from game.render.text import (
    draw_paragraph,
    draw_text,
    line_height,
    text_surface,
    text_width,
    wrap,
)
from game.render.world_view import WorldView
from game.ui import theme

if TYPE_CHECKING:
    from game.scenes.play import PlayScene


COUNTER_ROOM = 90  # room kept beside the program's title for the block counter


def card(surface: pygame.Surface, rect: pygame.Rect, fill: theme.Rgb = theme.PANEL) -> None:
    pygame.draw.rect(surface, theme.SHADOW, rect.move(0, 4), border_radius=theme.RADIUS * 2)
    pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS * 2)
    pygame.draw.rect(surface, theme.PANEL_EDGE, rect, 2, border_radius=theme.RADIUS * 2)


def heading(
    surface: pygame.Surface,
    scene: PlayScene,
    rect: pygame.Rect,
    text: str,
    picture: str,
    spare: int = 0,
) -> None:
    """A card's title with its icon, on the reading side."""
    lang, size = scene.app.lang, theme.text_size("label", scene.app.text_scale)
    side = 30
    room = rect.width - side - 3 * theme.PAD - spare
    while size > 14 and text_width(text, size, lang, True) > room:
        size -= 1
    mark = icon(picture, side)
    if scene.app.rtl:
        at = mark.get_rect(topright=(rect.right - theme.PAD, rect.y + 8))
        draw_text(
            surface, text, (at.left - theme.GAP, rect.y + 8), size, theme.INK, lang, "right", True
        )
    else:
        at = mark.get_rect(topleft=(rect.x + theme.PAD, rect.y + 8))
        draw_text(
            surface, text, (at.right + theme.GAP, rect.y + 8), size, theme.INK, lang, "left", True
        )
    surface.blit(mark, at)


def draw_play(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    surface.blit(_backdrop(scene, surface.get_size()), (0, 0))
    _counter(scene, surface)
    scene.panel.draw(surface, scene.marks())
    _bin(scene, surface)
    if scene.level is None:
        _problems(scene, surface)
    elif scene.code_open:
        _code(scene, surface)
    else:
        _world(scene, surface)
        _steps(scene, surface)
        _goals(scene, surface)
    scene.group.draw(surface)
    if scene.show_success:
        _success(scene, surface)
    scene.panel.draw_overlays(surface)


_BACKDROPS: dict[tuple[object, ...], pygame.Surface] = {}


def _backdrop(scene: PlayScene, size: tuple[int, int]) -> pygame.Surface:
    """What does not move: the top bar with the title, the cards and their headings
    (drawn once per size and language; rounded cards are slow to draw every frame)."""
    rects = scene.rects
    assert rects is not None
    cards = (rects.palette_card, rects.program_card, rects.world_card)
    key = (size, scene.app.lang, scene.app.text_scale, scene.title(), *(tuple(r) for r in cards))
    found = _BACKDROPS.get(key)
    if found is not None:
        return found
    surface = pygame.Surface(size)
    surface.fill(theme.BACKGROUND)
    _top_bar(scene, surface)
    card(surface, rects.palette_card)
    heading(surface, scene, rects.palette_card, t("play.palette", scene.app.lang), "robot")
    card(surface, rects.program_card)
    title = t("play.program", scene.app.lang)
    heading(surface, scene, rects.program_card, title, "code", COUNTER_ROOM)
    card(surface, rects.world_card, (236, 244, 250))
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        surface = surface.convert()
    _BACKDROPS.clear()  # one screen at a time: keep only the newest
    _BACKDROPS[key] = surface
    return surface


def _top_bar(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    bar = pygame.Rect(0, 0, surface.get_width(), rects.palette_card.top - theme.PAD)
    pygame.draw.rect(surface, theme.lighter(theme.ACCENT, 0.85), bar)
    pygame.draw.line(surface, theme.PANEL_EDGE, bar.bottomleft, bar.bottomright, 2)
    lang, size = scene.app.lang, theme.text_size("title", scene.app.text_scale)
    back = scene.buttons.get("back")
    hint = scene.buttons.get("hint")
    if back is None or hint is None:
        return
    start = back.rect.left - theme.PAD if scene.app.rtl else back.rect.right + theme.PAD
    end = hint.rect.right + theme.PAD if scene.app.rtl else hint.rect.left - theme.PAD
    room = abs(end - start)
    title = scene.title()
    drawn = text_surface(title, size, theme.INK, lang, True)
    while drawn.get_width() > room and size > 16:
        size -= 2
        drawn = text_surface(title, size, theme.INK, lang, True)
    y = (bar.height - drawn.get_height()) // 2
    x = start - drawn.get_width() if scene.app.rtl else start
    if drawn.get_width() <= room:
        surface.blit(drawn, (x, y))


def _counter(scene: PlayScene, surface: pygame.Surface) -> None:
    """The block counter "4 / 6": orange when the limit is reached, red when over it."""
    rects = scene.rects
    assert rects is not None
    editor = scene.editor
    limit = editor.max_blocks
    text = (
        str(editor.count)
        if limit is None
        else t("play.blocks_count", "en", count=editor.count, max=limit)
    )
    colour = theme.DANGER if editor.over else theme.WARNING if editor.full else theme.SUCCESS
    size = theme.text_size("label", scene.app.text_scale)
    words = text_surface(text, size, theme.ON_ACCENT, "en", True)
    pill = pygame.Rect(0, 0, words.get_width() + 28, 34)
    card_rect = rects.program_card
    if scene.app.rtl:
        pill.topleft = (card_rect.x + theme.PAD, card_rect.y + 6)
    else:
        pill.topright = (card_rect.right - theme.PAD, card_rect.y + 6)
    pygame.draw.rect(surface, colour, pill, border_radius=17)
    surface.blit(words, words.get_rect(center=pill.center))


def _bin(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    drag = scene.panel.drag
    moving = drag is not None and drag.started and drag.block_id is not None
    over = moving and drag is not None and rects.bin.collidepoint(drag.pos)
    fill = theme.DANGER if over else theme.lighter(theme.DANGER, 0.7 if moving else 0.85)
    pygame.draw.rect(surface, fill, rects.bin, border_radius=theme.RADIUS)
    ink = theme.ON_ACCENT if over else theme.DANGER
    mark = icon("trash", 36, ink)
    surface.blit(mark, mark.get_rect(center=rects.bin.center))


GOAL_ICONS = {"reach_goal": "flag", "collect_gems": "gem", "crates_on_targets": "crate"}


def _goals(scene: PlayScene, surface: pygame.Surface) -> None:
    """The level's goals as pictures at the far end of the world card's heading."""
    rects = scene.rects
    assert rects is not None and scene.level is not None
    side = 30
    step = side + theme.GAP
    for index, goal in enumerate(scene.level.goals):
        mark = icon(GOAL_ICONS[goal], side)
        if scene.app.rtl:
            at = mark.get_rect(topleft=(rects.steps.x + index * step, rects.steps.y + 4))
        else:
            at = mark.get_rect(topright=(rects.steps.right - index * step, rects.steps.y + 4))
        surface.blit(mark, at)


def _steps(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    if rects is None or scene.level is None:
        return
    steps = scene.session.current.steps if scene.session else 0
    text = t("play.steps", scene.app.lang, steps=steps, max=scene.level.max_steps)
    size = theme.text_size("body", scene.app.text_scale)
    x = rects.steps.right if scene.app.rtl else rects.steps.x
    mark = icon("step", 28)
    lang = scene.app.lang
    if scene.app.rtl:
        surface.blit(mark, mark.get_rect(topright=(x, rects.steps.y + 4)))
        draw_text(surface, text, (x - 36, rects.steps.y + 6), size, theme.INK, lang, "right", True)
    else:
        surface.blit(mark, (x, rects.steps.y + 4))
        draw_text(surface, text, (x + 36, rects.steps.y + 6), size, theme.INK, lang, "left", True)


def _world(scene: PlayScene, surface: pygame.Surface) -> None:
    """The board under the message of the moment (failure or hint), which never hides it."""
    rects = scene.rects
    assert rects is not None and scene.level is not None
    views = scene.world_views()
    area = pygame.Rect(rects.world)
    message = _message(scene)
    if message is not None:
        used = _banner(scene, surface, *message)
        area = pygame.Rect(
            area.x, area.y + used + theme.PAD, area.width, area.height - used - theme.PAD
        )
    views[scene.board].draw(surface, area.inflate(-8, -8), scene.motion(scene.board))
    if len(views) > 1:
        _thumbs(scene, surface, views)


def _message(scene: PlayScene) -> tuple[list[str], str, theme.Rgb] | None:
    """The lines, icon and colour of the banner to show, if any: a hint asked for, else
    why the run failed."""
    lang = scene.app.lang
    level = scene.level
    assert level is not None
    if scene.intro_open and level.intro is not None:
        return [scene.title(), pick_text(level.intro, lang)], "robot", (232, 244, 255)
    if scene.hint_open and scene.hints_shown:
        title = t("play.hint_count", lang, n=scene.hints_shown, total=len(level.hints))
        text = pick_text(level.hints[scene.hints_shown - 1], lang)
        return [title, text], "hint", (255, 248, 220)
    if scene.session is None or not scene.session.current.finished:
        return None
    status = scene.session.current.outcome.status
    if status == "success":
        return None
    limit = scene.editor.max_blocks
    lines = [t(f"status.{status}", lang), t(f"play.advice.{status}", lang, max=limit)]
    if len(level.boards) > 1:
        lines.append(t("play.all_maps", lang))
    return lines, "cross", (255, 236, 228)


def _thumbs(scene: PlayScene, surface: pygame.Surface, views: list[WorldView]) -> None:
    rects = scene.rects
    assert rects is not None
    for index, (view, rect) in enumerate(zip(views, rects.thumbs, strict=True)):
        chosen = index == scene.board
        pygame.draw.rect(surface, theme.PANEL, rect, border_radius=theme.RADIUS)
        label_h = line_height(theme.text_size("small")) + 8
        picture = pygame.Rect(
            rect.x + 6, rect.y + label_h, rect.width - 12, rect.height - label_h - 6
        )
        view.draw(surface, picture, scene.motion(index))
        edge = theme.ACCENT if chosen else theme.PANEL_EDGE
        pygame.draw.rect(surface, edge, rect, 4 if chosen else 2, border_radius=theme.RADIUS)
        label = t("play.map", scene.app.lang, n=index + 1)
        draw_text(
            surface,
            label,
            (rect.centerx, rect.y + 2),
            theme.text_size("small"),
            theme.INK,
            scene.app.lang,
            "center",
            True,
        )
        pb = scene.session.playbacks[index] if scene.session else None
        if pb is not None and pb.finished:
            badge = icon("check" if pb.outcome.status == "success" else "cross", 30)
            surface.blit(badge, badge.get_rect(topright=(rect.right - 2, rect.y + 2)))


def _banner(
    scene: PlayScene, surface: pygame.Surface, lines: list[str], picture: str, fill: theme.Rgb
) -> int:
    """A message card across the top of the world area; returns its height."""
    rects = scene.rects
    assert rects is not None
    lang = scene.app.lang
    size = theme.text_size("body", scene.app.text_scale)
    box = pygame.Rect(rects.world.x, rects.world.y, rects.world.width, 0)
    text_box = box.inflate(-(60 + 2 * theme.PAD), 0)
    heights = [
        len(wrap(line, size, text_box.width, lang, index == 0))
        * line_height(size, index == 0, line)
        for index, line in enumerate(lines)
    ]
    box.height = sum(heights) + 2 * theme.PAD + theme.GAP * len(lines)
    box.height = max(box.height, 64)
    card(surface, box, fill)
    mark = icon(picture, 44)
    if scene.app.rtl:
        at = mark.get_rect(topright=(box.right - theme.PAD, box.y + theme.PAD))
        text_box.right = at.left - theme.PAD
    else:
        at = mark.get_rect(topleft=(box.x + theme.PAD, box.y + theme.PAD))
        text_box.left = at.right + theme.PAD
    surface.blit(mark, at)
    if picture != "cross":  # hints and the intro close with a click: say so with a cross
        close = icon("cross", 22, theme.INK_SOFT)
        corner = (box.x + 8, box.y + 8) if scene.app.rtl else (box.right - 30, box.y + 8)
        surface.blit(close, corner)
    y = box.y + theme.PAD
    for index, line in enumerate(lines):
        area = pygame.Rect(text_box.x, y, text_box.width, box.bottom - y)
        used = draw_paragraph(surface, line, area, size, theme.INK, lang, "start", bold=index == 0)
        y += used + theme.GAP
    return box.height


def _success(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None and scene.session is not None and scene.level is not None
    box = rects.success
    dim = pygame.Surface(rects.world_card.size, pygame.SRCALPHA)
    dim.fill((255, 255, 255, 90))
    surface.blit(dim, rects.world_card)
    card(surface, box, (255, 252, 240))
    lang, scale = scene.app.lang, scene.app.text_scale
    draw_text(
        surface,
        t("play.success", lang),
        (box.centerx, box.y + 16),
        theme.text_size("title", scale),
        theme.SUCCESS,
        lang,
        "center",
        True,
    )
    stars = scene.session.result.first.stars
    side = 64
    for index in range(3):
        mark = icon("star" if index < stars else "star_empty", side)
        x = box.centerx + (index - 1) * (side + 16)
        surface.blit(mark, mark.get_rect(center=(x, box.y + 100)))
    lines = [t("play.stars_won", lang, stars=stars)]
    if stars < 3 and scene.level.stars is not None:
        lines.append(t("play.more_stars", lang, blocks=scene.level.stars[0]))
    elif stars == 3:
        lines.append(t("play.perfect", lang))
    area = pygame.Rect(box.x + 24, box.y + 142, box.width - 48, box.height - 210)
    size = theme.text_size("body", scale)
    for line in lines:
        used = draw_paragraph(surface, line, area, size, theme.INK, lang, "center")
        area = pygame.Rect(area.x, area.y + used + 4, area.width, max(0, area.height - used - 4))
    scene.success_group.draw(surface)


def _code(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    lang = scene.app.lang
    heading(surface, scene, rects.world_card, t("play.code_title", lang), "code")
    scene.code_box.draw(surface)
    if scene.code_errors:
        area = pygame.Rect(rects.code.x, rects.code.bottom - 90, rects.code.width, 86)
        pygame.draw.rect(surface, (255, 236, 228), area, border_radius=theme.RADIUS)
        text = "\n".join(scene.code_errors[:3])
        draw_paragraph(
            surface,
            text,
            area.inflate(-16, -8),
            theme.text_size("small"),
            theme.DANGER,
            lang,
            "start",
            True,
        )
    buttons = scene.buttons
    buttons["type"].text = (
        t("play.apply_python" if scene.code_box.editable else "play.type_python", lang)
        if buttons["type"].text
        else ""
    )
    scene.code_group.draw(surface)


def _problems(scene: PlayScene, surface: pygame.Surface) -> None:
    rects = scene.rects
    assert rects is not None
    lines = [t("play.level_broken", scene.app.lang), *scene.problems[:6]]
    _banner(scene, surface, lines, "cross", (255, 236, 228))
