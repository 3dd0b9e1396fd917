"""Short sound effects, synthesised with numpy at start-up instead of shipped as files.

Every effect is a few notes or a noise burst shaped by an envelope: about 2.5 seconds of
audio in all, computed in a few milliseconds. A centre PC without a sound card (or a test
run) must still play: if the mixer cannot start, `Sound` stays silent and never raises.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pygame

log = logging.getLogger("roboblocs")

RATE = 22050
Wave = npt.NDArray[np.float64]

# Gentle volumes: children often play side by side in one room.
VOLUME = 0.35


def _time(seconds: float) -> Wave:
    return np.arange(int(RATE * seconds), dtype=np.float64) / RATE


def _envelope(length: int, attack: float = 0.005, decay: float = 6.0) -> Wave:
    """A quick rise then an exponential fall, so no effect starts or stops with a click."""
    t = np.arange(length, dtype=np.float64) / RATE
    rise = np.minimum(1.0, t / max(attack, 1e-4))
    fall = np.exp(-decay * t / max(t[-1] if length else 1.0, 1e-4))
    fade = np.minimum(1.0, (length - np.arange(length)) / (RATE * 0.004))
    shaped: Wave = rise * fall * fade
    return shaped


def tone(start: float, end: float, seconds: float, decay: float = 5.0, soft: bool = True) -> Wave:
    """A sine sweeping from `start` to `end` Hz (a touch of the octave makes it brighter)."""
    t = _time(seconds)
    freq = np.linspace(start, end, t.size)
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    wave = np.sin(phase) + (0.0 if soft else 0.3) * np.sin(2 * phase)
    return wave * _envelope(t.size, decay=decay)


def noise(seconds: float, smooth: int, decay: float = 5.0, seed: int = 7) -> Wave:
    """White noise smoothed over `smooth` samples (bigger = duller, like water or a scrape)."""
    raw = np.random.default_rng(seed).uniform(-1.0, 1.0, int(RATE * seconds))
    kernel = np.ones(smooth) / smooth
    dull: Wave = np.convolve(raw, kernel, mode="same") * np.sqrt(smooth)
    return dull * _envelope(dull.size, decay=decay)


def notes(freqs: tuple[float, ...], each: float, decay: float = 4.0) -> Wave:
    return np.concatenate([tone(f, f, each, decay=decay, soft=False) for f in freqs])


def mix(*waves: Wave) -> Wave:
    out = np.zeros(max(w.size for w in waves))
    for wave in waves:
        out[: wave.size] += wave
    return out


RECIPES: dict[str, Callable[[], Wave]] = {
    "click": lambda: tone(1600, 1400, 0.03, decay=8),
    "pick": lambda: tone(600, 1100, 0.08, decay=3),
    "drop": lambda: tone(520, 300, 0.08, decay=4),
    "delete": lambda: mix(tone(420, 140, 0.16, decay=4), 0.3 * noise(0.12, 8)),
    "step": lambda: tone(240, 200, 0.06, decay=6),
    "turn": lambda: tone(420, 560, 0.08, decay=3),
    "gem": lambda: notes((1047.0, 1568.0), 0.09),
    "bump": lambda: mix(tone(130, 70, 0.14, decay=5), 0.5 * noise(0.06, 20)),
    "splash": lambda: 0.8 * noise(0.35, 12, decay=4),
    "push": lambda: 0.7 * noise(0.2, 40, decay=2),
    "win": lambda: notes((523.0, 659.0, 784.0, 1047.0), 0.12, decay=2.5),
    "fail": lambda: notes((392.0, 330.0), 0.18, decay=3),
}
NAMES: tuple[str, ...] = tuple(RECIPES)


def synthesise(name: str) -> Wave:
    """The effect as int16 samples at `RATE`, peak-normalised to `VOLUME`."""
    wave = RECIPES[name]()
    peak = float(np.max(np.abs(wave))) or 1.0
    return (wave / peak * VOLUME * 32767).astype(np.int16)


class Sound:
    """Plays named effects; `muted` silences them without unloading anything."""

    def __init__(self, muted: bool = False) -> None:
        self.muted = muted
        self._effects: dict[str, pygame.mixer.Sound] = {}
        try:
            self._effects = self._load()
        except (pygame.error, ValueError, TypeError, OSError) as err:
            log.info("sound disabled: %s", err)

    @staticmethod
    def _load() -> dict[str, pygame.mixer.Sound]:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=RATE, size=-16, channels=1, buffer=512)
        spec = pygame.mixer.get_init()
        if spec is None:
            return {}
        frequency, _format, channels = spec
        effects: dict[str, pygame.mixer.Sound] = {}
        for name in NAMES:
            samples = synthesise(name)
            if frequency != RATE:  # the device imposed another rate: resample by index
                index = np.linspace(0, samples.size - 1, int(samples.size * frequency / RATE))
                samples = samples[index.astype(np.int64)]
            if channels > 1:
                samples = np.repeat(samples[:, None], channels, axis=1)
            effects[name] = pygame.sndarray.make_sound(np.ascontiguousarray(samples))
        return effects

    @property
    def available(self) -> bool:
        """False when there is no audio device: the game is then silent."""
        return bool(self._effects)

    def play(self, name: str) -> None:
        """Play an effect now; unknown names, mute and missing audio are all silent."""
        effect = self._effects.get(name)
        if self.muted or effect is None:
            return
        try:
            effect.play()
        except pygame.error as err:
            log.info("could not play %s: %s", name, err)
