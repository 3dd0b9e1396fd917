"""Sound effects: synthesised, silent when muted, harmless without an audio device."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.ui import sound as sound_module
from game.ui.sound import NAMES, RATE, VOLUME, Sound, synthesise

CONTRACT_EFFECTS = {
    "click",
    "pick",
    "drop",
    "delete",
    "step",
    "turn",
    "gem",
    "bump",
    "splash",
    "push",
    "win",
    "fail",
}


@pytest.fixture(autouse=True)
def fresh_mixer() -> None:
    pygame.mixer.quit()


def test_every_effect_is_short_gentle_and_not_silent() -> None:
    assert set(NAMES) >= CONTRACT_EFFECTS
    for name in NAMES:
        samples = synthesise(name)
        assert samples.dtype == np.int16
        assert 0.02 <= samples.size / RATE <= 1.0, name
        peak = int(np.abs(samples.astype(np.int32)).max())
        assert 0.9 * VOLUME * 32767 <= peak <= VOLUME * 32767 + 1, name
        # No click at the end: the envelope fades to (almost) nothing.
        assert abs(int(samples[-1])) < 0.02 * 32767, name


def test_playing_with_the_dummy_audio_device() -> None:
    sound = Sound()
    assert sound.available
    sound.play("win")
    assert pygame.mixer.get_busy()


def test_muted_sound_plays_nothing() -> None:
    sound = Sound(muted=True)
    sound.play("win")
    assert not pygame.mixer.get_busy()
    sound.muted = False
    sound.play("win")
    assert pygame.mixer.get_busy()


def test_no_audio_device_means_silence_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(sound_module.pygame.mixer, "init", no_device)
    sound = Sound()
    assert not sound.available
    sound.play("win")
    sound.play("no-such-effect")


def test_unknown_effect_is_silent() -> None:
    sound = Sound()
    sound.play("no-such-effect")
    assert not pygame.mixer.get_busy()
