"""The session walking a plan against a clock the test moves by hand.

Every expected time is worked out by hand from the routine in the test; the clock starts at
1000.0 (see conftest), so an event due 12 s into the workout is stamped 1012.0.
"""

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
    WorkoutFinished,
)
from bandtimer.domain.plan import SegmentKind, build_plan
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.routine import Exercise, IntRange, Side, Sides
from bandtimer.domain.session import RepProgress, Session, SessionState

K = SegmentKind


def only(events, *types):
    return [event for event in events if isinstance(event, types)]


def boundaries(events):
    """(event type, segment index, time) of the segment starts and ends, in order."""
    return [
        (type(event).__name__, event.segment.index, event.at)
        for event in only(events, SegmentStarted, SegmentEnded)
    ]


def held(reps, hold, *, sets=1, sides=Sides.BOTH, name="Bridge"):
    return Exercise(
        name,
        sets=IntRange.exactly(sets),
        reps=IntRange.exactly(reps) if isinstance(reps, int) else IntRange(*reps),
        hold=IntRange.exactly(hold),
        sides=sides,
    )


def counted(reps, *, sets=1, sides=Sides.BOTH, name="Monster walk"):
    return Exercise(
        name,
        sets=IntRange.exactly(sets) if isinstance(sets, int) else IntRange(*sets),
        reps=IntRange(*reps),
        sides=sides,
    )


def hold(seconds, *, sets=1, name="Plank"):
    return Exercise(name, sets=IntRange.exactly(sets), hold=IntRange.exactly(seconds))


# -- before and at the start -----------------------------------------------------------------


def test_nothing_happens_before_start(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30), get_ready=10)), clock)
    clock.advance(50)

    session.pause()
    session.skip()
    session.back()
    session.quit()
    assert session.adjust_rest(10) is False
    assert session.count_rep() is False
    assert session.finish_set() is False
    assert session.poll() == []
    assert session.state is SessionState.NOT_STARTED
    assert session.records == []
    assert session.remaining() == 10


def test_start_begins_the_first_segment_at_once_and_only_once(make_routine, clock):
    plan = build_plan(make_routine(hold(30), get_ready=10))
    session = Session(plan, clock)

    session.start()
    assert session.state is SessionState.RUNNING
    assert session.started_at == 1000.0
    assert session.poll() == [SegmentStarted(plan[0], at=1000.0)]

    clock.advance(3)
    session.start()
    assert session.poll() == []
    assert session.remaining() == 7


def test_poll_moves_on_at_each_deadline(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30, sets=2), get_ready=10, rest_between_sets=20))
    # 0 get ready [0, 10), 1 hold [10, 40), 2 rest [40, 60), 3 hold [60, 90)

    clock.advance(9.5)
    assert boundaries(session.poll()) == []
    assert session.remaining() == 0.5

    clock.advance(0.5)
    assert boundaries(session.poll()) == [("SegmentEnded", 0, 1010), ("SegmentStarted", 1, 1010)]
    assert session.current.kind is K.HOLD
    assert session.remaining() == 30

    clock.advance(35)
    assert boundaries(session.poll()) == [("SegmentEnded", 1, 1040), ("SegmentStarted", 2, 1040)]
    assert session.remaining() == 15


# -- pause and resume --------------------------------------------------------------------------


def test_a_pause_never_eats_hold_time(make_routine, start_session, clock):
    """Pausing for 100 s in the middle of a 30 s hold leaves exactly the time it had left."""
    session = start_session(make_routine(hold(30), hold(20, name="Side plank")))
    clock.advance(12)
    session.poll()

    session.pause()
    clock.advance(100)
    assert session.poll() == []
    assert session.is_paused
    assert session.remaining() == 18
    assert session.elapsed() == 12

    session.resume()
    assert session.remaining() == 18
    clock.advance(17.5)
    session.poll()
    assert session.remaining() == 0.5
    assert session.index == 0

    clock.advance(0.5)
    ended = only(session.poll(), SegmentEnded)
    assert [event.at for event in ended] == [1130.0]
    assert session.records == [
        SegmentRecord(
            segment_index=0,
            kind=K.HOLD,
            exercise_name="Plank",
            set_number=1,
            side=None,
            planned_seconds=30,
            actual_seconds=30,
            paused_seconds=100,
            started_at=0,
        )
    ]
    assert session.total_paused == 100
    assert session.remaining() == 20


