"""How a routine becomes an ordered list of segments, and how long each one is planned to take."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from bandtimer.domain.plan import SegmentKind, build_plan, planned_seconds
from bandtimer.domain.routine import Exercise, IntRange, Routine, Side, Sides
from bandtimer.domain.set_kinds import CountedReps, HeldReps, TempoReps, TimedHold
from tests.domain.test_session_properties import routines

K = SegmentKind


def shape(plan):
    """(kind, exercise number, set number, side, planned seconds) for every segment."""
    return [
        (s.kind, s.exercise_number, s.set_number, s.side, s.planned_seconds) for s in plan.segments
    ]


def test_each_side_is_right_then_switch_then_left_every_set(make_routine):
    clamshell = Exercise(
        "Clamshell",
        sets=IntRange.exactly(2),
        kind=CountedReps(IntRange.exactly(10)),
        sides=Sides.EACH,
    )
    routine = make_routine(clamshell, get_ready=10, rest_between_sets=30, switch_sides=5)

    assert shape(build_plan(routine)) == [
        (K.GET_READY, 1, 1, Side.RIGHT, 10),
        (K.REPS, 1, 1, Side.RIGHT, 30),
        (K.SWITCH_SIDES, 1, 1, Side.LEFT, 5),
        (K.REPS, 1, 1, Side.LEFT, 30),
        (K.REST_BETWEEN_SETS, 1, 2, Side.RIGHT, 30),
        (K.REPS, 1, 2, Side.RIGHT, 30),
        (K.SWITCH_SIDES, 1, 2, Side.LEFT, 5),
        (K.REPS, 1, 2, Side.LEFT, 30),
    ]


def test_rest_between_sets_uses_the_exercises_own_rest_over_the_default(make_routine):
    own_rest = Exercise(
        "Monster walk", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20)), rest=15
    )
    default_rest = Exercise("Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20)))
    routine = make_routine(own_rest, default_rest, rest_between_sets=40, rest_between_exercises=60)

    assert shape(build_plan(routine)) == [
        (K.HOLD, 1, 1, None, 20),
        (K.REST_BETWEEN_SETS, 1, 2, None, 15),
        (K.HOLD, 1, 2, None, 20),
        (K.REST_BETWEEN_EXERCISES, 2, 1, None, 60),
        (K.HOLD, 2, 1, None, 20),
        (K.REST_BETWEEN_SETS, 2, 2, None, 40),
        (K.HOLD, 2, 2, None, 20),
    ]


def test_an_exercises_own_rest_does_not_replace_the_rest_between_exercises(make_routine):
    first = Exercise(
        "Bridge", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(10)), rest=5
    )
    second = Exercise(
        "Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(10)), rest=5
    )
    plan = build_plan(make_routine(first, second, rest_between_exercises=45))

    assert [s.kind for s in plan.segments] == [K.HOLD, K.REST_BETWEEN_EXERCISES, K.HOLD]
    assert plan[1].planned_seconds == 45


def test_get_ready_opens_the_workout_and_appears_nowhere_else(
    make_routine, clamshell_each_side, plank_hold
):
    routine = make_routine(
        clamshell_each_side,
        plank_hold,
        get_ready=10,
        rest_between_sets=30,
        rest_between_exercises=45,
        switch_sides=5,
    )
    kinds = [s.kind for s in build_plan(routine).segments]

    assert kinds[0] is K.GET_READY
    assert kinds.count(K.GET_READY) == 1


def test_pauses_of_zero_seconds_are_left_out(make_routine, clamshell_each_side, plank_hold):
    plan = build_plan(make_routine(clamshell_each_side, plank_hold))

    # 3 sets × right and left, then 2 planks: work only, numbered without gaps.
    assert [s.kind for s in plan.segments] == [K.REPS] * 6 + [K.HOLD] * 2
    assert [s.index for s in plan.segments] == list(range(8))


def test_only_the_zero_pause_is_left_out_when_others_are_not_zero(make_routine):
    bridge = Exercise(
        "Bridge", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(10)), sides=Sides.EACH
    )
    plan = build_plan(make_routine(bridge, get_ready=0, switch_sides=0, rest_between_sets=20))

    assert [s.kind for s in plan.segments] == [
        K.HOLD,
        K.HOLD,
        K.REST_BETWEEN_SETS,
        K.HOLD,
        K.HOLD,
    ]


def test_ranges_plan_the_low_end_of_sets_and_holds_and_the_high_end_of_reps(
    make_routine, clamshell_each_side, plank_hold
):
    held_bridge = Exercise(
        "Bridge", sets=IntRange(2, 4), kind=HeldReps(IntRange(6, 8), IntRange(5, 10))
    )
    plan = build_plan(make_routine(clamshell_each_side, plank_hold, held_bridge, rep_release=1))
    work = [s for s in plan.segments if s.is_work]

    clamshells = [s for s in work if s.exercise_number == 1]
    assert len(clamshells) == 6  # sets [3, 5] plans 3, each right and left
    assert {s.set_count for s in clamshells} == {3}
    assert {s.set_kind.reps for s in clamshells} == {IntRange(10, 12)}
    assert {s.planned_seconds for s in clamshells} == {36.0}  # 12 reps, the top, at 3 s

    planks = [s for s in work if s.exercise_number == 2]
    assert [s.planned_seconds for s in planks] == [30.0, 30.0]  # hold [30, 45] plans 30
    assert {s.set_kind.planned_hold for s in planks} == {30}

    bridges = [s for s in work if s.exercise_number == 3]
    assert len(bridges) == 2  # sets [2, 4] plans 2
    assert {s.set_kind.planned_hold for s in bridges} == {5}  # hold [5, 10] plans 5
    assert {s.planned_seconds for s in bridges} == {8 * 5 + 7 * 1}  # 8 reps, the top


@pytest.mark.parametrize(
    ("reps", "hold", "release", "seconds"),
    [
        (10, 5, 2, 68.0),  # 10 × 5 + 9 × 2
        (1, 30, 2, 30.0),  # one rep: no release at all
        (3, 10, 0, 30.0),
        (12, 6, 3, 105.0),  # 12 × 6 + 11 × 3
    ],
)
def test_held_reps_take_reps_times_hold_plus_a_release_between_reps(
    make_routine, reps, hold, release, seconds
):
    exercise = Exercise(
        "Bridge",
        sets=IntRange.exactly(1),
        kind=HeldReps(IntRange.exactly(reps), IntRange.exactly(hold)),
    )
    (segment,) = build_plan(make_routine(exercise, rep_release=release)).segments

    assert segment.kind is K.REPS
    assert segment.set_kind == HeldReps(IntRange.exactly(reps), IntRange.exactly(hold), release)
    assert segment.planned_seconds == seconds
    assert segment.set_kind.seconds_per_rep == hold + release


def test_tempo_reps_take_reps_times_tempo(make_routine):
    squat = Exercise("Squat", sets=IntRange.exactly(1), kind=TempoReps(IntRange(8, 10), 2.5))
    (segment,) = build_plan(make_routine(squat)).segments

    assert segment.set_kind == TempoReps(IntRange(8, 10), 2.5)
    assert segment.set_kind.seconds_per_rep == 2.5
    assert segment.planned_seconds == 25.0  # 10 reps, the top of 8–10
    assert segment.is_timed


def test_counted_reps_are_estimated_at_three_seconds_a_rep_and_have_no_deadline(make_routine):
    walk = Exercise("Monster walk", sets=IntRange.exactly(1), kind=CountedReps(IntRange(12, 15)))
    (segment,) = build_plan(make_routine(walk)).segments

    assert segment.set_kind.counted_by_hand
    assert segment.planned_seconds == 45.0
    assert not segment.is_timed


def test_a_timed_hold_has_no_reps(make_routine, plank_hold):
    segment = build_plan(make_routine(plank_hold)).segments[0]

    assert segment.kind is K.HOLD
    assert segment.set_kind.reps is None
    assert segment.set_kind.progress(10.0, 30.0, 0) is None
    assert segment.is_timed


def test_total_is_the_sum_of_the_segments_worked_out_by_hand(make_routine):
    bridge = Exercise(
        "Bridge",
        sets=IntRange.exactly(2),
        kind=HeldReps(IntRange.exactly(10), IntRange.exactly(5)),
        sides=Sides.EACH,
    )
    plank = Exercise("Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(30)))
    routine = make_routine(
        bridge,
        plank,
        get_ready=10,
        rest_between_sets=30,
        rest_between_exercises=45,
        switch_sides=5,
        rep_release=2,
    )
    plan = build_plan(routine)

    one_side = 10 * 5 + 9 * 2  # 68
    bridge_set = one_side + 5 + one_side  # right, switch, left
    expected = 10 + bridge_set + 30 + bridge_set + 45 + 30
    assert expected == 397
    assert plan.total_seconds == 397
    assert sum(s.planned_seconds for s in plan.segments) == 397
    assert plan.seconds_before(0) == 0
    assert plan.seconds_before(2) == 10 + 68
    assert plan.seconds_before(len(plan)) == 397


def test_up_next_is_the_next_work_and_skips_pauses(make_routine):
    bridge = Exercise(
        "Bridge", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(10)), sides=Sides.EACH
    )
    plan = build_plan(make_routine(bridge, get_ready=10, switch_sides=5, rest_between_sets=30))
    # 0 get ready, 1 right, 2 switch, 3 left, 4 rest, 5 right, 6 switch, 7 left

    assert plan.up_next(0) is plan[1]
    assert plan.up_next(1) is plan[3]  # not the switch at 2
    assert plan.up_next(3) is plan[5]  # not the rest at 4
    assert plan.up_next(4) is plan[5]
    assert plan.up_next(7) is None


def test_pauses_carry_the_exercise_set_and_side_that_come_next(make_routine):
    bridge = Exercise(
        "Bridge", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(10)), sides=Sides.EACH
    )
    plank = Exercise("Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(30)))
    plan = build_plan(
        make_routine(
            bridge,
            plank,
            get_ready=10,
            switch_sides=5,
            rest_between_sets=30,
            rest_between_exercises=45,
        )
    )
    pauses = [s for s in plan.segments if s.is_rest]

    assert [
        (s.kind, s.exercise.name, s.exercise_number, s.set_number, s.set_count, s.side)
        for s in pauses
    ] == [
        (K.GET_READY, "Bridge", 1, 1, 2, Side.RIGHT),
        (K.SWITCH_SIDES, "Bridge", 1, 1, 2, Side.LEFT),
        (K.REST_BETWEEN_SETS, "Bridge", 1, 2, 2, Side.RIGHT),
        (K.SWITCH_SIDES, "Bridge", 1, 2, 2, Side.LEFT),
        (K.REST_BETWEEN_EXERCISES, "Plank", 2, 1, 1, None),
    ]
    assert all(s.set_kind is None and not s.is_work for s in pauses)


@settings(max_examples=300, deadline=None)
@given(routine=routines())
def test_planned_seconds_is_the_plans_total_to_the_last_bit(routine: Routine) -> None:
    assert planned_seconds(routine) == build_plan(routine).total_seconds


def test_a_rest_given_as_a_range_is_planned_at_its_low_end(make_routine):
    plank = Exercise(
        "Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20)),
        rest=IntRange(20, 30),
    )  # fmt: skip
    bridge = Exercise("Bridge", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(20)))
    routine = make_routine(plank, bridge, rest_between_exercises=IntRange(40, 60))

    assert [s.planned_seconds for s in build_plan(routine).segments if s.is_rest] == [20, 40]
    assert plank.dose == "2 sets × 20 s hold, 20–30 s rest"
