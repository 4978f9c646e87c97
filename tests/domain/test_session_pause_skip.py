"""The session: Starting, pausing and moving between segments."""

from __future__ import annotations

from bandtimer.domain.events import (
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    WorkoutFinished,
)
from bandtimer.domain.plan import build_plan
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.session import RepProgress, Session, SessionState
from tests.domain.session_builders import K, boundaries, counted, held, hold, only

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
