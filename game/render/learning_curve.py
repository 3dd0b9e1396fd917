"""The learning curve, drawn in the game: steps per try and points per try.

Two small charts, one above the other. Each try is a dot coloured by how it ended (green
for the flag), joined by a line; once there are more tries than room, tries are grouped
into columns showing their average, with a pale band from the lowest to the highest. The
steps chart has a dashed line at the shortest possible route, so children watch the curve
come down to it. Time runs left to right in every language, as on a school graph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pygame

from game.agent.qlearning import Episode
from game.i18n import t
from game.render.text import draw_text, line_height, text_surface
from game.ui import theme

ENDING_COLOURS: dict[str, theme.Rgb] = {
    "success": theme.SUCCESS,
    "crashed": theme.DANGER,
    "fell": (40, 120, 200),
    "no_gem": (204, 121, 167),
    "out_of_steps": theme.INK_SOFT,
}
STEPS_INK: theme.Rgb = theme.ACCENT
POINTS_INK: theme.Rgb = (200, 120, 0)
GRID: theme.Rgb = (226, 220, 206)
AXIS_ROOM = 40  # pixels left of a chart for its numbers
DOT_SPACING = 6  # below this many pixels per try, tries are grouped into columns


@dataclass(frozen=True, slots=True)
class Series:
    values: npt.NDArray[np.float64]
    success: npt.NDArray[np.bool_]
    endings: Sequence[str]


class LearningCurve:
    """The curve of one robot's tries: numbers copied from each new try as it comes, and a
    picture redrawn only when a try was added or the room changed, so a robot with
    thousands of tries does not cost every frame."""

    def __init__(self) -> None:
        self._history: Sequence[Episode] | None = None
        self.steps: list[float] = []
        self.points: list[float] = []
        self.endings: list[str] = []
        self._picture: tuple[object, pygame.Surface] | None = None

    def follow(self, history: Sequence[Episode]) -> None:
        """Take in the tries added since the last call (a new or reset robot starts over)."""
        if history is not self._history or len(history) < len(self.steps):
            self._history = history
            self.steps, self.points, self.endings = [], [], []
        for episode in history[len(self.steps) :]:
            self.steps.append(float(episode.steps))
            self.points.append(episode.reward)
            self.endings.append(episode.ending)

    def picture(
        self, size: tuple[int, int], shortest: int | None, lang: str, scale: float = 1.0
    ) -> pygame.Surface:
        """Both charts on the panel's colour, `size` pixels."""
        key = (len(self.steps), size, shortest, lang, scale)
        if self._picture is None or self._picture[0] != key:
            surface = pygame.Surface(size)
            surface.fill(theme.PANEL)
            self.draw(surface, surface.get_rect(), shortest, lang, scale)
            self._picture = (key, surface)
        return self._picture[1]

    def draw(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        shortest: int | None,
        lang: str,
        scale: float = 1.0,
    ) -> None:
        size = theme.text_size("small", scale)
        if not self.steps:
            words = text_surface(t("lab.curve.empty", lang), size, theme.INK_SOFT, lang)
            surface.blit(words, words.get_rect(center=rect.center))
            return
        success = np.array([e == "success" for e in self.endings], dtype=np.bool_)
        steps = Series(np.array(self.steps), success, self.endings)
        points = Series(np.array(self.points), success, self.endings)
        half = (rect.height - theme.GAP) // 2
        top = pygame.Rect(rect.x, rect.y, rect.width, half)
        bottom = pygame.Rect(rect.x, rect.y + half + theme.GAP, rect.width, half)
        count = t("lab.curve.tries", lang, count=len(self.steps))
        titles = (t("lab.curve.steps", lang), count)
        _chart(surface, top, steps, titles, STEPS_INK, lang, size, shortest)
        titles = (t("lab.curve.points", lang), "")
        _chart(surface, bottom, points, titles, POINTS_INK, lang, size, None)


