"""The session: Stalls, the events a session emits, and where it stands in time."""

from __future__ import annotations

import pytest

from bandtimer.domain.events import (
    CountdownTick,
    Halfway,
    RepCounted,
    RepStarted,
    SegmentEnded,
    SegmentStarted,
    SidesSwitched,
    TenSecondsLeft,
    WorkoutFinished,
)
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Side, Sides
from bandtimer.domain.session import RepProgress, Session, SessionState
from bandtimer.domain.set_kinds import TempoReps, TimedHold
from tests.domain.session_builders import K, boundaries, counted, held, hold, only

# -- stalls ------------------------------------------------------------------------------------


@pytest.fixture
def mixed_routine(make_routine):
    """Every kind of timed segment, 233 s in all.

    0 get ready 10, 1 plank 30, 2 rest 20, 3 plank 30, 4 rest 45, 5 bridge right 19
    (3 × 5 s held, 2 s between), 6 switch 5, 7 bridge left 19, 8 rest 45, 9 squats 10 (4 × 2.5 s).
    """
    squat = Exercise("Squat", sets=IntRange.exactly(1), kind=TempoReps(IntRange.exactly(4), 2.5))
    return make_routine(
        hold(30, sets=2),
        held(3, 5, sides=Sides.EACH),
        squat,
        get_ready=10,
        rest_between_sets=20,
        rest_between_exercises=45,
        switch_sides=5,
        rep_release=2,
    )


MIXED_PLANNED = [10, 30, 20, 30, 45, 19, 5, 19, 45, 10]


def test_one_poll_after_a_long_stall_ends_every_segment_at_its_own_deadline(
    mixed_routine, start_session, clock
):
    session = start_session(mixed_routine)
    clock.advance(600)
    events = session.poll()

    starts = [0, 10, 40, 60, 90, 135, 154, 159, 178, 223]
    assert [r.planned_seconds for r in session.records] == MIXED_PLANNED
    assert [r.actual_seconds for r in session.records] == MIXED_PLANNED
    assert [r.started_at for r in session.records] == starts
    assert not any(r.skipped or r.paused_seconds for r in session.records)
    assert [r.reps_done for r in session.records] == [None] * 5 + [3, None, 3, None, 4]
    assert [e.at for e in only(events, SegmentStarted)] == [1000 + s for s in starts[1:]]
    assert only(events, WorkoutFinished) == [WorkoutFinished(completed=True, at=1233.0)]
    assert session.finished_at == 1233
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_a_stall_does_not_shift_what_comes_after(make_routine, start_session, clock):
    """After a 600 s stall the countdown is where it would be had nothing stalled."""
    routine = make_routine(hold(60, sets=10), get_ready=10, rest_between_sets=30)
    stalled = start_session(routine)
    clock.advance(600)
    stalled.poll()

    # 10 + 6 × (60 + 30) = 550: 50 s into the seventh hold, segment 13.
    assert stalled.index == 13
    assert stalled.current.set_number == 7
    assert stalled.remaining() == 10
    clock.advance(4)
    stalled.poll()
    assert stalled.remaining() == 6


def test_a_stall_and_steady_polling_give_the_same_records(make_routine, clock):
    routine = make_routine(hold(60, sets=10), get_ready=10, rest_between_sets=30)
    stalled = Session(build_plan(routine), clock)
    steady = Session(build_plan(routine), clock)
    stalled.start()
    steady.start()

    for _ in range(2400):  # 600 s polled 4 times a second
        clock.advance(0.25)
        steady.poll()
    stalled.poll()

    assert stalled.records == steady.records
    assert stalled.remaining() == steady.remaining() == 10


def test_a_stall_stops_at_a_set_counted_by_hand(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30), counted((8, 10)), rest_between_exercises=20))
    clock.advance(600)

    assert boundaries(session.poll()) == [
        ("SegmentEnded", 0, 1030),
        ("SegmentStarted", 1, 1030),
        ("SegmentEnded", 1, 1050),
        ("SegmentStarted", 2, 1050),
    ]
    assert session.current.kind is K.REPS
    assert session.elapsed() == 550


# -- events ------------------------------------------------------------------------------------


