"""What a workout amounts to at the end: sessions driven by a fake clock, then summarised."""

from __future__ import annotations

import pytest

from bandtimer.coach import describe_dose
from bandtimer.domain.plan import SegmentKind, build_plan
from bandtimer.domain.routine import Exercise, IntRange, Sides
from bandtimer.domain.session import Session, SessionState
from bandtimer.domain.set_kinds import CountedReps, TempoReps, TimedHold
from bandtimer.domain.summary import SetResult, summarize


@pytest.fixture
def side_plank() -> Exercise:
    """A 30-second hold (low end of 30–45), two sets, each side."""
    return Exercise(
        "Side plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange(30, 45)), sides=Sides.EACH
    )


@pytest.fixture
def bridge() -> Exercise:
    """Reps paced at 2 s each, so a set of 12 lasts 24 s and counts itself."""
    return Exercise("Bridge", sets=IntRange(2, 3), kind=TempoReps(IntRange(10, 12), 2.0))


@pytest.fixture
def clamshell() -> Exercise:
    """Reps counted by hand, 10–12, two sets."""
    return Exercise("Clamshell", sets=IntRange.exactly(2), kind=CountedReps(IntRange(10, 12)))


def finish(session, clock):
    """Let the clock run past the end of whatever is left."""
    clock.advance(session.plan.total_seconds + 1000)
    session.poll()


def test_a_full_run_matches_the_plan(make_routine, start_session, clock, side_plank, bridge):
    routine = make_routine(
        side_plank,
        bridge,
        get_ready=5,
        rest_between_sets=10,
        switch_sides=5,
        rest_between_exercises=15,
    )
    session = start_session(routine)
    clock.advance(session.plan.total_seconds)
    session.poll()
    assert session.state is SessionState.FINISHED

    summary = summarize(session)

    # 5 ready + 2 × (30 + 5 + 30) + 10 rest + 15 + 2 × 24 + 10 rest
    assert summary.planned_seconds == 5 + 130 + 10 + 15 + 48 + 10
    assert summary.routine_name == "Test routine"
    assert summary.completed is True
    assert summary.total_seconds == summary.planned_seconds
    assert summary.active_seconds == summary.planned_seconds
    assert summary.paused_seconds == 0

    plank, bridges = summary.exercises
    assert (plank.number, plank.name, plank.planned_sets) == (1, "Side plank", 2)
    assert describe_dose(plank.exercise) == "2 sets × 30–45 s hold, each side"
    assert plank.sides == ("right", "left")
    assert plank.sets_done == (2, 2)
    assert plank.holds == ((30, 30), (30, 30))
    assert plank.reps == ((), ())
    assert (plank.planned_hold, plank.planned_reps, plank.is_timed_hold) == (30, None, True)
    assert plank.skipped is False

    assert (bridges.number, bridges.planned_sets, bridges.sides) == (2, 2, ("",))
    assert describe_dose(bridges.exercise) == "2–3 sets × 10–12 reps, 2 s a rep"
    assert bridges.sets_done == (2,)
    assert bridges.reps == ((12, 12),)
    assert bridges.holds == ((),)
    assert bridges.planned_reps == IntRange(10, 12)


def test_paused_time_is_counted_apart_from_active_time(make_routine, start_session, clock, bridge):
    session = start_session(make_routine(bridge, rest_between_sets=10))
    clock.advance(7)
    session.pause()
    clock.advance(40)
    session.resume()
    finish(session, clock)

    summary = summarize(session)

    assert summary.paused_seconds == 40
    assert summary.active_seconds == 24 + 10 + 24
    assert summary.total_seconds == summary.active_seconds + summary.paused_seconds
    assert summary.exercises[0].reps == ((12, 12),)


def test_a_skipped_set_is_reached_but_not_done(
    make_routine, start_session, clock, bridge, side_plank
):
    session = start_session(make_routine(bridge, side_plank))
    clock.advance(24)  # bridge set 1, all 12 reps
    session.poll()
    clock.advance(8)  # 4 reps of set 2, short of the range
    session.skip()
    for _ in range(4):  # every side of every plank set
        session.skip()
    assert session.state is SessionState.FINISHED

    bridges, plank = summarize(session).exercises

    assert bridges.sets_done == (1,)
    assert bridges.reps == ((12, 4),)
    assert bridges.results == ((SetResult(1, True, 12, 24.0), SetResult(2, False, 4, 8.0)),)
    assert bridges.skipped is False
    assert plank.sets_done == (0, 0)
    assert plank.holds == ((0, 0), (0, 0))
    assert (plank.skipped, plank.reached) == (True, True)
    assert summarize(session).completed is True


def test_skipping_once_the_reps_are_in_range_counts_the_set(
    make_routine, start_session, clock, bridge
):
    session = start_session(make_routine(bridge))
    clock.advance(20)  # 10 reps: the bottom of 10–12
    session.skip()
    finish(session, clock)

    assert summarize(session).exercises[0].results[0][0] == SetResult(1, True, 10, 20.0)


