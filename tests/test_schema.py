"""The JSON Schema trainers' editors read agrees with the level fields and the validator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
import yaml

from game.levels import parse_level
from tests.test_fuzz_levels import SEED
from tests.test_levels import BASE, SPEC_LEVEL

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p for p in (ROOT / "levels").rglob("*.yaml") if p.name != "pack.yaml")


def make_schema() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_schema", ROOT / "tools" / "make_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = yaml.safe_load((ROOT / "schema" / "level.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data(text: str) -> Any:
    return yaml.safe_load(text)


def readme_level() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    return "\n".join(line.removeprefix("   ") for line in block.splitlines()) + "\n"


def test_the_committed_schema_is_the_one_the_fields_generate() -> None:
    committed = (ROOT / "schema" / "level.schema.json").read_text(encoding="utf-8")
    assert committed == make_schema().schema_text(), "run: python tools/make_schema.py"


@pytest.mark.parametrize(
    "text",
    [SPEC_LEVEL, BASE, SEED, readme_level()],
    ids=["spec-example", "small", "full", "readme"],
)
def test_good_levels_pass_the_schema_and_the_validator(
    validator: jsonschema.Draft202012Validator, text: str
) -> None:
    assert parse_level(text).ok
    validator.validate(data(text))


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_level_passes_the_schema(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    validator.validate(data(path.read_text(encoding="utf-8")))


BAD = [
    ("format: 1\n", "format: 2\n"),
    ("id: small", "id: Small"),
    ("title: Small", "title: {de: Klein}"),
    ("title: Small", "title: {fr: 3}"),
    ("goals: [reach_goal]", "goals: []"),
    ("goals: [reach_goal]", "goals: [dance]"),
    ("blocks: [forward]", "blocks: [jump]"),
    ("blocks: [forward]", "blocks: forward"),
    ("map: |\n  #####\n  #>.F#\n  #####\n", "map: [a]\n"),
    ("id: small\n", ""),
    ("\nblocks", "\nworld: arena\nblocks"),
    ("\nblocks", "\nmax_steps: 0\nblocks"),
    ("\nblocks", "\nmax_steps: 1000001\nblocks"),
    ("\nblocks", "\nmax_steps: true\nblocks"),
    ("\nblocks", "\nmax_blocks: 0\nblocks"),
    ("\nblocks", "\nstars: [1, 2, 3]\nblocks"),
    ("\nblocks", "\nstars: [0, 2]\nblocks"),
    ("\nblocks", "\nhints: [3]\nblocks"),
    ("\nblocks", "\nvariants: []\nblocks"),
    ("\nblocks", "\ncolour: red\nblocks"),
    ("\nblocks", "\nsolution: [jump]\nblocks"),
    ("\nblocks", "\nsolution: [{repeat: 100, do: []}]\nblocks"),
    ("\nblocks", "\nsolution: [{repeat: 2}]\nblocks"),
    ("\nblocks", "\nsolution: [{while: fly, do: []}]\nblocks"),
    ("\nblocks", "\nsolution: [{if: gem_here, do: [], times: 2}]\nblocks"),
    ("\nblocks", "\nsolution: [{define: Big, do: []}]\nblocks"),
]


@pytest.mark.parametrize(("old", "new"), BAD)
def test_bad_levels_fail_the_schema_and_the_validator(
    validator: jsonschema.Draft202012Validator, old: str, new: str
) -> None:
    assert old in BASE
    text = BASE.replace(old, new, 1)
    assert not parse_level(text).ok
    assert list(validator.iter_errors(data(text)))