def test_three_two_one_before_a_hold_and_a_rest_end(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(50)
    ticks = only(session.poll(), CountdownTick)

    assert [(t.segment.index, t.seconds_left, t.at) for t in ticks] == [
        (0, 3, 1027),
        (0, 2, 1028),
        (0, 1, 1029),
        (1, 3, 1047),
        (1, 2, 1048),
        (1, 1, 1049),
    ]


@pytest.mark.parametrize(("seconds", "halfway_at"), [(20, [1010.0]), (45, [1022.5]), (19, [])])
def test_halfway_only_for_holds_of_twenty_seconds_or_more(
    make_routine, start_session, clock, seconds, halfway_at
):
    session = start_session(make_routine(hold(seconds)))
    clock.advance(seconds)

    assert [e.at for e in only(session.poll(), Halfway)] == halfway_at


def test_held_reps_start_and_count_each_rep(make_routine, clock):
    routine = make_routine(held(3, 5), rep_release=2)
    session = Session(build_plan(routine), clock)
    segment = session.plan[0]
    session.start()
    events = []
    for _ in range(19):
        clock.advance(1)
        events += session.poll()

    assert events == [
        SegmentStarted(segment, 1000.0),
        RepStarted(segment, 1, 1000.0),
        RepCounted(segment, 1, 1005.0),
        RepStarted(segment, 2, 1007.0),
        RepCounted(segment, 2, 1012.0),
        RepStarted(segment, 3, 1014.0),
        RepCounted(segment, 3, 1019.0),
        SegmentEnded(segment, session.records[0], 1019.0),
        WorkoutFinished(completed=True, at=1019.0),
    ]


def test_held_rep_progress_between_polls(make_routine, start_session, clock):
    session = start_session(make_routine(held(3, 5), rep_release=2))

    clock.advance(3)
    assert session.reps() == RepProgress(reps_done=0, rep=1, holding=True, phase_remaining=2)
    clock.advance(3)
    assert session.reps() == RepProgress(reps_done=1, rep=1, holding=False, phase_remaining=1)
    clock.advance(1)
    assert session.reps() == RepProgress(reps_done=1, rep=2, holding=True, phase_remaining=5)


TWO_LONG_HELD_REPS = [
    ("Halfway", 10),
    ("CountdownTick", 17),
    ("CountdownTick", 18),
    ("CountdownTick", 19),
    ("RepCounted", 20),
    ("RepStarted", 22),
    ("Halfway", 32),
    ("CountdownTick", 39),
    ("CountdownTick", 40),
    ("CountdownTick", 41),
    ("RepCounted", 42),
    ("SegmentEnded", 42),
    ("WorkoutFinished", 42),
]
"""The cues of two 20 s held reps with a 2 s release, as (event, seconds in): rep 1 holds
[0, 20), releases [20, 22); rep 2 holds [22, 42). Steady polling and one late poll give these."""


def test_long_held_reps_get_a_countdown_and_a_halfway_each(make_routine, start_session, clock):
    session = start_session(make_routine(held(2, 20), rep_release=2))
    events = []
    for _ in range(84):
        clock.advance(0.5)
        events += session.poll()

    assert [(type(e).__name__, e.at - 1000) for e in events] == TWO_LONG_HELD_REPS


def test_events_after_a_stall_come_in_the_order_they_were_due(make_routine, start_session, clock):
    """One poll after a whole set of long held reps still reports halfway before the rep."""
    session = start_session(make_routine(held(2, 20), rep_release=2))
    clock.advance(100)
    events = session.poll()

    assert [(type(e).__name__, e.at - 1000) for e in events] == TWO_LONG_HELD_REPS


def test_tempo_reps_count_themselves(make_routine, start_session, clock):
    squat = Exercise("Squat", sets=IntRange.exactly(1), kind=TempoReps(IntRange(3, 4), 2.5))
    session = start_session(make_routine(squat))
    segment = session.current

    clock.advance(6)
    assert session.reps().reps_done == 2
    clock.advance(4)
    events = session.poll()

    assert only(events, RepCounted) == [
        RepCounted(segment, 1, 1002.5),
        RepCounted(segment, 2, 1005.0),
        RepCounted(segment, 3, 1007.5),
        RepCounted(segment, 4, 1010.0),
    ]
    assert session.records[0].reps_done == 4


def test_sides_switched_at_the_start_of_each_switch(make_routine, start_session, clock):
    routine = make_routine(
        held(1, 5, sets=2, sides=Sides.EACH), switch_sides=5, rest_between_sets=10
    )
    session = start_session(routine)
    # 0 right [0, 5), 1 switch [5, 10), 2 left [10, 15), 3 rest [15, 25), 4 right, 5 switch [30, 35)
    clock.advance(40)
    switched = only(session.poll(), SidesSwitched)

    assert [(e.segment.index, e.side, e.at) for e in switched] == [
        (1, Side.LEFT, 1005),
        (5, Side.LEFT, 1030),
    ]


def test_workout_finished_is_reported_once(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30)))
    clock.advance(30)
    first = only(session.poll(), WorkoutFinished)
    clock.advance(30)
    session.skip()
    session.quit()
    session.pause()

    assert first == [WorkoutFinished(completed=True, at=1030.0)]
    assert session.poll() == []
    assert session.state is SessionState.FINISHED
    assert session.remaining() == 0


