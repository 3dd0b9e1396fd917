"""The command line (cli.md): the contract with trainers and scripts.

Headless commands never import pygame; the game window is imported only when opened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from blocks.parse import dump_program
from blocks.problems import InvalidInput, Problem, in_file_order
from blocks.program import Program
from blocks.program_file import read_program
from blocks.python_form import to_python
from game.cli_screens import add_screen_commands
from game.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_problem, t
from game.levels import Level, read_level

EXIT_OK, EXIT_FAIL, EXIT_UNREADABLE = 0, 1, 2


class Unreadable(Exception):
    """A level or program that cannot be used; its problems are already printed."""


def report(path: str, problems: Sequence[Problem], lang: str) -> None:
    for found in problems:
        print(format_problem(path, found, lang), file=sys.stderr)


def load_level(path: str, lang: str) -> Level:
    checked = read_level(path)
    report(path, checked.problems, lang)
    if checked.level is None or not checked.ok:
        raise Unreadable(path)
    return checked.level


def load_program_file(path: str, lang: str) -> Program:
    try:
        return read_program(path)
    except InvalidInput as err:
        report(path, err.problems, lang)
    raise Unreadable(path)


def cmd_validate(args: argparse.Namespace) -> int:
    from game.validate import check_paths

    reports = check_paths(Path(p) for p in args.paths)
    invalid = 0
    for found in reports:
        report(found.path, in_file_order(found.problems), args.lang)
        if found.ok:
            print(t("cli.valid", args.lang, path=found.path))
        else:
            invalid += 1
    print(t("cli.summary", args.lang, valid=len(reports) - invalid, invalid=invalid))
    return EXIT_OK if invalid == 0 else EXIT_FAIL


def cmd_run(args: argparse.Namespace) -> int:
    from game.run_report import run_summary

    level = load_level(args.level, args.lang)
    program = load_program_file(args.program, args.lang)
    summary, status = run_summary(level, program, args.lang)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(summary["message"])
        print(t("cli.run", args.lang, **summary))
        variants = summary.get("variants")
        if isinstance(variants, list):  # a level with variants: how each map ended
            for index, variant in enumerate(variants, start=1):
                print(t("cli.variant", args.lang, index=index, **variant))
    return EXIT_OK if status == "success" else EXIT_FAIL


def cmd_solve(args: argparse.Namespace) -> int:
    from game.solver import shortest

    level = load_level(args.level, args.lang)
    search = shortest(level)
    solved = search.actions is not None
    result: dict[str, object] = {
        "solvable": solved if search.complete else None,
        "steps": len(search.actions) if search.actions is not None else None,
        "actions": list(search.actions) if search.actions is not None else None,
    }
    lines: list[str] = []
    if args.blocks:
        from game.program_search import DEFAULT_BUDGET, smallest_program
        from game.search_report import budget_line, search_json, search_lines

        found = smallest_program(level, args.budget or DEFAULT_BUDGET)
        result.update(search_json(found))
        lines = search_lines(found, args.lang)
        solved = solved or found.program is not None
        if not args.json:
            print(budget_line(found, args.lang), file=sys.stderr)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif search.actions is not None:
        print(
            t("cli.solved", args.lang, steps=len(search.actions), actions=" ".join(search.actions))
        )
    elif not search.complete:
        print(t("cli.gave_up", args.lang, states=search.explored))
    else:
        print(t("cli.unsolvable", args.lang, max_steps=level.max_steps))
    if not args.json:
        print("\n".join(lines))
    return EXIT_OK if solved else EXIT_FAIL


def cmd_train(args: argparse.Namespace) -> int:
    from game.agent.states import Untrainable
    from game.agent.training import summary_lines, train

    level = load_level(args.level, args.lang)
    try:
        result = train(level, args.episodes, args.seed)
    except Untrainable as err:
        print(f"{args.level}:1:1: {t(err.key, args.lang, **err.params)}", file=sys.stderr)
        return EXIT_FAIL
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print("\n".join(summary_lines(result, args.lang)))
    return EXIT_OK if result.solved else EXIT_FAIL


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def cmd_to_python(args: argparse.Namespace) -> int:
    program = load_program_file(args.program, args.lang)
    sys.stdout.write(to_python(program))
    return EXIT_OK


def cmd_from_python(args: argparse.Namespace) -> int:
    if not args.file.endswith(".py"):
        print(f"{args.file}:1:1: {t('cli.not_python', args.lang)}", file=sys.stderr)
        return EXIT_FAIL
    program = load_program_file(args.file, args.lang)
    sys.stdout.write(dump_program(program))
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import main as open_game

    fullscreen = True if args.fullscreen else False if args.windowed else None
    lang = args.lang if args.lang_given else None  # otherwise the saved language
    return open_game(lang, fullscreen, screenshot=args.screenshot, frames=args.frames)


class _LangGiven(argparse.Action):
    """Stores --lang and notes it was typed: the game window keeps its saved language
    unless the command line asks for another one."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.lang_given = True


