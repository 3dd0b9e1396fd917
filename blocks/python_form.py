"""The Python face of a program (programs.md): text is read with `ast`, never executed.

Only a tiny subset is accepted; anything else is refused with the line it is on and a
word about what is allowed, so an older child typing code learns the rules.
"""

from __future__ import annotations

import ast

from blocks.catalogue import ACTIONS, REPEAT_MAX, REPEAT_MIN, RESERVED_FUNCTION_NAMES, SENSOR_NAMES
from blocks.parse import FUNCTION_NAME, MAX_NESTING
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

INDENT = "    "


def to_python(program: Program) -> str:
    """Program to Python text; `until C` becomes `while not C():`."""
    lines: list[str] = []
    for stmt in program.statements:
        _emit(stmt, 0, lines)
        if isinstance(stmt, Define):
            lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else "pass\n"


def _cond(cond: Cond, flip: bool = False) -> str:
    negated = cond.negated != flip
    return f"not {cond.sensor}()" if negated else f"{cond.sensor}()"


def _emit(stmt: Statement, level: int, lines: list[str]) -> None:
    pad = INDENT * level
    match stmt:
        case Action(name=name) | Call(name=name):
            lines.append(f"{pad}{name}()")
        case Repeat(count=count, body=body):
            lines.append(f"{pad}for _ in range({count}):")
            _emit_body(body, level + 1, lines)
        case While(cond=cond, body=body):
            lines.append(f"{pad}while {_cond(cond)}:")
            _emit_body(body, level + 1, lines)
        case Until(cond=cond, body=body):
            lines.append(f"{pad}while {_cond(cond, flip=True)}:")
            _emit_body(body, level + 1, lines)
        case If(cond=cond, body=body, orelse=orelse):
            lines.append(f"{pad}if {_cond(cond)}:")
            _emit_body(body, level + 1, lines)
            if orelse is not None:
                lines.append(f"{pad}else:")
                _emit_body(orelse, level + 1, lines)
        case Define(name=name, body=body):
            lines.append(f"{pad}def {name}():")
            _emit_body(body, level + 1, lines)


def _emit_body(body: tuple[Statement, ...], level: int, lines: list[str]) -> None:
    if not body:
        lines.append(f"{INDENT * level}pass")
    for stmt in body:
        _emit(stmt, level, lines)


def from_python(text: str) -> Program:
    """Python text to a Program, or InvalidInput listing every refused line."""
    found = Problems()
    tree = _parse(text.removeprefix("\ufeff"), found)
    if tree is None:
        raise InvalidInput(found.items)
    reader = _PyReader(found)
    reader.collect_defines(tree.body)
    statements = reader.body(tree.body, depth=1, top=True)
    if found:
        raise InvalidInput(found.items)
    return Program(statements)


# Python's own words when text nests deeper than its parser allows (100 levels).
_TOO_DEEP_WORDS = ("too many levels of indentation", "too many nested")


def _parse(text: str, found: Problems) -> ast.Module | None:
    """The syntax tree, or None with the problem added; nesting Python itself refuses is
    reported like any program nested too deeply."""
    try:
        return ast.parse(text)
    except SyntaxError as err:
        line, column = err.lineno or 1, err.offset or 1
        if any(words in err.msg for words in _TOO_DEEP_WORDS):
            found.add(line, column, "program.too_deep", max=MAX_NESTING)
        else:
            found.add(line, column, "python.syntax", detail=err.msg)
    except ValueError as err:  # NUL bytes, on Pythons that do not call it a SyntaxError
        found.add(1, 1, "python.syntax", detail=str(err))
    except (RecursionError, MemoryError):
        found.add(1, 1, "program.too_deep", max=MAX_NESTING)
    return None


