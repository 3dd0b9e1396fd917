"""The YAML form of programs (programs.md): located nodes to `Program` and back.

Every problem is collected with its line and column; nothing of a malformed program runs.
"""

from __future__ import annotations

import re

import yaml

from blocks.catalogue import (
    ACTIONS,
    REPEAT_MAX,
    REPEAT_MIN,
    RESERVED_FUNCTION_NAMES,
    SENSOR_NAMES,
)
from blocks.problems import InvalidInput, Problems
from blocks.program import (
    Action,
    Call,
    Cond,
    Define,
    If,
    Program,
    Repeat,
    Statement,
    Until,
    While,
)
from blocks.yaml_nodes import YNode, decode, load

FUNCTION_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
MAX_NESTING = 40
_HEADS = ("repeat", "while", "until", "if", "define", "call")
_ALLOWED_KEYS = {
    "repeat": {"repeat", "do"},
    "while": {"while", "do"},
    "until": {"until", "do"},
    "if": {"if", "do", "else"},
    "define": {"define", "do"},
    "call": {"call"},
}
_TOP_KEYS = {"format", "level", "program"}


def load_program(data: bytes | str) -> Program:
    """A program file's text (YAML form) to a Program, or InvalidInput with every problem."""
    text = decode(data) if isinstance(data, bytes) else data
    root = load(text)
    found = Problems()
    if root is None:
        found.add(1, 1, "program.empty")
        raise InvalidInput(found.items)
    program = program_from_node(root, found)
    if found or program is None:
        raise InvalidInput(found.items)
    return program


def program_from_node(root: YNode, found: Problems) -> Program | None:
    """A whole program: a bare list of statements, or a mapping with `program:`."""
    level = None
    body = root
    if isinstance(root.value, dict):
        for key, key_node in root.keys.items():
            if key not in _TOP_KEYS:
                found.add(key_node.line, key_node.column, "program.unknown_key", key=key)
        fmt = root.value.get("format")
        if fmt is not None and not (fmt.is_int() and fmt.value == 1):
            found.add(fmt.line, fmt.column, "program.bad_format")
        level_node = root.value.get("level")
        if level_node is not None:
            if level_node.is_str():
                level = str(level_node.value)
            else:
                found.add(level_node.line, level_node.column, "program.bad_level")
        if "program" not in root.value:
            found.add(root.line, root.column, "program.missing")
            return None
        body = root.value["program"]
    return statements_program(body, found, level)


def statements_program(body: YNode, found: Problems, level: str | None = None) -> Program | None:
    """A list of statements (a program's body, or a level's `solution`) to a Program."""
    before = len(found.errors)
    if body.value is None:
        statements: tuple[Statement, ...] = ()
    elif not isinstance(body.value, list):
        found.add(body.line, body.column, "program.not_list")
        return None
    else:
        reader = _Reader(found)
        statements = reader.body(body, depth=1, top=True)
        reader.check_calls()
    if len(found.errors) > before:
        return None
    return Program(statements, level)


