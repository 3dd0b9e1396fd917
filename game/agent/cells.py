"""What the robot has learned, drawn per map cell (for the AI lab's heat map and arrows).

A cell holds many states (four headings, and every combination of gems and crates left);
each view keeps the most telling one: the best value, the choice made in the best state,
the total number of visits. Arrays are [y, x] over the training map.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from game.agent.qlearning import QLearner

NONE = -1


def _shape(learner: QLearner) -> tuple[int, int]:
    board = learner.env.space.board
    return board.height, board.width


def _living(learner: QLearner) -> npt.NDArray[np.bool_]:
    """States where the robot still chooses (a try that reaches a terminal state has ended)."""
    return ~learner.env.space.terminal


def cell_values(learner: QLearner) -> npt.NDArray[np.float64]:
    """The best Q-value of any state on each cell; NaN where the robot never chooses."""
    height, width = _shape(learner)
    living = _living(learner)
    values = np.full(height * width, -np.inf)
    np.maximum.at(values, learner.env.space.cell[living], learner.q[living].max(axis=1))
    values[np.isneginf(values)] = np.nan
    return values.reshape(height, width)


def cell_choices(learner: QLearner) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
    """(heading, action index) of each cell's best state; NONE where there is no state.

    Ties between states go to the first-numbered one (the one found first from the start).
    """
    height, width = _shape(learner)
    space = learner.env.space
    numbers = np.flatnonzero(_living(learner))
    best = learner.q[numbers].max(axis=1)
    order = np.lexsort((numbers, -best, space.cell[numbers]))
    cells, first = np.unique(space.cell[numbers][order], return_index=True)
    chosen = numbers[order][first]
    facing = np.full(height * width, NONE, dtype=np.int8)
    action = np.full(height * width, NONE, dtype=np.int8)
    facing[cells] = space.facing[chosen]
    action[cells] = learner.q[chosen].argmax(axis=1)
    return facing.reshape(height, width), action.reshape(height, width)


def cell_visits(learner: QLearner) -> npt.NDArray[np.int64]:
    """How many times the robot has stood on each cell, over all its tries."""
    height, width = _shape(learner)
    cells = learner.env.space.cell
    counts = np.bincount(cells, weights=learner.visits, minlength=height * width)
    return counts.astype(np.int64).reshape(height, width)
