"""The machine's settings (language, sound, fullscreen, text size, trainer unlock).

They belong to the computer, not to a child: a centre sets them once for the room. They are
kept in the progress database as text, and a value that cannot be understood (an older or
hand-edited file) quietly becomes the default instead of stopping the game.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import DEFAULT_LANGUAGE, LANGUAGES, RTL_LANGUAGES
from game.progress import Progress

# Text sizes offered in the settings screen, smallest first: (name, scale).
TEXT_SIZES: tuple[tuple[str, float], ...] = (("small", 0.85), ("normal", 1.0), ("large", 1.25))
MIN_SCALE, MAX_SCALE = 0.7, 1.6


@dataclass
class Settings:
    lang: str = DEFAULT_LANGUAGE
    sound_on: bool = True
    fullscreen: bool = False
    text_scale: float = 1.0
    unlock_all: bool = False

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES

    @property
    def text_size(self) -> str:
        """The name of the offered size closest to `text_scale`."""
        return min(TEXT_SIZES, key=lambda size: abs(size[1] - self.text_scale))[0]


def load_settings(progress: Progress) -> Settings:
    defaults = Settings()
    lang = progress.get_setting("lang")
    return Settings(
        lang=lang if lang in LANGUAGES else defaults.lang,
        sound_on=_flag(progress.get_setting("sound_on"), defaults.sound_on),
        fullscreen=_flag(progress.get_setting("fullscreen"), defaults.fullscreen),
        text_scale=_scale(progress.get_setting("text_scale"), defaults.text_scale),
        unlock_all=_flag(progress.get_setting("unlock_all"), defaults.unlock_all),
    )


def save_settings(progress: Progress, settings: Settings) -> None:
    """Write every setting in one transaction."""
    progress.set_settings(
        {
            "lang": settings.lang,
            "sound_on": _text(settings.sound_on),
            "fullscreen": _text(settings.fullscreen),
            "text_scale": repr(float(settings.text_scale)),
            "unlock_all": _text(settings.unlock_all),
        }
    )


def _text(flag: bool) -> str:
    return "1" if flag else "0"


def _flag(value: str | None, default: bool) -> bool:
    return {"1": True, "0": False}.get(value or "", default)


def _scale(value: str | None, default: float) -> float:
    try:
        scale = float(value or "")
    except ValueError:
        return default
    return scale if MIN_SCALE <= scale <= MAX_SCALE else default