def test_self_counting_reps_do_not_advance_while_paused(make_routine, start_session, clock):
    session = start_session(make_routine(held(5, 5, name="Bridge"), rep_release=0))
    clock.advance(7)
    session.poll()
    before = session.reps()
    assert before == RepProgress(reps_done=1, rep=2, holding=True, phase_remaining=3.0)

    session.pause()
    clock.advance(60)
    assert session.poll() == []
    assert session.reps() == before

    session.resume()
    clock.advance(3)
    assert only(session.poll(), RepCounted) == [RepCounted(session.current, 2, at=1070.0)]


def test_counting_a_rep_by_hand_is_refused_while_paused(make_routine, start_session, clock):
    session = start_session(make_routine(counted((2, 3))))
    session.pause()

    assert session.count_rep() is False
    assert session.poll() == []
    assert session.reps().reps_done == 0


def test_toggle_pause_pauses_then_resumes(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30)))
    clock.advance(5)

    session.toggle_pause()
    assert session.state is SessionState.PAUSED
    clock.advance(40)
    session.toggle_pause()
    assert session.state is SessionState.RUNNING
    assert session.remaining() == 25
    assert session.total_paused == 40


def test_pausing_twice_keeps_the_first_pause_start(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30)))
    clock.advance(5)
    session.pause()
    clock.advance(5)
    session.pause()
    clock.advance(5)
    session.resume()
    session.resume()

    assert session.total_paused == 10
    assert session.remaining() == 25


def test_pausing_after_a_deadline_catches_up_first(make_routine, start_session, clock):
    """A pause pressed late does not freeze a segment that was already over."""
    session = start_session(make_routine(hold(30), hold(20, name="Side plank")))
    clock.advance(35)

    session.pause()
    assert session.index == 1
    assert session.remaining() == 15
    assert session.records[0].actual_seconds == 30


# -- skip and back -----------------------------------------------------------------------------


def test_skip_leaves_a_hold_now_and_records_it_as_skipped(make_routine, start_session, clock):
    routine = make_routine(hold(30), hold(20, name="Side plank"), rest_between_exercises=15)
    session = start_session(routine)
    clock.advance(12)

    session.skip()
    events = session.poll()
    assert boundaries(events) == [("SegmentEnded", 0, 1012), ("SegmentStarted", 1, 1012)]
    assert session.records[0].actual_seconds == 12
    assert session.records[0].skipped is True
    assert session.current.kind is K.REST_BETWEEN_EXERCISES
    assert session.remaining() == 15


def test_skip_at_the_first_segment_starts_the_second(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30), get_ready=10))
    clock.advance(2)

    session.skip()
    assert boundaries(session.poll()) == [("SegmentEnded", 0, 1002), ("SegmentStarted", 1, 1002)]
    assert session.current.kind is K.HOLD
    assert session.remaining() == 30
    assert session.records[0].kind is K.GET_READY
    assert session.records[0].skipped is True


def test_skip_at_the_last_segment_finishes_the_workout(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30), get_ready=10))
    session.skip()
    assert session.index == 1
    clock.advance(4)

    session.skip()
    events = session.poll()
    assert session.state is SessionState.FINISHED
    assert session.finished_at == 1004
    assert only(events, WorkoutFinished) == [WorkoutFinished(completed=True, at=1004.0)]
    assert [(r.segment_index, r.actual_seconds, r.skipped) for r in session.records] == [
        (0, 0, True),
        (1, 4, True),
    ]


def test_skip_while_paused_starts_the_next_segment_paused(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30), hold(20, name="Side plank")))
    clock.advance(5)
    session.pause()
    clock.advance(10)

    session.skip()
    clock.advance(50)
    assert session.is_paused
    assert session.index == 1
    assert session.remaining() == 20
    assert boundaries(session.poll()) == [("SegmentEnded", 0, 1015), ("SegmentStarted", 1, 1015)]

    session.resume()
    clock.advance(20)
    session.poll()
    assert [(r.actual_seconds, r.paused_seconds) for r in session.records] == [(5, 10), (20, 50)]
    assert session.total_paused == 60
    assert session.state is SessionState.FINISHED


def test_skipping_a_set_whose_reps_are_in_range_is_not_a_skip(make_routine, start_session):
    session = start_session(make_routine(counted((8, 10))))
    for _ in range(8):
        session.count_rep()

    session.skip()
    assert session.records[0].reps_done == 8
    assert session.records[0].skipped is False