def test_a_set_done_again_after_back_counts_once(make_routine, start_session, clock):
    bridge_hold = Exercise(
        "Glute bridge hold", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(30))
    )
    session = start_session(make_routine(bridge_hold, rest_between_sets=20))
    clock.advance(30 + 5)  # set 1 held, 5 s into the rest
    session.back()  # set 1 again
    clock.advance(12)
    session.back()  # gave up on it after 12 s: back to the start of set 1 once more
    assert session.index == 0
    finish(session, clock)

    hold_records = [r for r in session.records if r.kind is SegmentKind.HOLD]
    assert [(r.segment_index, r.actual_seconds) for r in hold_records] == [
        (0, 30),
        (0, 12),
        (0, 30),
        (2, 30),
    ]
    summary = summarize(session)
    (exercise,) = summary.exercises
    assert exercise.sets_done == (2,)
    assert exercise.holds == ((30, 30),)
    assert summary.active_seconds == 30 + 5 + 12 + 30 + 20 + 30
    assert summary.total_seconds == summary.active_seconds


def test_going_back_from_a_set_already_in_range_still_counts_it(
    make_routine, start_session, clock, bridge
):
    session = start_session(make_routine(bridge, get_ready=10))
    clock.advance(10 + 22)  # 11 reps, inside 10–12
    session.back()  # to the get ready; the record says skipped
    assert session.records[-1].skipped
    session.quit()

    summary = summarize(session)

    assert summary.completed is False
    assert summary.exercises[0].sets_done == (1,)
    assert summary.exercises[0].reps == ((11,),)


def test_quitting_part_way_keeps_what_was_done(
    make_routine, start_session, clock, side_plank, bridge, clamshell
):
    routine = make_routine(side_plank, bridge, clamshell, switch_sides=5, rest_between_sets=10)
    session = start_session(routine)
    clock.advance(30 + 5 + 30 + 10 + 30)  # set 1 both sides, set 2 right side
    session.poll()
    clock.advance(3)  # left side of set 2, during the switch
    session.pause()
    clock.advance(60)
    session.quit()

    summary = summarize(session)
    plank, bridges, clams = summary.exercises

    assert summary.completed is False
    assert summary.paused_seconds == 60
    assert summary.active_seconds == 108
    assert summary.total_seconds == 168
    assert plank.sets_done == (2, 1)
    assert plank.holds == ((30, 30), (30,))
    assert plank.skipped is False
    for not_reached in (bridges, clams):
        assert (not_reached.reached, not_reached.skipped) == (False, True)
        assert not_reached.sets_done == (0,)
        assert not_reached.reps == ((),)


def test_quitting_in_the_middle_of_a_hold_records_it_as_not_done(
    make_routine, start_session, clock, side_plank
):
    session = start_session(make_routine(side_plank))
    clock.advance(17)
    session.quit()

    (plank,) = summarize(session).exercises

    assert plank.results == ((SetResult(1, False, None, 17.0),), ())
    assert plank.sets_done == (0, 0)
    assert plank.skipped is True


def test_counted_reps_finished_in_range_or_at_the_top(
    make_routine, start_session, clock, clamshell
):
    session = start_session(make_routine(clamshell, rest_between_sets=30))
    for _ in range(11):
        clock.advance(2)
        session.count_rep()
    assert session.finish_set()
    clock.advance(30)  # the rest
    session.poll()
    for _ in range(12):  # the top of the range ends the set by itself
        clock.advance(2)
        session.count_rep()
    assert session.state is SessionState.FINISHED

    summary = summarize(session)
    (clams,) = summary.exercises

    assert clams.sets_done == (2,)
    assert clams.reps == ((11, 12),)
    assert clams.results[0][0].seconds == 22
    assert summary.active_seconds == 22 + 30 + 24


def test_counted_reps_short_of_the_range_cannot_be_finished_and_skip_leaves_them_undone(
    make_routine, start_session, clock, clamshell
):
    session = start_session(make_routine(clamshell))
    for _ in range(9):
        session.count_rep()
    assert not session.finish_set()
    session.skip()
    session.quit()

    (clams,) = summarize(session).exercises

    assert clams.results == ((SetResult(1, False, 9, 0.0), SetResult(2, False, 0, 0.0)),)
    assert clams.skipped is True


@pytest.mark.parametrize("operation", ["nothing", "start"])
def test_a_session_that_is_not_over_cannot_be_summarised(make_routine, clock, bridge, operation):
    session = Session(build_plan(make_routine(bridge)), clock)
    if operation == "start":
        session.start()
    with pytest.raises(ValueError, match="nothing to summarise"):
        summarize(session)


def test_the_totals_add_up_in_whole_seconds(make_routine, start_session, clock, clamshell):
    """The issue's `Total 0:07 · active 0:04 · paused 0:04`: 3.5 s and 3.5 s, each rounded up."""
    session = start_session(make_routine(clamshell, get_ready=5))
    clock.advance(3.5)
    session.poll()
    session.pause()
    clock.advance(3.5)
    session.quit()

    summary = summarize(session)
    totals = summary.totals

    assert (summary.rest_seconds, summary.work_seconds, summary.paused_seconds) == (3.5, 0, 3.5)
    assert totals.total == 7
    assert totals.work + totals.rests + totals.paused == totals.total


def test_work_and_rests_are_told_apart(make_routine, start_session, clock, side_plank):
    session = start_session(make_routine(side_plank, get_ready=5, rest_between_sets=10,
                                         switch_sides=5))
    finish(session, clock)

    summary = summarize(session)

    assert summary.work_seconds == 4 * 30
    assert summary.rest_seconds == 5 + 5 + 10 + 5
    assert summary.totals.total == 4 * 30 + 25
