"""The shortest action sequence that solves a level (breadth-first search).

A search state is the robot's cell and heading, the gems still lying and the crates'
cells, on every board of the level at once: one sequence must solve them all. A board
that has reached its goals is finished (its run has ended in success); an action that
fails on any unfinished board is never taken. Breadth-first order makes the first
solution found a shortest one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from blocks.catalogue import ACTIONS
from game.levels import Level
from game.world.board import State
from game.world.rules import act, goals_met

Node = tuple[State | None, ...]


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
    actions = palette_actions(level)
    start: Node = tuple(board.start for board in level.boards)
    if _finished(level, start):
        return Search((), 1)
    parents: dict[Node, tuple[Node, str] | None] = {start: None}
    frontier = [start]
    for _depth in range(level.max_steps):
        next_frontier: list[Node] = []
        for node in frontier:
            for action, child in _successors(level, node, actions):
                if child in parents:
                    continue
                parents[child] = (node, action)
                if all(state is None for state in child):
                    return Search(_path(parents, child), len(parents))
                next_frontier.append(child)
            if len(parents) > state_limit:
                return Search(None, len(parents), complete=False)
        if not next_frontier:
            break
        frontier = next_frontier
    return Search(None, len(parents))


def _finished(level: Level, node: Node) -> bool:
    return all(
        state is None or goals_met(board, level.goals, state)
        for board, state in zip(level.boards, node, strict=True)
    )


def _successors(level: Level, node: Node, actions: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    boards = level.boards
    goals = level.goals
    for action in actions:
        child: list[State | None] = []
        for board, state in zip(boards, node, strict=True):
            if state is None:
                child.append(None)
                continue
            after, failure = act(board, state, action)
            if failure is not None:
                break
            child.append(None if goals_met(board, goals, after) else after)
        else:
            yield action, tuple(child)


def _path(parents: dict[Node, tuple[Node, str] | None], end: Node) -> tuple[str, ...]:
    path: list[str] = []
    link = parents[end]
    while link is not None:
        node, action = link
        path.append(action)
        link = parents[node]
    return tuple(reversed(path))