def test_back_at_the_first_segment_restarts_it(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30), get_ready=10))
    clock.advance(4)

    session.back()
    events = session.poll()
    assert session.index == 0
    assert session.remaining() == 10
    assert boundaries(events) == [("SegmentEnded", 0, 1004), ("SegmentStarted", 0, 1004)]
    assert [(r.segment_index, r.actual_seconds, r.skipped) for r in session.records] == [
        (0, 4, True)
    ]

    clock.advance(10)
    assert boundaries(session.poll()) == [("SegmentEnded", 0, 1014), ("SegmentStarted", 1, 1014)]


def test_back_goes_to_the_previous_segment_and_gives_it_its_full_time(
    make_routine, start_session, clock
):
    session = start_session(make_routine(hold(30, sets=2), get_ready=10, rest_between_sets=20))
    clock.advance(45)  # 5 s into the rest (segment 2)
    session.poll()

    session.back()
    assert session.index == 1
    assert session.remaining() == 30
    assert session.records[-1] == SegmentRecord(
        segment_index=2,
        kind=K.REST_BETWEEN_SETS,
        exercise_name="Plank",
        set_number=2,
        side=None,
        planned_seconds=20,
        actual_seconds=5,
        paused_seconds=0,
        started_at=40,
        skipped=True,
    )


def test_back_at_the_last_segment_goes_to_the_one_before(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30, sets=2), rest_between_sets=20))
    clock.advance(60)
    session.poll()
    assert session.index == 2

    session.back()
    assert session.index == 1
    assert session.current.kind is K.REST_BETWEEN_SETS
    assert session.remaining() == 20
    assert session.state is SessionState.RUNNING


# -- adjusting a rest --------------------------------------------------------------------------


@pytest.fixture
def two_planks(make_routine):
    """0 hold [0, 30), 1 rest [30, 50), 2 hold [50, 80)."""
    return make_routine(hold(30, sets=2), rest_between_sets=20)