def _chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    data: Series,
    words: tuple[str, str],
    ink: theme.Rgb,
    lang: str,
    size: int,
    shortest: int | None,
) -> None:
    """One chart: its title at the top on the reading side and `words[1]` at the other
    end, in a band the data never reaches, so nothing is drawn over the words."""
    plot = pygame.Rect(rect.x + AXIS_ROOM, rect.y, rect.width - AXIS_ROOM - 4, rect.height - 4)
    band = line_height(size, True, words[0]) + 2
    if plot.width < 20 or plot.height < band + 16:
        return
    low = min(0.0, float(data.values.min()))
    high = max(float(data.values.max()), float(shortest or 0), low + 1.0)
    pygame.draw.rect(surface, (252, 250, 244), plot)
    rtl = lang == "ar"
    start, end = (plot.right - 6, plot.left + 6) if rtl else (plot.left + 6, plot.right - 6)
    draw_text(surface, words[0], (start, plot.y), size, ink, lang, "start", True)
    if words[1]:
        draw_text(surface, words[1], (end, plot.y), size, theme.INK_SOFT, lang, "end")
    room = plot.height - band

    def y_of(value: float) -> float:
        return plot.bottom - (value - low) / (high - low) * room

    _axis(surface, plot, low, high, size, y_of)
    if shortest is not None:
        _dashed(surface, plot, round(y_of(shortest)), theme.SUCCESS)
    if len(data.values) * DOT_SPACING <= plot.width:
        _dots(surface, plot, data, y_of, ink)
    else:
        _columns(surface, plot, data, y_of, ink)
    if shortest is not None:  # its words on top of the data, on a patch of paper
        label = t("lab.curve.shortest", lang, steps=shortest)
        drawn = text_surface(label, max(10, size - 4), theme.SUCCESS, lang, True)
        corner = (end, round(y_of(shortest)) + 3)
        where = drawn.get_rect(topleft=corner) if rtl else drawn.get_rect(topright=corner)
        pygame.draw.rect(surface, (252, 250, 244), where.inflate(6, 2), border_radius=4)
        surface.blit(drawn, where)


def _axis(
    surface: pygame.Surface,
    plot: pygame.Rect,
    low: float,
    high: float,
    size: int,
    y_of: Callable[[float], float],
) -> None:
    """Numbers for the highest and lowest values, and a zero line when it is inside."""
    small = max(10, size - 4)
    for value, y in ((high, round(y_of(high))), (low, plot.bottom)):
        words = text_surface(_number(value), small, theme.INK_SOFT, "en")
        surface.blit(words, words.get_rect(midright=(plot.left - 4, y)))
    if low < 0 < high:
        zero = round(y_of(0.0))
        pygame.draw.line(surface, GRID, (plot.left, zero), (plot.right, zero), 2)
        words = text_surface("0", small, theme.INK_SOFT, "en")
        surface.blit(words, words.get_rect(midright=(plot.left - 4, zero)))
    pygame.draw.line(surface, theme.PANEL_EDGE, plot.bottomleft, plot.bottomright, 2)
    pygame.draw.line(surface, theme.PANEL_EDGE, plot.topleft, plot.bottomleft, 2)


def _number(value: float) -> str:
    return str(round(value)) if abs(value) >= 10 or value == round(value) else f"{value:.1f}"


def _dashed(surface: pygame.Surface, plot: pygame.Rect, y: int, colour: theme.Rgb) -> None:
    for x in range(plot.left, plot.right, 12):
        pygame.draw.line(surface, colour, (x, y), (min(x + 6, plot.right), y), 2)


def _dots(
    surface: pygame.Surface,
    plot: pygame.Rect,
    data: Series,
    y_of: Callable[[float], float],
    ink: theme.Rgb,
) -> None:
    """Few tries: one dot each, coloured by how it ended, joined by a line."""
    n = len(data.values)
    step = plot.width / max(1, n)
    points = [(plot.left + (i + 0.5) * step, y_of(float(v))) for i, v in enumerate(data.values)]
    if n > 1:
        pygame.draw.lines(surface, theme.lighter(ink, 0.35), False, points, 2)
    radius = max(2.0, min(5.0, step * 0.4))
    for point, ending in zip(points, data.endings, strict=True):
        pygame.draw.circle(surface, ENDING_COLOURS.get(ending, theme.INK_SOFT), point, radius)


def _columns(
    surface: pygame.Surface,
    plot: pygame.Rect,
    data: Series,
    y_of: Callable[[float], float],
    ink: theme.Rgb,
) -> None:
    """Many tries: columns of tries, each with its lowest-to-highest band, its average on
    the line, and a foot coloured by the share of tries that reached the flag."""
    bins = max(1, plot.width // 3)
    edges = np.linspace(0, len(data.values), bins + 1).astype(np.int64)
    width = plot.width / bins
    line = []
    for index in range(bins):
        start, end = int(edges[index]), int(edges[index + 1])
        if end <= start:
            continue
        chunk = data.values[start:end]
        x = plot.left + (index + 0.5) * width
        low, high = y_of(float(chunk.min())), y_of(float(chunk.max()))
        pygame.draw.line(
            surface, theme.lighter(ink, 0.75), (x, high), (x, low), max(1, round(width))
        )
        line.append((x, y_of(float(chunk.mean()))))
        share = float(data.success[start:end].mean())
        foot = _mix(theme.DANGER, theme.SUCCESS, share)
        pygame.draw.line(
            surface, foot, (x, plot.bottom - 4), (x, plot.bottom - 1), max(1, round(width))
        )
    if len(line) > 1:
        pygame.draw.lines(surface, ink, False, line, 3)


def _mix(a: theme.Rgb, b: theme.Rgb, share: float) -> theme.Rgb:
    return (
        round(a[0] + (b[0] - a[0]) * share),
        round(a[1] + (b[1] - a[1]) * share),
        round(a[2] + (b[2] - a[2]) * share),
    )
