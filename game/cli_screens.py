"""The command-line entries that open a window or draw a picture: `play`, `lab` and `preview`.

Kept apart from `game.cli` so the headless commands stay free of pygame: these import it
only when they run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from blocks.program import Program

Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def add_screen_commands(command: Command) -> None:
    play = command("play", cmd_play, "open the game on one level")
    play.add_argument("level", nargs="?", metavar="LEVEL", help="a level file")
    play.add_argument("--program", metavar="PROGRAM", help="a program to load (YAML or .py)")
    play.add_argument("--run", action="store_true", help="start the program at once")
    play.add_argument("--screenshot", metavar="PNG", help="draw without a display, save as PNG")
    play.add_argument("--frames", type=int, metavar="N", help="frames to draw (default 1)")
    lab = command("lab", cmd_lab, "open the AI lab on one level")
    lab.add_argument("level", metavar="LEVEL", help="a level file")
    lab.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    lab.add_argument("--train", type=int, default=0, metavar="N", help="tries made at once")
    lab.add_argument("--show", choices=("values", "visits"), help="an overlay to switch on")
    lab.add_argument("--race", action="store_true", help="open the race")
    lab.add_argument("--screenshot", metavar="PNG", help="draw without a display, save as PNG")
    lab.add_argument("--frames", type=int, metavar="N", help="frames to draw (default 1)")
    preview = command("preview", cmd_preview, "draw a level (every map) to a PNG")
    preview.add_argument("level", metavar="LEVEL")
    preview.add_argument("--out", required=True, metavar="PNG", help="the picture to write")


def cmd_play(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import main as open_game
    from game.cli import Unreadable, load_program_file

    lang = args.lang if args.lang_given else None
    if args.level is None:
        return open_game(lang, None, screenshot=args.screenshot, frames=args.frames)
    program: Program | None = None
    if args.program is not None:
        try:
            program = load_program_file(args.program, args.lang)
        except Unreadable:
            program = None  # its problems are printed; the level opens with no program
    return open_game(
        lang,
        None,
        screenshot=args.screenshot,
        frames=args.frames,
        start="play",
        level_path=args.level,
        program=program,
        run=args.run,
    )


def cmd_lab(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import main as open_game

    return open_game(
        args.lang if args.lang_given else None,
        None,
        screenshot=args.screenshot,
        frames=args.frames,
        start="ai_lab",
        level_path=args.level,
        seed=args.seed,
        pretrain=max(0, args.train),
        race=args.race,
        overlay=args.show,
    )


def cmd_preview(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.cli import EXIT_FAIL, EXIT_OK, report
    from game.levels import read_level
    from game.render.preview import preview_surface

    checked = read_level(args.level)
    report(args.level, checked.problems, args.lang)
    if checked.level is None or not checked.ok:
        return EXIT_FAIL
    pygame.display.init()  # no sound: a picture needs none (and a PC may have no card)
    pygame.font.init()
    try:
        picture = preview_surface(checked.level, args.lang)
        pygame.image.save(picture, args.out)
    except (pygame.error, OSError) as err:
        print(f"{args.out}:1:1: {err}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        pygame.quit()
    return EXIT_OK
