"""Frame cost of the game shell at 1280x720, as ratios against a baseline frame (clear and
flip) timed in the same process, so the figures compare across machines.

    python bench/bench_frame.py

Measured: a frame with 40 cached labels (French and Arabic) and 40 cached icons; the
first drawing of an Arabic label (shaping + font runs, before the cache); synthesising
every sound effect at start-up; one frame of the App with its first screen.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame

from game.render.icons import NAMES, icon
from game.render.text import draw_text, text_surface
from game.ui.sound import NAMES as EFFECTS
from game.ui.sound import synthesise

SIZE = (1280, 720)
LABELS = (
    "Avance",
    "Tourne à gauche",
    "Répète 10 fois",
    "كرر 10 مرات",
    "تقدم",
    "إذا كان الطريق أمامك",
)


def per_call(action: Callable[[], object], repeat: int) -> float:
    """Best of three runs of `repeat` calls, in milliseconds per call."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            action()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best * 1000


def results() -> dict[str, float]:
    """Milliseconds for each measured thing, plus the baseline frame."""
    pygame.display.init()
    screen = pygame.display.set_mode(SIZE)

    def baseline() -> None:
        screen.fill((246, 241, 231))
        pygame.display.flip()

    def labels_and_icons() -> None:
        screen.fill((246, 241, 231))
        for i in range(40):
            text = LABELS[i % len(LABELS)]
            draw_text(
                screen,
                text,
                (20 + (i % 4) * 300, 20 + (i // 4) * 60),
                24,
                (38, 42, 58),
                "ar" if i % 2 else "fr",
            )
            screen.blit(icon(NAMES[i % len(NAMES)], 40), (240 + (i % 4) * 300, 20 + (i // 4) * 60))
        pygame.display.flip()

    counter = iter(range(10**9))

    def first_arabic_label() -> None:
        text_surface(f"كرر {next(counter)} مرات حتى تصل", 24, (0, 0, 0), "ar")

    def sounds() -> None:
        for name in EFFECTS:
            synthesise(name)

    figures = {
        "baseline frame (clear + flip)": per_call(baseline, 300),
        "frame with 40 labels + 40 icons (cached)": per_call(labels_and_icons, 200),
        "first drawing of an Arabic label": per_call(first_arabic_label, 200),
        "synthesise all sound effects": per_call(sounds, 5),
    }
    pygame.display.quit()
    return figures


def main() -> int:
    figures = results()
    base = figures["baseline frame (clear + flip)"]
    for name, ms in figures.items():
        print(f"{name:45s} {ms:8.3f} ms  {ms / base:7.1f} x baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
