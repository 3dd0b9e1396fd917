"""The shortest action sequence that solves a level (breadth-first search).

A search node is the state of every board of the level at once: one sequence must solve
them all. A board that has reached its goals is finished (its run has ended in success);
an action that fails on any unfinished board is never taken. Breadth-first order makes
the first solution found a shortest one.

Each board's state is packed into an integer (`game.world.packed`) and a node is those
integers side by side in one bigger integer, a finished board being all zeros; the node
of every board finished is 0. Parent links are integers too (`node << 2 | action`), so a
search of millions of states builds no tuples or sets.

The search skips moves that no shortest solution needs, which never changes the length
found: actions that cannot work from the robot's place, pushes of a crate where it can
never reach a target (`game.world.packed`), and, on a single board that must be cleared
of gems, anything but `pick_up` while the robot stands on a gem (`_unless`).
"""

from __future__ import annotations

from dataclasses import dataclass

from blocks.catalogue import ACTIONS
from game.levels import Level
from game.world.packed import DONE, FAILED, PackedBoard, Step

DEFAULT_STATE_LIMIT = 3_000_000


@dataclass(frozen=True, slots=True)
class Search:
    """`actions` is None when no sequence within `max_steps` exists, or, when `complete`
    is False, when the search met its state limit before it could tell."""

    actions: tuple[str, ...] | None
    explored: int
    complete: bool = True


def palette_actions(level: Level) -> tuple[str, ...]:
    return tuple(name for name in ACTIONS if name in level.blocks)


def shortest(level: Level, state_limit: int = DEFAULT_STATE_LIMIT) -> Search:
    names = palette_actions(level)
    boards = [PackedBoard(board, level.goals, prune=True) for board in level.boards]
    offsets = _offsets(boards)
    start = DONE
    for board, offset in zip(boards, offsets, strict=True):
        start |= board.finish(board.pack(board.board.start)) << offset
    if start == DONE:
        return Search((), 1)
    steps = [(index, _joint(boards, offsets, name)) for index, name in enumerate(names)]
    mask, options = _options(level, boards, names, steps)
    parents: dict[int, int] = {start: -1}
    frontier = [start]
    for _depth in range(level.max_steps):
        next_frontier: list[int] = []
        for node in frontier:
            for index, step in options[node & mask]:
                child = step(node)
                if child == FAILED or child in parents:
                    continue
                parents[child] = node << 2 | index
                if child == DONE:
                    return Search(_path(parents, names), len(parents))
                next_frontier.append(child)
            if len(parents) > state_limit:
                return Search(None, len(parents), complete=False)
        if not next_frontier:
            break
        frontier = next_frontier
    return Search(None, len(parents))


def _offsets(boards: list[PackedBoard]) -> list[int]:
    """Where each board's bits start in a node."""
    offsets = []
    offset = 0
    for board in boards:
        offsets.append(offset)
        offset += board.bits
    return offsets


Options = list[tuple[int, Step]]


def _options(
    level: Level, boards: list[PackedBoard], names: tuple[str, ...], steps: Options
) -> tuple[int, list[Options]]:
    """The actions worth trying from a node: `options[node & mask]`.

    On a single board they depend on the robot's place (no forward into a wall, no pick_up
    away from gems), found from the node's low bits; on several boards every action is
    tried (mask 0 picks the only list).
    """
    if len(boards) > 1:
        return 0, [steps]
    board = boards[0]
    pick_first = "collect_gems" in level.goals and "pick_up" in names
    options = []
    for place in range(board.places):
        here = [
            (i, step)
            for (i, step), name in zip(steps, names, strict=True)
            if board.may_work(name, place)
        ]
        gem = board.gem_bit[place >> 2]
        if pick_first and gem:
            here = [(i, step if names[i] == "pick_up" else _unless(gem, step)) for i, step in here]
        options.append(here)
    return board.place_mask, options


def _unless(gem: int, step: Step) -> Step:
    """`step`, refused while the robot stands on a gem still lying there.

    When every gem must be collected on a single board, taking a gem as soon as the robot
    stands on it never makes a solution longer: in any shortest solution that walks past
    a gem, picking it up at that moment instead of later leaves every other action valid
    (a gem gone can only unblock a crate) and the length unchanged. So the search may
    consider only such solutions, and they are far fewer.
    """

    def guarded(packed: int) -> int:
        return FAILED if packed & gem else step(packed)

    return guarded


def _joint(boards: list[PackedBoard], offsets: list[int], name: str) -> Step:
    """The action on every unfinished board of a node at once."""
    if len(boards) == 1:
        return boards[0].step(name)
    parts = [
        (offset, (1 << board.bits) - 1, board.step(name))
        for board, offset in zip(boards, offsets, strict=True)
    ]

    def step(node: int) -> int:
        child = DONE
        for offset, mask, one in parts:
            packed = (node >> offset) & mask
            if packed:
                packed = one(packed)
                if packed == FAILED:
                    return FAILED
                child |= packed << offset
        return child

    return step


def _path(parents: dict[int, int], names: tuple[str, ...]) -> tuple[str, ...]:
    path: list[str] = []
    link = parents[DONE]
    while link != -1:
        path.append(names[link & 3])
        link = parents[link >> 2]
    return tuple(reversed(path))
