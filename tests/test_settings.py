"""Machine settings: saved in the progress database, odd values fall back to defaults."""

from __future__ import annotations

from pathlib import Path

from game.progress import DB_NAME, Progress
from game.settings import Settings, load_settings, save_settings


def test_defaults_on_a_new_machine() -> None:
    settings = load_settings(Progress(None))
    assert settings == Settings(lang="fr", sound_on=True, fullscreen=False, text_scale=1.0)
    assert not settings.rtl and settings.text_size == "normal"


def test_settings_survive_a_restart(tmp_path: Path) -> None:
    saves = Progress(tmp_path / DB_NAME)
    chosen = Settings(lang="ar", sound_on=False, fullscreen=True, text_scale=1.25, unlock_all=True)
    save_settings(saves, chosen)
    saves.close()
    again = load_settings(Progress(tmp_path / DB_NAME))
    assert again == chosen
    assert again.rtl and again.text_size == "large"


def test_values_that_make_no_sense_become_defaults() -> None:
    saves = Progress(None)
    saves.set_settings({"lang": "xx", "sound_on": "maybe", "fullscreen": "", "text_scale": "nan"})
    assert load_settings(saves) == Settings()
    saves.set_settings({"text_scale": "40"})
    assert load_settings(saves).text_scale == 1.0
    saves.set_settings({"text_scale": "0.85"})
    assert load_settings(saves).text_size == "small"
