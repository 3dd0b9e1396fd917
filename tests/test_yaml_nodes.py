"""Untrusted YAML: every refusal is a located problem, quick, and nothing else ever escapes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blocks.problems import InvalidInput, Problem
from blocks.yaml_nodes import MAX_BYTES, MAX_DEPTH, YNode, decode, load, read_text
from tests.located import where

FAST = 0.5  # seconds: far more than any refusal needs, far less than a hang

ALIAS_BOMB = """\
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
"""


def refusal(text: str | bytes) -> list[Problem]:
    """The problems of a refused text, timing the refusal."""
    start = time.perf_counter()
    with pytest.raises(InvalidInput) as caught:
        load(decode(text) if isinstance(text, bytes) else text)
    assert time.perf_counter() - start < FAST
    return caught.value.problems


def loaded(text: str) -> YNode:
    node = load(text)
    assert node is not None
    return node


# Positions -----------------------------------------------------------------------------


def test_values_and_keys_keep_their_one_based_line_and_column() -> None:
    root = loaded("format: 1\nlevels:\n  - one.yaml\n  - {id: two}\n")
    assert (root.line, root.column) == (1, 1)
    assert (root.keys["levels"].line, root.keys["levels"].column) == (2, 1)
    assert (root.as_map()["format"].line, root.as_map()["format"].column) == (1, 9)
    first, second = root.as_map()["levels"].as_list()
    assert (first.value, first.line, first.column) == ("one.yaml", 3, 5)
    assert (second.keys["id"].line, second.keys["id"].column) == (4, 6)
    assert second.as_map()["id"].value == "two"


def test_crlf_and_a_byte_order_mark_do_not_move_positions() -> None:
    plain = loaded(decode(b"a: 1\nb:\n  - x\n"))
    windows = loaded(decode(b"\xef\xbb\xbfa: 1\r\nb:\r\n  - x\r\n"))
    from_text = loaded("\ufeffa: 1\nb:\n  - x\n")
    for node in (windows, from_text):
        assert node.as_map()["a"].value == 1
        item = node.as_map()["b"].as_list()[0]
        assert (item.line, item.column) == (plain.as_map()["b"].as_list()[0].line, 5)


def test_scalars_are_typed_like_yaml_and_tags_never_run_code() -> None:
    root = loaded(
        "n: 3\nt: true\nf: 2.5\nz: ~\ns: '3'\nobj: !!python/object/apply:os.system [echo hi]\n"
        "tag: !mine value\nbin: !!binary '@@'\nhuge: 1e99999\n"
    )
    values = {key: node.value for key, node in root.as_map().items()}
    assert values["n"] == 3 and values["t"] is True and values["f"] == 2.5
    assert values["z"] is None and values["s"] == "3"
    assert values["tag"] == "value"
    # The tag is ignored: the value stays the plain list it is written as, nothing is run.
    assert [item.value for item in root.as_map()["obj"].as_list()] == ["echo hi"]
    assert root.as_map()["n"].is_int() and not root.as_map()["t"].is_int()


def test_an_empty_document_is_none_and_two_documents_are_refused() -> None:
    assert load("") is None
    assert load("# only a comment\n") is None
    assert where(refusal("a: 1\n---\nb: 2\n")) == [(2, 1, "yaml.syntax")]


# Refusals ------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_the_first_alias_in_well_under_a_second() -> None:
    assert where(refusal(ALIAS_BOMB)) == [(2, 8, "yaml.alias")]


def test_a_single_alias_is_refused_too_but_an_anchor_alone_is_harmless() -> None:
    assert where(refusal("a: &x 1\nb: *x\n")) == [(2, 4, "yaml.alias")]
    assert loaded("a: &x 1\n").as_map()["a"].value == 1


def test_a_file_over_the_size_cap_is_refused_at_once_with_its_size_in_bytes() -> None:
    problems = refusal(b"a: " + b"x" * 1_000_000)
    assert where(problems) == [(1, 1, "file.too_big")]
    assert problems[0].args == {"size": "1000003", "max": str(MAX_BYTES)}
    # The cap counts bytes, not characters: Arabic letters take two bytes each.
    arabic = "a: " + "ب" * (MAX_BYTES // 2)
    assert len(arabic) < MAX_BYTES
    assert refusal(arabic)[0].args["size"] == str(len(arabic.encode()))


def test_a_file_just_under_the_cap_is_read() -> None:
    text = "a: " + "x" * (MAX_BYTES - 10) + "\n"
    assert loaded(text).as_map()["a"].value == "x" * (MAX_BYTES - 10)


def test_reading_a_huge_file_from_disk_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB that cost nothing to write
    start = time.perf_counter()
    with pytest.raises(InvalidInput) as caught:
        read_text(big)
    assert time.perf_counter() - start < FAST
    assert where(caught.value.problems) == [(1, 1, "file.too_big")]
    assert caught.value.problems[0].args["size"] == "50000000"


def test_a_missing_file_or_a_folder_is_a_clean_problem(tmp_path: Path) -> None:
    for path in (tmp_path / "nothing.yaml", tmp_path):
        with pytest.raises(InvalidInput) as caught:
            read_text(path)
        assert where(caught.value.problems) == [(1, 1, "file.unreadable")]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2000, 30_000])
def test_deep_flow_nesting_is_refused_quickly(depth: int) -> None:
    text = "[" * depth + "]" * depth
    assert [p.code for p in refusal(text)] == ["yaml.too_deep"]


def test_deep_block_nesting_is_refused_quickly() -> None:
    mappings = "".join(" " * i + f"k{i}:\n" for i in range(300))
    lists = "".join("  " * i + "- \n" for i in range(200))
    assert [p.code for p in refusal(mappings)] == ["yaml.too_deep"]
    assert [p.code for p in refusal(lists)] == ["yaml.too_deep"]
    assert [p.code for p in refusal("- " * 2000 + "x\n")] == ["yaml.too_deep"]


def test_nesting_up_to_the_cap_is_read() -> None:
    text = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    node = loaded(text)
    for _ in range(MAX_DEPTH - 2):
        node = node.as_list()[0]
    assert node.as_list()[0].value == "x"


def test_a_duplicate_key_points_at_the_second_and_names_the_first_line() -> None:
    problems = refusal("id: a\ntitle: T\nid: b\n")
    assert where(problems) == [(3, 1, "yaml.duplicate_key")]
    assert problems[0].args == {"key": "id", "first": "1"}


def test_duplicate_keys_are_found_at_every_depth_and_all_reported() -> None:
    problems = refusal("a: {x: 1, x: 2}\nb: [{y: 1, y: 2}]\nb: 3\n")
    assert where(problems) == [
        (1, 11, "yaml.duplicate_key"),
        (2, 12, "yaml.duplicate_key"),
        (3, 1, "yaml.duplicate_key"),
    ]


def test_keys_must_be_words() -> None:
    problems = refusal("1: a\n? [x]\n: b\n")
    assert where(problems) == [(1, 1, "yaml.key_not_text"), (2, 3, "yaml.key_not_text")]
    assert problems[0].args["key"] == "1"
    assert "YNode" not in problems[1].args["key"]


def test_text_that_is_not_utf8_is_located() -> None:
    problems = refusal(b"a: 1\nb: caf\xe9\n")
    assert where(problems) == [(2, 7, "file.not_utf8")]


def test_control_characters_are_located() -> None:
    problems = refusal("a: 1\nb: x\x00y\n")
    assert where(problems) == [(2, 5, "yaml.bad_char")]
    assert problems[0].args == {"char": "U+0000"}
    assert where(refusal("a: \x07\n")) == [(1, 4, "yaml.bad_char")]
    assert where(refusal(b"\x01")) == [(1, 1, "yaml.bad_char")]


def test_syntax_errors_point_at_the_problem() -> None:
    assert where(refusal("a: 1\nb: [1, 2\n")) == [(3, 1, "yaml.syntax")]
    assert where(refusal("a:\tb\n")) == [(1, 3, "yaml.syntax")]
    detail = refusal("a: b: c\n")[0]
    assert (detail.line, detail.column, detail.code) == (1, 5, "yaml.syntax")
    assert detail.args["detail"]


# Where each character of a text is ------------------------------------------------------


def test_mark_of_a_literal_block() -> None:
    node = loaded("map: |\n  ##\n  #>\n").as_map()["map"]
    assert node.mark_of(0, 0) == (2, 3)
    assert node.mark_of(1, 1) == (3, 4)


def test_mark_of_a_literal_block_with_an_indentation_indicator() -> None:
    node = loaded("map: |1\n   ##\n   #>\n").as_map()["map"]
    assert node.value == "  ##\n  #>\n"
    assert node.mark_of(1, 3) == (3, 5)  # '>' is the 5th character of line 3


def test_mark_of_a_block_starting_with_blank_lines() -> None:
    node = loaded("map: |\n\n    ##\n").as_map()["map"]
    assert node.value == "\n##\n"
    assert node.mark_of(1, 1) == (3, 6)


def test_mark_of_one_line_scalars_plain_and_quoted() -> None:
    root = loaded("a: .>X\nb: '#''X'\nc: \"##\\n#\\tX\"\n")
    assert root.as_map()["a"].mark_of(0, 2) == (1, 6)
    assert root.as_map()["b"].mark_of(0, 2) == (2, 8)  # '' is one quote in the value
    double = root.as_map()["c"]
    assert double.value == "##\n#\tX"
    assert double.mark_of(1, 0) == (3, 9)
    assert double.mark_of(1, 2) == (3, 12)


def test_mark_of_text_spread_over_lines_points_at_the_value() -> None:
    node = loaded("map: >\n  ab\n  cd\n").as_map()["map"]
    assert node.mark_of(0, 3) == (1, 6)
    quoted = loaded('map: "ab\n  cd"\n').as_map()["map"]
    assert quoted.mark_of(0, 3) == (1, 6)


# Anything at all ------------------------------------------------------------------------

YAMLISH = st.text(alphabet="-:[]{},&*!|>'\"#?% \n\t\\ab1.~\x00é", max_size=200)


def only_clean_outcomes(text: str | bytes) -> None:
    start = time.perf_counter()
    try:
        node = load(decode(text) if isinstance(text, bytes) else text)
    except InvalidInput as err:
        assert err.problems
        assert all(p.line >= 1 and p.column >= 1 for p in err.problems)
    else:
        assert node is None or isinstance(node, YNode)
    assert time.perf_counter() - start < FAST


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_tree_or_located_problems(data: bytes) -> None:
    only_clean_outcomes(data)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(YAMLISH)
def test_random_yaml_punctuation_gives_a_tree_or_located_problems(text: str) -> None:
    only_clean_outcomes(text)
