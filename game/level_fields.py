"""The keys of a level file, declared once.

The validator checks each key with its kind, and `schema/level.schema.json` (for trainers'
editors) is generated from the same kinds, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from blocks.catalogue import ACTIONS, BLOCKS, SENSORS
from blocks.problems import Problems
from blocks.yaml_nodes import YNode
from game.world.rules import GOALS

LANGUAGES = ("fr", "ar", "en", "zgh")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MAX_STEPS_LIMIT = 1_000_000
DEFAULT_MAX_STEPS = 1000

Schema = dict[str, Any]


class Kind:
    """A kind of value: it checks a located node and describes itself as JSON Schema."""

    def schema(self) -> Schema:
        raise NotImplementedError

    def ok(self, node: YNode) -> bool:
        raise NotImplementedError

    def expect(self) -> tuple[str, dict[str, object]]:
        """The message code and parameters that say what this kind expects."""
        raise NotImplementedError

    def check(self, key: str, node: YNode, found: Problems) -> bool:
        if self.ok(node):
            return True
        code, params = self.expect()
        found.add(node.line, node.column, code, key=key, **params)
        return False


@dataclass(frozen=True)
class Const(Kind):
    value: int

    def schema(self) -> Schema:
        return {"const": self.value}

    def ok(self, node: YNode) -> bool:
        return node.is_int() and node.value == self.value

    def expect(self) -> tuple[str, dict[str, object]]:
        return "field.const", {"value": self.value}


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int = 1
    maximum: int | None = None

    def schema(self) -> Schema:
        out: Schema = {"type": "integer", "minimum": self.minimum}
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out

    def ok(self, node: YNode) -> bool:
        if not node.is_int():
            return False
        value = node.int_value()
        return value >= self.minimum and (self.maximum is None or value <= self.maximum)

    def expect(self) -> tuple[str, dict[str, object]]:
        if self.maximum is None:
            return "field.int_min", {"min": self.minimum}
        return "field.int_range", {"min": self.minimum, "max": self.maximum}


@dataclass(frozen=True)
class Word(Kind):
    pattern: str | None = None
    choices: tuple[str, ...] = ()

    def schema(self) -> Schema:
        if self.choices:
            return {"enum": list(self.choices)}
        out: Schema = {"type": "string"}
        if self.pattern:
            out["pattern"] = self.pattern
        return out

    def ok(self, node: YNode) -> bool:
        if not node.is_str():
            return False
        value = str(node.value)
        if self.choices:
            return value in self.choices
        # fullmatch: with re.match, `$` would also accept a trailing newline ("loops-03\n").
        return self.pattern is None or re.fullmatch(self.pattern, value) is not None

    def expect(self) -> tuple[str, dict[str, object]]:
        if self.choices:
            return "field.choice", {"choices": ", ".join(self.choices)}
        if self.pattern == ID_PATTERN:
            return "field.id", {}
        return "field.text_plain", {}


@dataclass(frozen=True)
class Text(Kind):
    """A plain string, or a mapping from language code to string with at least one known code."""

    def schema(self) -> Schema:
        langs = {lang: {"type": "string"} for lang in LANGUAGES}
        return {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": langs,
                    "additionalProperties": {"type": "string"},
                    "anyOf": [{"required": [lang]} for lang in LANGUAGES],
                },
            ]
        }

    def ok(self, node: YNode) -> bool:
        if node.is_str():
            return True
        if not isinstance(node.value, dict):
            return False
        values = node.value.values()
        return any(lang in node.value for lang in LANGUAGES) and all(v.is_str() for v in values)

    def expect(self) -> tuple[str, dict[str, object]]:
        return "field.text", {"langs": ", ".join(LANGUAGES)}


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    non_empty: bool = False
    size: int | None = None

    def schema(self) -> Schema:
        out: Schema = {"type": "array", "items": self.item.schema()}
        if self.non_empty:
            out["minItems"] = 1
        if self.size is not None:
            out["minItems"] = out["maxItems"] = self.size
        return out

    def ok(self, node: YNode) -> bool:
        if not isinstance(node.value, list):
            return False
        if self.non_empty and not node.value:
            return False
        return self.size is None or len(node.value) == self.size

    def check(self, key: str, node: YNode, found: Problems) -> bool:
        if not super().check(key, node, found):
            return False
        results = [self.item.check(key, item, found) for item in node.as_list()]
        return all(results)

    def expect(self) -> tuple[str, dict[str, object]]:
        if self.size is not None:
            return "field.list_size", {"size": self.size}
        return ("field.list_non_empty" if self.non_empty else "field.list"), {}


@dataclass(frozen=True)
class Statements(Kind):
    """A program in the YAML form; deep checks are the program parser's."""

    def schema(self) -> Schema:
        return {"$ref": "#/$defs/statements"}

    def ok(self, node: YNode) -> bool:
        return isinstance(node.value, list)

    def expect(self) -> tuple[str, dict[str, object]]:
        return "program.not_list", {}


