"""The interpreter alone: which effects it yields, tagged with which block, under which budget."""

from __future__ import annotations

from collections.abc import Callable

from blocks.interpreter import MAX_CALL_DEPTH, Act, Ask, Effect, Exhausted, interpret
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
    walk,
)

Answer = Callable[[Ask, int], bool]


def never(ask: Ask, asked: int) -> bool:
    return False


def drive(
    statements: list[Statement],
    answer: Answer = never,
    max_evals: int = 10_000,
    max_depth: int = MAX_CALL_DEPTH,
    limit: int = 100_000,
) -> list[Effect]:
    """Every effect in order; `answer(ask, n)` answers the n-th question (from 0)."""
    execution = interpret(Program(tuple(statements)), max_evals, max_depth)
    effects: list[Effect] = []
    reply: bool | None = None
    asked = 0
    try:
        while len(effects) < limit:
            effect = execution.send(reply)
            effects.append(effect)
            reply = None
            if isinstance(effect, Ask):
                reply = answer(effect, asked)
                asked += 1
    except StopIteration:
        pass
    return effects


def acts(effects: list[Effect]) -> list[str]:
    return [e.name for e in effects if isinstance(e, Act)]


F, L, R, P = (Action(n) for n in ("forward", "turn_left", "turn_right", "pick_up"))


def test_actions_in_order_with_their_block_ids() -> None:
    effects = drive([F, L, R, P])
    assert effects == [
        Act(0, "forward"),
        Act(1, "turn_left"),
        Act(2, "turn_right"),
        Act(3, "pick_up"),
    ]


def test_empty_program_yields_nothing() -> None:
    assert drive([]) == []


def test_repeat_runs_its_body_count_times() -> None:
    effects = drive([Repeat(3, (F, L)), R])
    assert acts(effects) == ["forward", "turn_left"] * 3 + ["turn_right"]
    assert [e.block_id for e in effects] == [1, 2] * 3 + [3]


def test_nested_repeats_multiply() -> None:
    effects = drive([Repeat(4, (Repeat(5, (F,)), L))])
    assert acts(effects) == (["forward"] * 5 + ["turn_left"]) * 4


def test_repeat_with_empty_body_yields_nothing_and_ends() -> None:
    assert drive([Repeat(99, ()), F]) == [Act(1, "forward")]


def test_while_asks_before_each_round() -> None:
    # Holds for the first two questions, then not.
    effects = drive([While(Cond("path_ahead"), (F,))], answer=lambda ask, n: n < 2)
    assert effects == [
        Ask(0, "path_ahead"),
        Act(1, "forward"),
        Ask(0, "path_ahead"),
        Act(1, "forward"),
        Ask(0, "path_ahead"),
    ]


def test_while_not_negates_the_answer() -> None:
    effects = drive([While(Cond("at_goal", negated=True), (F,))], answer=lambda ask, n: n >= 1)
    assert acts(effects) == ["forward"]


def test_until_runs_while_the_condition_does_not_hold() -> None:
    effects = drive([Until(Cond("gem_here"), (F,)), P], answer=lambda ask, n: n == 3)
    assert acts(effects) == ["forward"] * 3 + ["pick_up"]
    assert all(e.block_id == 0 for e in effects if isinstance(e, Ask))


def test_until_not_runs_while_the_condition_holds() -> None:
    effects = drive([Until(Cond("path_ahead", negated=True), (F,))], answer=lambda a, n: n < 2)
    assert acts(effects) == ["forward"] * 2


def test_if_takes_do_or_nothing() -> None:
    prog: list[Statement] = [If(Cond("path_ahead"), (F,)), If(Cond("path_ahead"), (L,))]
    effects = drive(prog, answer=lambda ask, n: n == 0)
    assert effects == [Ask(0, "path_ahead"), Act(1, "forward"), Ask(2, "path_ahead")]


def test_if_else_takes_the_else_branch_with_its_ids() -> None:
    prog: list[Statement] = [If(Cond("wall_ahead", negated=True), (F,), (L, R))]
    assert drive(prog, answer=lambda ask, n: True) == [
        Ask(0, "wall_ahead"),
        Act(2, "turn_left"),
        Act(3, "turn_right"),
    ]
    assert acts(drive(prog, answer=lambda ask, n: False)) == ["forward"]


def test_define_does_nothing_until_called() -> None:
    assert drive([Define("f", (F,)), L]) == [Act(2, "turn_left")]