class _Reader:
    """Walks statement nodes, remembering definitions and calls to check them at the end."""

    def __init__(self, found: Problems) -> None:
        self.found = found
        self.defined: dict[str, YNode] = {}
        self.calls: list[YNode] = []

    def body(self, node: YNode, depth: int, top: bool = False) -> tuple[Statement, ...]:
        if depth > MAX_NESTING:
            self.found.add(node.line, node.column, "program.too_deep", max=MAX_NESTING)
            return ()
        if node.value is None:
            return ()
        if not isinstance(node.value, list):
            self.found.add(node.line, node.column, "program.body_not_list")
            return ()
        parsed = (self.statement(item, depth, top) for item in node.value)
        return tuple(stmt for stmt in parsed if stmt is not None)

    def statement(self, node: YNode, depth: int, top: bool) -> Statement | None:
        if isinstance(node.value, str):
            if node.value in ACTIONS:
                return Action(node.value)
            self.found.add(node.line, node.column, "stmt.unknown", name=node.value)
            return None
        if not isinstance(node.value, dict):
            self.found.add(node.line, node.column, "stmt.bad_shape")
            return None
        heads = [key for key in _HEADS if key in node.value]
        if len(heads) != 1:
            code = "stmt.no_head" if not heads else "stmt.two_heads"
            self.found.add(node.line, node.column, code, keys=", ".join(node.value))
            return None
        head = heads[0]
        for key, key_node in node.keys.items():
            if key not in _ALLOWED_KEYS[head]:
                self.found.add(
                    key_node.line, key_node.column, "stmt.unknown_key", key=key, block=head
                )
        if head != "call" and "do" not in node.value:
            self.found.add(node.line, node.column, "stmt.missing_do", block=head)
        return self._compound(head, node, depth, top)

    def _compound(self, head: str, node: YNode, depth: int, top: bool) -> Statement | None:
        entries = node.as_map()
        field = entries[head]
        do = self.body(entries.get("do", YNode(None, node.line, node.column)), depth + 1)
        match head:
            case "repeat":
                count = self._count(field)
                return None if count is None else Repeat(count, do)
            case "while" | "until":
                cond = self.condition(field)
                if cond is None:
                    return None
                return While(cond, do) if head == "while" else Until(cond, do)
            case "if":
                cond = self.condition(field)
                orelse_node = entries.get("else")
                orelse = None if orelse_node is None else self.body(orelse_node, depth + 1)
                return None if cond is None else If(cond, do, orelse)
            case "define":
                return self._define(field, do, top)
            case _:
                return self._call(field)

    def _count(self, field: YNode) -> int | None:
        if field.is_int() and REPEAT_MIN <= field.int_value() <= REPEAT_MAX:
            return field.int_value()
        self.found.add(field.line, field.column, "repeat.bad_count", value=field.value)
        return None

    def condition(self, field: YNode) -> Cond | None:
        cond = parse_condition(field.value)
        if cond is None:
            self.found.add(field.line, field.column, "cond.bad", value=field.value)
        return cond

    def _define(self, field: YNode, do: tuple[Statement, ...], top: bool) -> Statement | None:
        name = field.value
        if not top:
            self.found.add(field.line, field.column, "define.not_top")
        if not isinstance(name, str) or not FUNCTION_NAME.match(name):
            self.found.add(field.line, field.column, "define.bad_name", name=name)
            return None
        if name in RESERVED_FUNCTION_NAMES:
            self.found.add(field.line, field.column, "define.reserved", name=name)
            return None
        if name in self.defined:
            first = self.defined[name]
            self.found.add(field.line, field.column, "define.twice", name=name, first=first.line)
            return None
        self.defined[name] = field
        return Define(name, do)

    def _call(self, field: YNode) -> Statement | None:
        if not isinstance(field.value, str) or not FUNCTION_NAME.match(field.value):
            self.found.add(field.line, field.column, "call.bad_name", name=field.value)
            return None
        self.calls.append(field)
        return Call(field.value)

    def check_calls(self) -> None:
        for call in self.calls:
            if call.value not in self.defined:
                self.found.add(call.line, call.column, "call.unknown", name=call.value)


def parse_condition(value: object) -> Cond | None:
    """`path_ahead` or `not path_ahead` (any spacing after `not`); None if neither."""
    if not isinstance(value, str):
        return None
    words = value.split()
    if len(words) == 1 and words[0] in SENSOR_NAMES:
        return Cond(words[0])
    if len(words) == 2 and words[0] == "not" and words[1] in SENSOR_NAMES:
        return Cond(words[1], negated=True)
    return None


def to_data(statements: tuple[Statement, ...]) -> list[object]:
    """The YAML form as plain lists, dicts and strings (also the JSON of `solve --blocks`)."""
    return [_statement_data(stmt) for stmt in statements]


def _statement_data(stmt: Statement) -> object:
    match stmt:
        case Action(name=name):
            return name
        case Repeat(count=count, body=body):
            return {"repeat": count, "do": to_data(body)}
        case While(cond=cond, body=body):
            return {"while": cond.text(), "do": to_data(body)}
        case Until(cond=cond, body=body):
            return {"until": cond.text(), "do": to_data(body)}
        case If(cond=cond, body=body, orelse=orelse):
            data: dict[str, object] = {"if": cond.text(), "do": to_data(body)}
            if orelse is not None:
                data["else"] = to_data(orelse)
            return data
        case Define(name=name, body=body):
            return {"define": name, "do": to_data(body)}
        case Call(name=name):
            return {"call": name}


def dump_program(program: Program) -> str:
    """A program as a YAML file (`format: 1`, optional `level`, `program:`)."""
    data: dict[str, object] = {"format": 1}
    if program.level is not None:
        data["level"] = program.level
    data["program"] = to_data(program.statements)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