@dataclass(frozen=True)
class Setting:
    """One named number of a `Settings` mapping, with its default and its bounds."""

    name: str
    default: float
    minimum: float
    maximum: float
    help_en: str
    help_fr: str
    integer: bool = False

    def schema(self) -> Schema:
        return {
            "type": "integer" if self.integer else "number",
            "minimum": self.minimum,
            "maximum": self.maximum,
            "default": self.default,
            "description": f"{self.help_en}\n\n{self.help_fr}",
        }

    def ok(self, node: YNode) -> bool:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.integer and not node.is_int():
            return False
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class Settings(Kind):
    """A mapping of named numbers (each optional, each with a default), like the `ai` key."""

    entries: tuple[Setting, ...]

    def schema(self) -> Schema:
        return {
            "type": "object",
            "properties": {entry.name: entry.schema() for entry in self.entries},
            "additionalProperties": False,
        }

    def ok(self, node: YNode) -> bool:
        return isinstance(node.value, dict)

    def expect(self) -> tuple[str, dict[str, object]]:
        return "field.settings", {"names": self.names()}

    def names(self) -> str:
        return ", ".join(entry.name for entry in self.entries)

    def check(self, key: str, node: YNode, found: Problems) -> bool:
        if not super().check(key, node, found):
            return False
        by_name = {entry.name: entry for entry in self.entries}
        good = True
        for name, value in node.as_map().items():
            entry = by_name.get(name)
            if entry is None:
                line, column = node.keys[name].line, node.keys[name].column
                found.add(
                    line, column, "field.setting_unknown", key=key, name=name, names=self.names()
                )
                good = False
            elif not entry.ok(value):
                code = "field.setting_int" if entry.integer else "field.setting_number"
                found.add(
                    value.line,
                    value.column,
                    code,
                    name=name,
                    min=_number(entry.minimum),
                    max=_number(entry.maximum),
                )
                good = False
        return good


def _number(value: float) -> str:
    """A bound as a trainer would write it: 5, not 5.0."""
    return str(int(value)) if float(value).is_integer() else str(value)


AI_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "flag",
        10.0,
        -1000,
        1000,
        "Reward for meeting the level's goals (reaching the flag, collecting every gem...).",
        "Récompense quand les objectifs du niveau sont atteints (drapeau, toutes les gemmes...).",
    ),
    Setting(
        "gem",
        1.0,
        -1000,
        1000,
        "Reward for each gem picked up.",
        "Récompense pour chaque gemme ramassée.",
    ),
    Setting(
        "step",
        -0.1,
        -1000,
        1000,
        "Reward for every action (negative: a cost that makes short routes better).",
        "Récompense à chaque action (négative : un coût qui rend les chemins courts meilleurs).",
    ),
    Setting(
        "crash",
        -5.0,
        -1000,
        1000,
        "Reward when the robot bumps into a wall or a stuck crate (the try ends).",
        "Récompense quand le robot se cogne dans un mur ou une caisse bloquée (l'essai s'arrête).",
    ),
    Setting(
        "fall",
        -10.0,
        -1000,
        1000,
        "Reward when the robot falls into water (the try ends).",
        "Récompense quand le robot tombe dans l'eau (l'essai s'arrête).",
    ),
    Setting(
        "no_gem",
        -5.0,
        -1000,
        1000,
        "Reward for picking up where there is no gem (the try ends).",
        "Récompense quand le robot ramasse là où il n'y a pas de gemme (l'essai s'arrête).",
    ),
    Setting(
        "episodes",
        300,
        1,
        100_000,
        "How many tries the robot makes when it trains on this level.",
        "Le nombre d'essais du robot quand il s'entraîne sur ce niveau.",
        integer=True,
    ),
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    help_en: str
    help_fr: str
    default: object = field(default=None)

    def described(self) -> Schema:
        out = dict(self.kind.schema())
        out["description"] = f"{self.help_en}\n\n{self.help_fr}"
        if self.default is not None:
            out["default"] = self.default
        return out