def test_adding_ten_seconds_to_a_rest(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(35)
    session.poll()

    assert session.adjust_rest(10) is True
    assert session.remaining() == 25
    clock.advance(24)
    assert boundaries(session.poll()) == []
    clock.advance(1)
    assert boundaries(session.poll()) == [("SegmentEnded", 1, 1060), ("SegmentStarted", 2, 1060)]
    assert session.records[-1].actual_seconds == 30
    assert session.records[-1].planned_seconds == 20


def test_taking_ten_seconds_off_a_rest(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(35)
    session.poll()

    assert session.adjust_rest(-10) is True
    assert session.remaining() == 5
    clock.advance(5)
    assert boundaries(session.poll()) == [("SegmentEnded", 1, 1040), ("SegmentStarted", 2, 1040)]


def test_taking_off_more_than_is_left_ends_the_rest_now(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(45)  # 5 s of the rest left
    session.poll()

    assert session.adjust_rest(-10) is True
    assert boundaries(session.poll()) == [("SegmentEnded", 1, 1045), ("SegmentStarted", 2, 1045)]
    assert session.records[-1].actual_seconds == 15
    assert session.remaining() == 30


def test_only_pauses_can_be_adjusted(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(10)

    assert session.adjust_rest(10) is False
    assert session.adjust_rest(-10) is False
    assert session.remaining() == 20


def test_get_ready_and_switch_sides_are_pauses_too(make_routine, start_session, clock):
    routine = make_routine(held(1, 5, sides=Sides.EACH), get_ready=10, switch_sides=5)
    session = start_session(routine)

    assert session.adjust_rest(10) is True
    assert session.remaining() == 20
    clock.advance(25)  # 20 s get ready, 5 s right side
    session.poll()
    assert session.current.kind is K.SWITCH_SIDES
    assert session.adjust_rest(-10) is True  # 5 s switch, none of it used: it ends now
    assert (session.current.kind, session.current.side) == (K.REPS, Side.LEFT)
    assert session.remaining() == 5
    assert [(r.kind, r.actual_seconds) for r in session.records] == [
        (K.GET_READY, 20),
        (K.REPS, 5),
        (K.SWITCH_SIDES, 0),
    ]


def test_adding_time_re_arms_the_countdown(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(48)  # 2 s of the rest left: 3 and 2 have sounded
    ticks = only(session.poll(), CountdownTick)
    assert [(t.segment.index, t.seconds_left, t.at) for t in ticks] == [
        (0, 3, 1027),
        (0, 2, 1028),
        (0, 1, 1029),
        (1, 3, 1047),
        (1, 2, 1048),
    ]

    session.adjust_rest(10)
    clock.advance(12)
    ticks = only(session.poll(), CountdownTick)
    assert [(t.seconds_left, t.at) for t in ticks] == [(3, 1057), (2, 1058), (1, 1059)]


def test_shortening_a_rest_does_not_replay_the_ticks_it_jumped_over(
    two_planks, start_session, clock
):
    session = start_session(two_planks)
    clock.advance(37.5)  # 12.5 s of the rest left
    session.poll()

    session.adjust_rest(-10)  # 2.5 s left, ending at 1040: the 3 (at 1037) is in the past
    clock.advance(2.5)
    ticks = only(session.poll(), CountdownTick)
    assert [(t.seconds_left, t.at) for t in ticks] == [(2, 1038), (1, 1039)]


def test_adjusting_a_paused_rest(two_planks, start_session, clock):
    session = start_session(two_planks)
    clock.advance(35)
    session.poll()
    session.pause()

    assert session.adjust_rest(10) is True
    clock.advance(100)
    assert session.remaining() == 25

    assert session.adjust_rest(-10) is True
    assert session.adjust_rest(-10) is True
    assert session.remaining() == 5
    assert session.adjust_rest(-10) is True
    assert session.remaining() == 0
    assert session.index == 1  # nothing moves on while paused

    session.resume()
    assert boundaries(session.poll()) == [("SegmentEnded", 1, 1135), ("SegmentStarted", 2, 1135)]
    assert session.records[-1].actual_seconds == 5
    assert session.records[-1].paused_seconds == 100


# -- reps counted by hand and finishing a set --------------------------------------------------


def test_a_counted_set_ends_itself_at_the_top_of_its_range(make_routine, start_session, clock):
    session = start_session(make_routine(counted((8, 10), sets=2), rest_between_sets=30))
    segment = session.current

    events = []
    for _ in range(10):
        clock.advance(2)
        assert session.count_rep() is True
        events += session.poll()

    assert only(events, RepCounted) == [
        RepCounted(segment, reps, at=1000.0 + 2 * reps) for reps in range(1, 11)
    ]
    assert boundaries(events) == [("SegmentEnded", 0, 1020), ("SegmentStarted", 1, 1020)]
    assert session.records[0].reps_done == 10
    assert session.records[0].actual_seconds == 20
    assert session.records[0].skipped is False
    assert session.current.kind is K.REST_BETWEEN_SETS


def test_a_counted_set_has_no_deadline(make_routine, start_session, clock):
    session = start_session(make_routine(counted((8, 10))))
    clock.advance(1000)

    assert boundaries(session.poll()) == []
    assert session.remaining() is None
    assert session.elapsed() == 1000
    session.count_rep()
    session.count_rep()
    session.count_rep()
    assert session.reps() == RepProgress(reps_done=3, rep=4, holding=False, phase_remaining=None)


def test_finish_set_is_refused_below_the_range_and_allowed_inside_it(
    make_routine, start_session, clock
):
    session = start_session(make_routine(counted((8, 10))))
    for _ in range(7):
        session.count_rep()

    assert session.finish_set() is False
    assert session.state is SessionState.RUNNING
    assert session.records == []

    session.count_rep()
    clock.advance(3)
    assert session.finish_set() is True
    assert session.state is SessionState.FINISHED
    assert session.records[0].reps_done == 8
    assert session.records[0].skipped is False
    assert session.records[0].actual_seconds == 3


def test_finish_set_on_held_reps_once_the_low_end_is_held(make_routine, start_session, clock):
    session = start_session(make_routine(held((3, 5), 5), rep_release=0))
    clock.advance(14.5)  # two reps held, the third nearly

    assert session.finish_set() is False
    clock.advance(0.5)
    assert session.finish_set() is True
    assert session.records[0].reps_done == 3
    assert session.records[0].actual_seconds == 15


def test_count_rep_and_finish_set_are_refused_outside_counted_sets(
    two_planks, start_session, clock
):
    session = start_session(two_planks)
    assert session.count_rep() is False
    assert session.finish_set() is False
    clock.advance(35)
    assert session.count_rep() is False
    assert session.finish_set() is False
    assert only(session.poll(), RepCounted) == []
    assert session.index == 1


def test_count_rep_is_refused_for_reps_that_count_themselves(make_routine, start_session):
    session = start_session(make_routine(held(3, 5)))

    assert session.count_rep() is False
    assert session.reps().reps_done == 0


# -- quitting ----------------------------------------------------------------------------------


def test_quit_records_the_partial_segment_and_finishes_once(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30, sets=2), rest_between_sets=20))
    clock.advance(12)

    session.quit()
    events = session.poll()
    assert session.state is SessionState.QUIT
    assert session.finished_at == 1012
    assert only(events, WorkoutFinished) == [WorkoutFinished(completed=False, at=1012.0)]
    assert session.records == [
        SegmentRecord(
            segment_index=0,
            kind=K.HOLD,
            exercise_name="Plank",
            set_number=1,
            side=None,
            planned_seconds=30,
            actual_seconds=12,
            paused_seconds=0,
            started_at=0,
            skipped=True,
        )
    ]

    clock.advance(100)
    session.quit()
    session.skip()
    session.resume()
    assert session.poll() == []
    assert len(session.records) == 1
    assert session.remaining() == 18


def test_quit_while_paused_keeps_the_paused_time(make_routine, start_session, clock):
    session = start_session(make_routine(hold(30)))
    clock.advance(12)
    session.pause()
    clock.advance(50)

    session.quit()
    assert (session.records[0].actual_seconds, session.records[0].paused_seconds) == (12, 50)
    assert session.total_paused == 50


def test_quit_in_a_set_whose_reps_are_in_range_keeps_the_reps(make_routine, start_session):
    session = start_session(make_routine(counted((8, 10))))
    for _ in range(9):
        session.count_rep()

    session.quit()
    assert session.records[0].reps_done == 9
    assert session.records[0].skipped is False


# -- a range of sets on each side --------------------------------------------------------------


def test_each_side_with_a_range_of_sets_runs_three_sets_right_then_left(
    make_routine, start_session, clock, clamshell_each_side
):
    routine = make_routine(clamshell_each_side, switch_sides=5, rest_between_sets=30)
    session = start_session(routine)

    for _ in range(len(session.plan)):
        if session.current.is_rest:
            clock.advance(session.remaining())
        else:
            for _ in range(9):
                session.count_rep()
            assert session.finish_set() is False  # 9 is below 10–12
            session.count_rep()
            assert session.finish_set() is True
        session.poll()
    done = session.records

    work = [(r.set_number, r.side, r.reps_done) for r in done if r.kind is K.REPS]
    assert work == [
        (1, Side.RIGHT, 10),
        (1, Side.LEFT, 10),
        (2, Side.RIGHT, 10),
        (2, Side.LEFT, 10),
        (3, Side.RIGHT, 10),
        (3, Side.LEFT, 10),
    ]
    assert [r.kind for r in done if r.kind is not K.REPS] == [
        K.SWITCH_SIDES,
        K.REST_BETWEEN_SETS,
        K.SWITCH_SIDES,
        K.REST_BETWEEN_SETS,
        K.SWITCH_SIDES,
    ]
    assert session.state is SessionState.FINISHED


# -- stalls ------------------------------------------------------------------------------------


@pytest.fixture
def mixed_routine(make_routine):
    """Every kind of timed segment, 233 s in all.

    0 get ready 10, 1 plank 30, 2 rest 20, 3 plank 30, 4 rest 45, 5 bridge right 19
    (3 × 5 s held, 2 s between), 6 switch 5, 7 bridge left 19, 8 rest 45, 9 squats 10 (4 × 2.5 s).
    """
    squat = Exercise("Squat", sets=IntRange.exactly(1), reps=IntRange.exactly(4), tempo=2.5)
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


def test_long_held_reps_get_a_countdown_and_a_halfway_each(make_routine, start_session, clock):
    session = start_session(make_routine(held(2, 20), rep_release=2))
    events = []
    for _ in range(84):
        clock.advance(0.5)
        events += session.poll()

    # rep 1 holds [0, 20), releases [20, 22); rep 2 holds [22, 42).
    assert [(type(e).__name__, e.at - 1000) for e in events] == [
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


def test_events_after_a_stall_come_in_the_order_they_were_due(make_routine, start_session, clock):
    """One poll after a whole set of long held reps still reports halfway before the rep."""
    session = start_session(make_routine(held(2, 20), rep_release=2))
    clock.advance(100)
    events = session.poll()

    # The same cues as steady polling gives (see the test above), in the same order.
    assert [(type(e).__name__, e.at - 1000) for e in events] == [
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


def test_tempo_reps_count_themselves(make_routine, start_session, clock):
    squat = Exercise("Squat", sets=IntRange.exactly(1), reps=IntRange(3, 4), tempo=2.5)
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
    squat = Exercise("Squat", sets=IntRange.exactly(1), reps=IntRange.exactly(3), tempo=tempo)
    session = start_session(make_routine(squat))

    clock.advance(session.current.planned_seconds)
    events = session.poll()
    assert [e.reps_done for e in only(events, RepCounted)] == [1, 2, 3]
    assert session.state is SessionState.FINISHED
    assert session.finished_at == pytest.approx(1000 + 3 * tempo)
