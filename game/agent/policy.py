"""What the robot does once it stops exploring: its greedy route on a map.

The route is played with the world's own rules (`rules.act`), on the map the robot trained
on or on any other map of the level. On another map the robot recognises a situation only
by its coordinates, heading, gems and crates; in a situation it never met in training its
table row is all zeros, so it does what a zero row says: the first action. That is the
lesson of levels with variants: the robot learned one map by heart, not a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.agent.qlearning import QLearner
from game.world.board import State
from game.world.rules import act, goals_met


@dataclass(frozen=True, slots=True)
class Route:
    """A greedy run: `states` starts with the start; `known[i]` says whether the robot had a
    learned row for the situation in which it chose `actions[i]`."""

    board_index: int
    states: tuple[State, ...]
    actions: tuple[str, ...]
    known: tuple[bool, ...]
    ending: str

    @property
    def steps(self) -> int:
        return len(self.actions)

    @property
    def success(self) -> bool:
        return self.ending == "success"


def greedy_route(learner: QLearner, board_index: int | None = None) -> Route:
    """The robot's best-known route on a map of its level (its training map by default).

    It stops at the end of the try, at the level's `max_steps`, or as soon as the robot
    comes back to a situation it has been in (it would go round forever): `out_of_steps`.
    """
    env = learner.env
    index = env.board_index if board_index is None else board_index
    level, space = env.level, env.space
    board = level.boards[index]
    state = board.start
    states, actions, known = [state], [], []
    seen = {state}
    ending = "out_of_steps"
    for _ in range(level.max_steps):
        number = space.index_of(board, state)
        known.append(number is not None)
        action = space.actions[learner.greedy(number) if number is not None else 0]
        state, failure = act(board, state, action)
        actions.append(action)
        states.append(state)
        if failure is not None or goals_met(board, level.goals, state):
            ending = failure or "success"
            break
        if state in seen:
            break
        seen.add(state)
    return Route(index, tuple(states), tuple(actions), tuple(known), ending)
