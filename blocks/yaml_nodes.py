"""Untrusted YAML into a tree of located values.

Trainers' and children's files are untrusted: aliases are refused (an alias bomb loads fast
and explodes whatever walks it), files are capped in size and nesting, the pure-Python
loader is used (the C one crashed on deep nesting), duplicate keys are reported, and every
value keeps its 1-based line and column for `FILE:LINE:COLUMN` messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from blocks.problems import InvalidInput, Problem, Problems, problem

# 256 KB is many times the largest level or program. The pure-Python loader reads the
# worst-shaped files at about 100 KB a second, so even those are answered in a few seconds;
# anything larger is refused before a byte of it is parsed.
MAX_BYTES = 256 * 1024
MAX_DEPTH = 100


@dataclass(slots=True)
class YNode:
    """A YAML value with its place in the file.

    `value` is a scalar (str, int, float, bool, None), a list of YNode, or a dict of YNode.
    For mappings, `keys` holds each key's own position. `block_indent` is set for literal
    block scalars (`|`), whose text starts on the line after the node's mark; `source` holds
    the text of a scalar written on one line (quotes included), so `mark_of` can find any
    character of a map, however the trainer wrote it.
    """

    value: object
    line: int
    column: int
    keys: dict[str, YNode] = field(default_factory=dict)
    block_indent: int | None = None
    source: str | None = None

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

    def mark_of(self, row: int, column: int) -> tuple[int, int]:
        """Line and column in the file of character `column` of line `row` of a text value.

        Exact for literal blocks (`|`) and for one-line scalars, plain or quoted (a map
        written `"###\\n#>F#"`); anything else points at the value itself.
        """
        if self.block_indent is not None:
            return self.line + 1 + row, self.block_indent + 1 + column
        if self.source is not None:
            offset = _source_offset(self.source, row, column)
            if offset is not None:
                return self.line, self.column + offset
        return self.line, self.column


class _Refused(Exception):
    def __init__(self, found: Problem) -> None:
        super().__init__(found.code)
        self.problem = found


class _GuardedLoader(Reader, Scanner, Parser, Composer, Resolver):
    """PyYAML's pure-Python pipeline with aliases refused and nesting capped.

    Nesting is capped twice: the scanner stops at the first bracket or indentation too many
    (it would otherwise read far ahead, which costs a second on `[[[[...`), and the
    composer counts the nodes it is inside of, which is the depth its recursion reaches.
    """

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def fetch_flow_collection_start(self, token_class: type) -> None:
        line, column = self.line + 1, self.column + 1
        super().fetch_flow_collection_start(token_class)
        self._check_scanner_depth(line, column)

    def add_indent(self, column: int) -> bool:
        added: bool = super().add_indent(column)
        self._check_scanner_depth(self.line + 1, column + 1)
        return added

    def _check_scanner_depth(self, line: int, column: int) -> None:
        if self.flow_level + len(self.indents) > MAX_DEPTH:
            raise _Refused(problem(line, column, "yaml.too_deep", max=MAX_DEPTH))

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


def read_text(path: str | Path) -> str:
    """A file's text, read no further than the size cap (a huge or endless file costs
    nothing), with a located problem when it is unreadable, too big or not UTF-8."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
            size = max(len(data), os.fstat(handle.fileno()).st_size)
    except OSError as err:
        raise InvalidInput([problem(1, 1, "file.unreadable", detail=err.strerror or "")]) from None
    _refuse_over_cap(size)
    return decode(data)


def _refuse_over_cap(size: int) -> None:
    if size > MAX_BYTES:
        raise InvalidInput([problem(1, 1, "file.too_big", size=size, max=MAX_BYTES)])


def decode(data: bytes) -> str:
    """Bytes to text, refusing oversized and non-UTF-8 files with a located problem."""
    _refuse_over_cap(len(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise InvalidInput([problem(line, column, "file.not_utf8")]) from None


def load(text: str) -> YNode | None:
    """Parse one YAML document into located values; None for an empty document."""
    _refuse_over_cap(len(text.encode("utf-8", "surrogatepass")))
    try:
        loader = _GuardedLoader(text)  # checks every character before reading any
    except ReaderError as err:
        raise InvalidInput([_reader_problem(text, err)]) from None
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


def _reader_problem(text: str, err: ReaderError) -> Problem:
    """A character YAML refuses (control characters, NUL), located in the text."""
    before = text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    return problem(line, column, "yaml.bad_char", char=f"U+{err.character:04X}")


def _convert(node: Node, found: Problems, scalars: SafeConstructor) -> YNode:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, ScalarNode):
        value = _scalar(node, scalars)
        if node.style == "|":
            return YNode(value, line, column, block_indent=_block_indent(node))
        return YNode(value, line, column, source=_one_line_source(node))
    if isinstance(node, SequenceNode):
        return YNode([_convert(item, found, scalars) for item in node.value], line, column)
    assert isinstance(node, MappingNode)
    values: dict[str, YNode] = {}
    keys: dict[str, YNode] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, found, scalars)
        if not isinstance(key.value, str):
            shown = key_node.value if isinstance(key_node, ScalarNode) else "…"
            found.add(key.line, key.column, "yaml.key_not_text", key=shown)
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
    """Column (0-based) where the text of a literal block starts: the first non-blank line's
    length in the source minus its length in the value (right with `|2` indicators too)."""
    buffer = node.start_mark.buffer
    first = next((row for row in str(node.value).split("\n") if row.strip()), None)
    if buffer is None or first is None:
        return 0
    next_line = buffer.find("\n", node.start_mark.index)
    for raw in buffer[next_line + 1 : node.end_mark.index].splitlines():
        if raw.strip():
            return max(len(raw) - len(first), 0)
    return 0


def _one_line_source(node: ScalarNode) -> str | None:
    """The source text of a scalar written on a single line, for `YNode.mark_of`."""
    start, end = node.start_mark, node.end_mark
    if start.buffer is None or start.line != end.line:
        return None
    return str(start.buffer[start.index : end.index])


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def _source_offset(source: str, row: int, column: int) -> int | None:
    """Offset in `source` (a one-line scalar) of the value's character (row, column).

    Walks the source as YAML reads it: quotes, `''` in single quotes, and escapes in
    double quotes (`\\n` starts a new row). None when the value has no such character.
    """
    quote = source[:1] if source[:1] in ("'", '"') else ""
    index, at_row, at_column = len(quote), 0, 0
    end = len(source) - len(quote)
    while index < end:
        if (at_row, at_column) == (row, column):
            return index
        width = 1
        if quote == "'" and source.startswith("''", index):
            width = 2
        elif quote == '"' and source[index] == "\\":
            letter = source[index + 1 : index + 2]
            width = _ESCAPE_LENGTHS.get(letter, 2)
            if letter == "n":
                index, at_row, at_column = index + width, at_row + 1, 0
                continue
        index, at_column = index + width, at_column + 1
    return None
