"""Untrusted YAML into a tree of located values.

Trainers' and children's files are untrusted: aliases are refused (an alias bomb loads fast
and explodes whatever walks it), files are capped in size and nesting, the pure-Python
loader is used (the C one crashed on deep nesting), duplicate keys are reported, and every
value keeps its 1-based line and column for `FILE:LINE:COLUMN` messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from blocks.problems import InvalidInput, Problem, Problems, problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 100


@dataclass(slots=True)
class YNode:
    """A YAML value with its place in the file.

    `value` is a scalar (str, int, float, bool, None), a list of YNode, or a dict of YNode.
    For mappings, `keys` holds each key's own position. `block_indent` is set for block
    scalars (`|`), whose text starts on the line after the node's mark.
    """

    value: object
    line: int
    column: int
    keys: dict[str, YNode] = field(default_factory=dict)
    block_indent: int | None = None

    def is_str(self) -> bool:
        return isinstance(self.value, str)

    def is_int(self) -> bool:
        return isinstance(self.value, int) and not isinstance(self.value, bool)

    def int_value(self) -> int:
        """The integer of a node for which `is_int()` holds."""
        assert isinstance(self.value, int)
        return self.value

    def as_map(self) -> dict[str, YNode]:
        """The entries of a mapping node (empty for any other node)."""
        return self.value if isinstance(self.value, dict) else {}

    def as_list(self) -> list[YNode]:
        """The items of a sequence node (empty for any other node)."""
        return self.value if isinstance(self.value, list) else []


class _Refused(Exception):
    def __init__(self, found: Problem) -> None:
        super().__init__(found.code)
        self.problem = found


class _GuardedLoader(Reader, Scanner, Parser, Composer, Resolver):
    """PyYAML's pure-Python pipeline with aliases refused and nesting capped."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(problem(mark.line + 1, mark.column + 1, "yaml.alias"))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(problem(mark.line + 1, mark.column + 1, "yaml.too_deep", max=MAX_DEPTH))
        try:
            node: Node | None = super().compose_node(parent, index)
            return node
        finally:
            self._depth -= 1


def decode(data: bytes) -> str:
    """Bytes to text, refusing oversized and non-UTF-8 files with a located problem."""
    if len(data) > MAX_BYTES:
        raise InvalidInput([problem(1, 1, "file.too_big", size=len(data), max=MAX_BYTES)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise InvalidInput([problem(line, column, "file.not_utf8")]) from None


def load(text: str) -> YNode | None:
    """Parse one YAML document into located values; None for an empty document."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InvalidInput([problem(1, 1, "file.too_big", size=len(text), max=MAX_BYTES)])
    loader = _GuardedLoader(text)
    try:
        root = loader.get_single_node()
    except _Refused as refused:
        raise InvalidInput([refused.problem]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InvalidInput(
            [problem(line, column, "yaml.syntax", detail=err.problem or "")]
        ) from None
    except yaml.YAMLError as err:
        raise InvalidInput([problem(1, 1, "yaml.syntax", detail=str(err))]) from None
    finally:
        loader.dispose()
    if root is None:
        return None
    found = Problems()
    tree = _convert(root, found, SafeConstructor())
    if found:
        raise InvalidInput(found.items)
    return tree


def _convert(node: Node, found: Problems, scalars: SafeConstructor) -> YNode:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, ScalarNode):
        value = _scalar(node, scalars)
        indent = None
        if node.style in ("|", ">"):
            indent = _block_indent(node)
        return YNode(value, line, column, block_indent=indent)
    if isinstance(node, SequenceNode):
        return YNode([_convert(item, found, scalars) for item in node.value], line, column)
    assert isinstance(node, MappingNode)
    values: dict[str, YNode] = {}
    keys: dict[str, YNode] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, found, scalars)
        if not isinstance(key.value, str):
            found.add(key.line, key.column, "yaml.key_not_text", key=key.value)
            continue
        if key.value in values:
            first = keys[key.value]
            found.add(key.line, key.column, "yaml.duplicate_key", key=key.value, first=first.line)
            continue
        keys[key.value] = key
        values[key.value] = _convert(value_node, found, scalars)
    return YNode(values, line, column, keys=keys)


def _scalar(node: ScalarNode, scalars: SafeConstructor) -> object:
    try:
        return scalars.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        return node.value


def _block_indent(node: ScalarNode) -> int:
    """Column (0-based) where the text of a block scalar starts, read from the source."""
    buffer = node.start_mark.buffer
    if buffer is None:
        return 0
    start = node.start_mark.index
    next_line = buffer.find("\n", start)
    if next_line < 0:
        return 0
    for raw in buffer[next_line + 1 :].split("\n"):
        if raw.strip():
            return len(raw) - len(raw.lstrip(" "))
    return 0