LEVEL_FIELDS: tuple[Field, ...] = (
    Field(
        "format",
        Const(1),
        True,
        "Level format version: always 1.",
        "Version du format : toujours 1.",
    ),
    Field(
        "id",
        Word(pattern=ID_PATTERN),
        True,
        "Short name, lowercase letters, digits and dashes, unique in its pack.",
        "Nom court : minuscules, chiffres et tirets, unique dans le paquet.",
    ),
    Field("title", Text(), True, "The level's title.", "Le titre du niveau."),
    Field("intro", Text(), False, "Shown before play.", "Affiché avant de jouer."),
    Field(
        "world",
        Word(choices=("grid",)),
        False,
        "The kind of world; only `grid` for now.",
        "Le type de monde ; seulement `grid` pour l'instant.",
        "grid",
    ),
    Field(
        "map",
        Word(),
        True,
        "The grid, one line per row: # . ~ > < ^ v F * B o r g b y",
        "La grille, une ligne par rangée : # . ~ > < ^ v F * B o r g b y",
    ),
    Field(
        "variants",
        ListOf(Word(), non_empty=True),
        False,
        "More maps of the same puzzle: one program must solve the map and every variant.",
        "D'autres cartes du même puzzle : un seul programme doit résoudre la carte et chaque variante.",
    ),
    Field(
        "goals",
        ListOf(Word(choices=GOALS), non_empty=True),
        True,
        "What the robot must do: reach_goal, collect_gems, crates_on_targets.",
        "Ce que le robot doit faire : reach_goal, collect_gems, crates_on_targets.",
    ),
    Field(
        "blocks",
        ListOf(Word(choices=tuple(spec.name for spec in BLOCKS)), non_empty=True),
        True,
        "The palette: the blocks a child may use here.",
        "La palette : les blocs que l'enfant peut utiliser ici.",
    ),
    Field(
        "max_blocks",
        Integer(1),
        False,
        "A program with more blocks is refused.",
        "Un programme avec plus de blocs est refusé.",
    ),
    Field(
        "stars",
        ListOf(Integer(1), size=2),
        False,
        "[a, b]: 3 stars with at most a blocks, 2 with at most b, else 1.",
        "[a, b] : 3 étoiles avec au plus a blocs, 2 avec au plus b, sinon 1.",
    ),
    Field(
        "max_steps",
        Integer(1, MAX_STEPS_LIMIT),
        False,
        "The most actions one run may perform.",
        "Le nombre maximal d'actions d'une exécution.",
        DEFAULT_MAX_STEPS,
    ),
    Field(
        "hints", ListOf(Text()), False, "Hints, shown one at a time.", "Des indices, un à la fois."
    ),
    Field(
        "ai",
        Settings(AI_SETTINGS),
        False,
        "Settings for the learning robot: rewards and number of tries (docs/ai.md).",
        "Réglages du robot qui apprend : récompenses et nombre d'essais (docs/ai.md).",
    ),
    Field(
        "solution",
        Statements(),
        False,
        "A reference program; the validator checks that it succeeds.",
        "Un programme de référence ; le validateur vérifie qu'il réussit.",
    ),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in LEVEL_FIELDS}


def statements_schema() -> Schema:
    """JSON Schema of a program's statement list (programs.md), for editor completion."""
    cond = {"enum": [s.name for s in SENSORS] + [f"not {s.name}" for s in SENSORS]}
    body = {"$ref": "#/$defs/statements"}
    name = {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}
    shapes: list[Schema] = [
        {"enum": list(ACTIONS)},
        _statement(
            {"repeat": {"type": "integer", "minimum": 1, "maximum": 99}, "do": body}, "repeat"
        ),
        _statement({"while": cond, "do": body}, "while"),
        _statement({"until": cond, "do": body}, "until"),
        _statement({"if": cond, "do": body, "else": body}, "if"),
        _statement({"define": name, "do": body}, "define"),
        _statement({"call": name}, "call"),
    ]
    return {"type": "array", "items": {"anyOf": shapes}}


def _statement(properties: Schema, head: str) -> Schema:
    required = [head] if head == "call" else [head, "do"]
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def level_schema() -> Schema:
    """The JSON Schema trainers' editors read (`# yaml-language-server: $schema=...`)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RoboBlocs level (format 1)",
        "type": "object",
        "properties": {f.name: f.described() for f in LEVEL_FIELDS},
        "required": [f.name for f in LEVEL_FIELDS if f.required],
        "additionalProperties": False,
        "$defs": {"statements": statements_schema()},
    }


PACK_FIELDS: tuple[Field, ...] = (
    Field(
        "format",
        Const(1),
        True,
        "Pack format version: always 1.",
        "Version du format : toujours 1.",
    ),
    Field(
        "id", Word(pattern=ID_PATTERN), True, "The pack's short name.", "Le nom court du paquet."
    ),
    Field("title", Text(), True, "The pack's title.", "Le titre du paquet."),
    Field(
        "levels",
        ListOf(Word(), non_empty=True),
        True,
        "Level files of this folder, in play order.",
        "Les fichiers de niveaux de ce dossier, dans l'ordre de jeu.",
    ),
)
