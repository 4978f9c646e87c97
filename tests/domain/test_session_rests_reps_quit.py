"""The session: Stretching rests, counting reps, finishing sets and quitting."""

from __future__ import annotations

from bandtimer.domain.events import (
    CountdownTick,
    RepCounted,
    WorkoutFinished,
)
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.routine import Side, Sides
from bandtimer.domain.session import RepProgress, SessionState
from tests.domain.session_builders import K, boundaries, counted, held, hold, only

# -- adjusting a rest --------------------------------------------------------------------------


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
