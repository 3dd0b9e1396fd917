"""Arabic, French and English text: shaped, in the right order, wrapped in reading order."""

from __future__ import annotations

import pygame
import pytest

from game.render.fonts import font, font_for, has_glyph
from game.render.text import display_order, draw_text, runs, text_surface, text_width, wrap

# "repeat 10 times". Shaped by hand from the Unicode presentation forms: kaf initial, reh
# final, reh isolated (reh never joins to the next letter); meem initial, reh final, alef
# isolated, teh isolated. On screen, read left to right, the last word comes first.
REPEAT_10 = "كرر 10 مرات"
REPEAT_10_ON_SCREEN = "\ufe95\ufe8d\ufeae\ufee3 10 \ufead\ufeae\ufedb"
SENTENCE = "يتقدم الروبوت ثلاث خانات ثم يدور إلى اليسار ثم يجمع كل الجواهر في الطريق"


def test_arabic_is_joined_and_read_right_to_left() -> None:
    assert display_order(REPEAT_10, "ar") == REPEAT_10_ON_SCREEN


def test_digits_and_latin_words_keep_their_order_inside_arabic() -> None:
    on_screen = display_order("الروبوت Robot يمشي 12 خطوة", "ar")
    assert "Robot" in on_screen
    assert "12" in on_screen
    assert "21" not in on_screen
    # The first word (the robot) is read first, so it is drawn at the right end.
    assert on_screen.endswith(" " + display_order("الروبوت", "ar"))
    assert on_screen.index("12") < on_screen.index("Robot")


def test_brackets_and_quotes_face_the_word_inside_arabic() -> None:
    # Read right to left, the opening « and ( come first, at the right end of the word, and
    # must open towards it; drawn left to right, the line then starts with « and (.
    quoted = display_order("«كرّر»", "ar")
    assert quoted[0] == "«" and quoted[-1] == "»"
    bracketed = display_order("(مثال)", "ar")
    assert bracketed[0] == "(" and bracketed[-1] == ")"


def test_a_file_location_reads_left_to_right_inside_arabic() -> None:
    on_screen = display_order("levels/my-pack/maze.yaml:3:14: الخريطة فارغة", "ar")
    # Read right to left, the location comes first: drawn at the right end, intact.
    assert on_screen.endswith("levels/my-pack/maze.yaml:3:14:")
    assert "\u202a" not in on_screen and "\u202c" not in on_screen


def test_harakat_are_kept() -> None:
    assert "\u064e" in display_order("عَلَّمَ", "ar")  # fatha
    assert "\u0651" in display_order("عَلَّمَ", "ar")  # shadda


def test_latin_text_is_left_alone() -> None:
    assert display_order("Répète 10 fois", "fr") == "Répète 10 fois"


def test_drawn_pixels_are_the_shaped_line_left_to_right() -> None:
    drawn = text_surface(REPEAT_10, 32, (0, 0, 0), "ar")
    direct = font("arabic", 32).render(REPEAT_10_ON_SCREEN, True, (0, 0, 0))
    assert drawn.get_size() == direct.get_size()
    assert pygame.image.tobytes(drawn, "RGBA") == pygame.image.tobytes(direct, "RGBA")
    # pygame's own right-to-left mode would have drawn the digits as "01": not what we drew.
    wrong = font("arabic", 32).render(REPEAT_10_ON_SCREEN.replace("10", "01"), True, (0, 0, 0))
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(wrong, "RGBA")


def test_each_script_goes_to_a_font_that_has_it() -> None:
    assert not has_glyph("arabic", "a")
    assert not has_glyph("latin", "ب")
    assert not has_glyph("tifinagh", "1")
    assert has_glyph("wide", "ⵣ")
    parts = runs(display_order("الروبوت Robot", "ar"))
    roles = {chars.strip(): role for role, chars in parts if chars.strip()}
    assert roles["Robot"] == "latin"
    assert [role for role, _ in parts].count("arabic") == 1
    assert font_for("1", "tifinagh") != "tifinagh"  # digits after Tifinagh are not boxes


def test_wrapping_keeps_reading_order_and_width() -> None:
    lines = wrap(SENTENCE, 24, 260, "ar")
    assert len(lines) >= 3
    assert " ".join(lines) == SENTENCE  # nothing lost, nothing reordered
    assert lines[0].startswith("يتقدم")  # the sentence starts on the first line
    assert all(text_width(line, 24, "ar") <= 260 for line in lines)


def test_wrapping_keeps_paragraphs_and_cuts_a_word_too_long_to_fit() -> None:
    assert wrap("un deux\ntrois", 24, 600, "fr") == ["un deux", "trois"]
    pieces = wrap("Abracadabrantesque", 24, 80, "fr")
    assert len(pieces) > 1
    assert "".join(pieces) == "Abracadabrantesque"
    assert all(text_width(piece, 24, "fr") <= 80 for piece in pieces)


@pytest.mark.parametrize(
    ("lang", "align", "edge"),
    [
        ("fr", "start", "left"),
        ("ar", "start", "right"),
        ("ar", "end", "left"),
        ("en", "center", "centerx"),
    ],
)
def test_alignment_follows_the_language(lang: str, align: str, edge: str) -> None:
    surface = pygame.Surface((400, 60))
    covered = draw_text(surface, "Jouer", (200, 10), 24, (0, 0, 0), lang, align)  # type: ignore[arg-type]
    assert getattr(covered, edge) == 200


def test_rendered_text_is_cached() -> None:
    first = text_surface("Bravo !", 24, (1, 2, 3), "fr")
    assert text_surface("Bravo !", 24, (1, 2, 3), "fr") is first
    assert text_surface("Bravo !", 24, (1, 2, 4), "fr") is not first