def _lang(
    parser: argparse.ArgumentParser,
    default: str = DEFAULT_LANGUAGE,
    action: type[argparse.Action] | str = "store",
) -> None:
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default, action=action, help="message language"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roboblocs", description="RoboBlocs: program a robot with blocks."
    )
    _lang(parser, action=_LangGiven)
    parser.add_argument("--fullscreen", action="store_true", help="open the game full screen")
    parser.add_argument("--windowed", action="store_true", help="open the game in a window")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="draw the game without a display, save it as PNG, exit"
    )
    parser.add_argument(
        "--frames",
        type=int,
        metavar="N",
        help="frames to draw before exiting (default 1 with --screenshot)",
    )
    parser.set_defaults(handler=cmd_open, lang_given=False)
    sub = parser.add_subparsers(dest="command")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], text: str
    ) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=text, description=text)
        # SUPPRESS: `--lang` typed before the command counts too; _LangGiven: the game
        # screens keep the saved language unless one was typed.
        _lang(child, default=argparse.SUPPRESS, action=_LangGiven)
        child.set_defaults(handler=handler)
        return child

    validate = command(
        "validate", cmd_validate, "check level files, pack folders and program files"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    run = command("run", cmd_run, "run a program on a level without a window")
    run.add_argument("level", metavar="LEVEL")
    run.add_argument("program", metavar="PROGRAM")
    run.add_argument("--json", action="store_true", help="print one JSON object")
    solve = command("solve", cmd_solve, "the shortest sequence of actions that solves a level")
    solve.add_argument("level", metavar="LEVEL")
    solve.add_argument("--json", action="store_true", help="print one JSON object")
    solve.add_argument("--blocks", action="store_true", help="also search the smallest program")
    solve.add_argument(
        "--budget",
        type=float,
        metavar="SECONDS",
        help="time for the smallest-program search (default 10)",
    )
    train = command("train", cmd_train, "train the learning robot on a level")
    train.add_argument("level", metavar="LEVEL")
    train.add_argument(
        "--episodes", type=_positive, metavar="N", help="tries (default: the level's ai.episodes)"
    )
    train.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    train.add_argument("--json", action="store_true", help="print one JSON object")
    to_py = command("to-python", cmd_to_python, "print a program in its Python form")
    to_py.add_argument("program", metavar="PROGRAM")
    from_py = command("from-python", cmd_from_python, "print a Python-form program as YAML")
    from_py.add_argument("file", metavar="FILE.py")
    add_screen_commands(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
    except Unreadable:
        code = EXIT_UNREADABLE if args.command in ("run", "solve", "train") else EXIT_FAIL
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # `validate levels/ | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_FAIL
    except Exception as err:  # the last resort: a trainer reads one line, never a traceback
        print(t("cli.crashed", args.lang, error=type(err).__name__), file=sys.stderr)
        code = EXIT_UNREADABLE
    return code
