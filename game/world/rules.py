"""The rules of the grid world (levels.md, "How a run goes"), as pure functions of a state.

The runner, the solver and the learning agent all call these, so there is one truth.
"""

from __future__ import annotations

from typing import Literal

from game.world.board import Board, State
from game.world.tiles import COLOUR_SENSORS, Ground, crate_can_enter, walkable

Goal = Literal["reach_goal", "collect_gems", "crates_on_targets"]
GOALS: tuple[Goal, ...] = ("reach_goal", "collect_gems", "crates_on_targets")
Failure = Literal["crashed", "fell", "no_gem"]


def act(board: Board, state: State, action: str) -> tuple[State, Failure | None]:
    """One action: the new state and, when the action ends the run, how it failed."""
    pos, facing, gems, crates = state
    if action == "forward":
        return _forward(board, state)
    if action == "turn_left":
        return State(pos, (facing + 3) % 4, gems, crates), None
    if action == "turn_right":
        return State(pos, (facing + 1) % 4, gems, crates), None
    if action == "pick_up":
        if pos in gems:
            return State(pos, facing, gems - {pos}, crates), None
        return state, "no_gem"
    raise ValueError(f"unknown action {action!r}")


def _forward(board: Board, state: State) -> tuple[State, Failure | None]:
    pos, facing, gems, crates = state
    step = board.delta(facing)
    ahead = pos + step
    ground = board.ground[ahead]
    if ground is Ground.WALL:
        return state, "crashed"
    if ahead in crates:
        beyond = ahead + step
        if not crate_can_enter(board.ground[beyond]) or beyond in crates or beyond in gems:
            return state, "crashed"
        return State(ahead, facing, gems, (crates - {ahead}) | {beyond}), None
    moved = State(ahead, facing, gems, crates)
    if ground is Ground.WATER:
        return moved, "fell"
    return moved, None


def goals_met(board: Board, goals: tuple[Goal, ...], state: State) -> bool:
    for goal in goals:
        if goal == "reach_goal" and state.pos not in board.flags:
            return False
        if goal == "collect_gems" and state.gems:
            return False
        if goal == "crates_on_targets" and not board.targets <= state.crates:
            return False
    return True


def sense(board: Board, state: State, sensor: str) -> bool:
    """Answer one sensor (levels.md, "Sensors") for the robot in `state`."""
    pos, facing, gems, crates = state
    if sensor in COLOUR_SENSORS:
        return board.ground[pos] is COLOUR_SENSORS[sensor]
    if sensor == "gem_here":
        return pos in gems
    if sensor == "at_goal":
        return pos in board.flags
    turn = {"path_left": 3, "path_right": 1}.get(sensor, 0)
    cell = pos + board.delta((facing + turn) % 4)
    ground = board.ground[cell]
    if sensor in ("path_ahead", "path_left", "path_right"):
        return walkable(ground) and cell not in crates
    if sensor == "wall_ahead":
        return ground is Ground.WALL
    if sensor == "water_ahead":
        return ground is Ground.WATER
    if sensor == "crate_ahead":
        return cell in crates
    raise ValueError(f"unknown sensor {sensor!r}")