def test_progress_counts_planned_time_behind_us(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30, sets=2)))
    clock.advance(15)
    assert session.progress() == 0.25
    clock.advance(30)
    session.poll()
    assert session.progress() == 0.75
    clock.advance(15)
    session.poll()
    assert session.progress() == 1.0


@pytest.mark.parametrize("tempo", [3.3, 1.2, 0.7])
def test_a_set_ends_when_the_clock_reaches_its_planned_seconds(
    make_routine, start_session, clock, tempo
):
    """3 × 3.3 s is 9.899999999999999 in floats; reaching it must end the set, not leave
    a few femtoseconds on the clock with the last rep shown done but never reported."""
    squat = Exercise("Squat", sets=IntRange.exactly(1), kind=TempoReps(IntRange.exactly(3), tempo))
    session = start_session(make_routine(squat))

    clock.advance(session.current.planned_seconds)
    events = session.poll()
    assert [e.reps_done for e in only(events, RepCounted)] == [1, 2, 3]
    assert session.state is SessionState.FINISHED
    assert session.finished_at == pytest.approx(1000 + 3 * tempo)


def test_start_from_a_later_segment_picks_up_an_interrupted_workout(clock, make_routine) -> None:
    routine = make_routine(
        Exercise("Plank", IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20))),
        rest_between_sets=10,
    )
    plan = build_plan(routine)
    session = Session(plan, clock)
    session.start(from_index=2)
    assert session.index == 2
    assert session.remaining() == 20
    clock.advance(20)
    session.poll()
    assert session.state is SessionState.FINISHED
    assert [record.segment_index for record in session.records] == [2]
    with pytest.raises(ValueError):
        Session(plan, clock).start(from_index=3)


def test_until_next_event_is_the_next_cue_or_the_end_of_the_segment(
    make_routine, start_session, clock
):
    session = start_session(make_routine(hold(45), rest_between_sets=20))
    assert session.until_next_event() == 22.5  # halfway
    clock.advance(22.5)
    assert session.until_next_event() == 0  # due, not yet handed over
    assert only(session.poll(), Halfway)
    assert session.until_next_event() == 12.5  # ten seconds left
    clock.advance(12.5)
    assert [event.at for event in only(session.poll(), TenSecondsLeft)] == [1035]
    assert session.until_next_event() == 7  # the 3 of 3-2-1
    clock.advance(9)
    session.poll()
    assert session.until_next_event() == 1  # the end
    session.pause()
    assert session.until_next_event() is None
    session.resume()
    clock.advance(1)
    session.poll()
    assert session.until_next_event() is None  # over


def test_until_next_event_in_a_set_counted_by_hand_is_none(make_routine, start_session, clock):
    session = start_session(make_routine(counted((3, 5))))
    clock.advance(2)
    assert session.until_next_event() is None


def test_until_next_event_follows_reps_that_count_themselves(make_routine, start_session, clock):
    squat = Exercise("Squat", sets=IntRange.exactly(1), kind=TempoReps(IntRange.exactly(3), 2.5))
    session = start_session(make_routine(squat))
    clock.advance(1)
    assert session.until_next_event() == 1.5
    clock.advance(1.5)
    session.poll()
    assert session.until_next_event() == 2.5