def test_call_runs_the_body_with_the_definition_ids_before_or_after_define() -> None:
    prog: list[Statement] = [Call("f"), Define("f", (F, L)), Call("f"), R]
    effects = drive(prog)
    assert effects == [
        Act(2, "forward"),
        Act(3, "turn_left"),
        Act(2, "forward"),
        Act(3, "turn_left"),
        Act(5, "turn_right"),
    ]


def test_block_ids_are_the_preorder_walk_index() -> None:
    body: list[Statement] = [
        Define("g", (If(Cond("path_ahead"), (F,), (R,)),)),  # 0: if 1, F 2, R 3
        Repeat(2, (Call("g"), While(Cond("gem_here"), (P,)), L)),  # 4: call 5, while 6, P 7, L 8
    ]
    order = list(walk(tuple(body)))
    # path_ahead holds the first time only; gem_here never holds.
    effects = drive(body, answer=lambda ask, n: ask.sensor == "path_ahead" and n == 0)
    assert acts(effects) == ["forward", "turn_left", "turn_right", "turn_left"]
    assert [e.block_id for e in effects] == [1, 2, 6, 8, 1, 3, 6, 8]
    assert [type(order[e.block_id]).__name__ for e in effects] == [
        "If",
        "Action",
        "While",
        "Action",
    ] * 2
    assert all(order[e.block_id] == Action(e.name) for e in effects if isinstance(e, Act))


def test_recursion_runs_until_the_condition_stops_it() -> None:
    # define f: if path_ahead: [forward, call f]
    prog: list[Statement] = [Define("f", (If(Cond("path_ahead"), (F, Call("f"))),)), Call("f")]
    effects = drive(prog, answer=lambda ask, n: n < 5)
    assert acts(effects) == ["forward"] * 5
    assert not any(isinstance(e, Exhausted) for e in effects)


def test_call_depth_over_the_limit_is_exhausted() -> None:
    prog: list[Statement] = [Define("f", (L, Call("f"))), Call("f")]
    effects = drive(prog, max_depth=7)
    assert acts(effects) == ["turn_left"] * 7
    assert effects[-1] == Exhausted(2)


def test_call_depth_exactly_at_the_limit_runs() -> None:
    chain: list[Statement] = [
        Define("a", (Call("b"),)),
        Define("b", (Call("c"),)),
        Define("c", (F,)),
        Call("a"),
    ]
    assert acts(drive(chain, max_depth=3)) == ["forward"]
    assert isinstance(drive(chain, max_depth=2)[-1], Exhausted)


def test_returning_calls_free_their_depth() -> None:
    prog: list[Statement] = [Define("f", (L,)), Repeat(50, (Call("f"),))]
    effects = drive(prog, max_depth=1)
    assert acts(effects) == ["turn_left"] * 50


def test_default_call_depth_is_one_thousand() -> None:
    assert MAX_CALL_DEPTH == 1000
    prog: list[Statement] = [Define("f", (L, Call("f"))), Call("f")]
    effects = drive(prog)
    assert len(acts(effects)) == 1000
    assert isinstance(effects[-1], Exhausted)


def test_loop_without_actions_is_stopped_by_the_evaluation_budget() -> None:
    effects = drive([While(Cond("at_goal", negated=True), ())], max_evals=50)
    assert isinstance(effects[-1], Exhausted)
    assert effects[-1].block_id == 0
    # Every check of the condition is one evaluation.
    assert sum(isinstance(e, Ask) for e in effects) == 50


def test_endless_recursion_without_actions_stops() -> None:
    effects = drive([Define("f", (Call("f"),)), Call("f")], max_evals=10**6)
    assert isinstance(effects[-1], Exhausted)
    assert len(effects) == 1


def test_evaluations_counted_per_statement_and_loop_check() -> None:
    # repeat 3 [forward]: four checks of the counter and three actions = 7 evaluations.
    prog: list[Statement] = [Repeat(3, (F,))]
    assert acts(drive(prog, max_evals=7)) == ["forward"] * 3
    assert not any(isinstance(e, Exhausted) for e in drive(prog, max_evals=7))
    cut = drive(prog, max_evals=6)
    assert isinstance(cut[-1], Exhausted)
    assert acts(cut) == ["forward"] * 3


def test_empty_repeats_count_toward_the_budget() -> None:
    prog: list[Statement] = [Repeat(99, (Repeat(99, (Repeat(99, ()),)),))]
    effects = drive(prog, max_evals=1000)
    assert effects and isinstance(effects[-1], Exhausted)


def test_actions_are_not_yielded_after_exhaustion() -> None:
    effects = drive([Repeat(99, (F,))], max_evals=20)
    assert isinstance(effects[-1], Exhausted)
    assert sum(isinstance(e, Exhausted) for e in effects) == 1