def _at(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1


class _PyReader:
    def __init__(self, found: Problems) -> None:
        self.found = found
        self.defined: dict[str, int] = {}

    def refuse(self, node: ast.AST, code: str, **params: object) -> None:
        line, column = _at(node)
        self.found.add(line, column, code, **params)

    def collect_defines(self, statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.FunctionDef) and node.name in self.defined:
                self.refuse(node, "define.twice", name=node.name, first=self.defined[node.name])
            elif isinstance(node, ast.FunctionDef):
                self.defined[node.name] = node.lineno

    def body(
        self, statements: list[ast.stmt], depth: int, top: bool = False
    ) -> tuple[Statement, ...]:
        if depth > MAX_NESTING:
            self.refuse(statements[0], "program.too_deep", max=MAX_NESTING)
            return ()
        parsed = (self.statement(node, depth, top) for node in statements)
        return tuple(stmt for stmt in parsed if stmt is not None)

    def statement(self, node: ast.stmt, depth: int, top: bool) -> Statement | None:
        match node:
            case ast.Pass():
                return None
            case ast.Expr(value=ast.Call() as call):
                return self._call(call)
            case ast.Expr(value=ast.Name(id=name)) if name in ACTIONS or name in self.defined:
                self.refuse(node, "python.bare_name", name=name)
                return None
            case ast.For():
                return self._for(node, depth)
            case ast.While():
                return self._while(node, depth)
            case ast.If():
                return self._if(node, depth)
            case ast.FunctionDef():
                return self._define(node, depth, top)
            case _:
                self.refuse(node, "python.not_allowed", what=type(node).__name__)
                return None

    def _call(self, call: ast.Call) -> Statement | None:
        if not isinstance(call.func, ast.Name) or call.args or call.keywords:
            self.refuse(call, "python.bad_call")
            return None
        name = call.func.id
        if name in ACTIONS:
            return Action(name)
        if name in self.defined:
            return Call(name)
        code = "python.sensor_call" if name in SENSOR_NAMES else "python.unknown_call"
        self.refuse(call, code, name=name)
        return None

    def _for(self, node: ast.For, depth: int) -> Statement | None:
        count = _range_count(node)
        body = self.body(node.body, depth + 1)
        if node.orelse or not isinstance(node.target, ast.Name) or count is None:
            self.refuse(node, "python.bad_for", low=REPEAT_MIN, high=REPEAT_MAX)
            return None
        return Repeat(count, body)

    def _while(self, node: ast.While, depth: int) -> Statement | None:
        cond = self.condition(node.test)
        body = self.body(node.body, depth + 1)
        if node.orelse:
            self.refuse(node, "python.while_else")
            return None
        return None if cond is None else While(cond, body)

    def _if(self, node: ast.If, depth: int) -> Statement | None:
        cond = self.condition(node.test)
        body = self.body(node.body, depth + 1)
        orelse = self.body(node.orelse, depth + 1) if node.orelse else None
        return None if cond is None else If(cond, body, orelse)

    def _define(self, node: ast.FunctionDef, depth: int, top: bool) -> Statement | None:
        args = node.args
        has_args = args.args or args.posonlyargs or args.kwonlyargs or args.vararg or args.kwarg
        if not top:
            self.refuse(node, "define.not_top")
        elif has_args or node.decorator_list or node.returns or getattr(node, "type_params", None):
            self.refuse(node, "python.bad_def")
        elif not FUNCTION_NAME.match(node.name):
            self.refuse(node, "define.bad_name", name=node.name)
        elif node.name in RESERVED_FUNCTION_NAMES:
            self.refuse(node, "define.reserved", name=node.name)
        else:
            return Define(node.name, self.body(node.body, depth + 1))
        return None

    def condition(self, test: ast.expr) -> Cond | None:
        negated = False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            negated, test = True, test.operand
        match test:
            case ast.Call(func=ast.Name(id=name), args=[], keywords=[]) if name in SENSOR_NAMES:
                return Cond(name, negated)
        self.refuse(test, "python.bad_condition")
        return None


def _range_count(node: ast.For) -> int | None:
    match node.iter:
        case ast.Call(
            func=ast.Name(id="range"), args=[ast.Constant(value=int() as n)], keywords=[]
        ):
            if not isinstance(n, bool) and REPEAT_MIN <= n <= REPEAT_MAX:
                return n
    return None
