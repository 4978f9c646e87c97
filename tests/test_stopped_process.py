"""A stopped process (SIGSTOP, ctrl+z) pauses the workout as of when it was last seen.

On a fake clock: the screen calls `seen()` as it draws, the app calls `went_on()` on SIGCONT and
`check()` before the session is next asked anything.
The real signal, in a real process, is in tests/robustness/test_signals.py.
"""

from __future__ import annotations

from bandtimer.coach.stopped_process import STOP_GAP_SECONDS, StopWatch
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session, SessionState
from bandtimer.domain.set_kinds import TimedHold

PLANKS = Routine(
    "Planks",
    (Exercise("Plank", IntRange.exactly(2), kind=TimedHold(IntRange.exactly(30))),),
    timing=Timing(get_ready=0, rest_between_sets=10),
)


def started() -> tuple[Session, StopWatch, FakeClock]:
    clock = FakeClock()
    session = Session(build_plan(PLANKS), clock)
    session.start()
    return session, StopWatch(session), clock


def test_a_long_stop_pauses_as_of_the_last_frame_and_counts_nothing_unseen():
    session, watch, clock = started()
    clock.advance(10)
    session.poll()
    watch.seen(clock.now())
    clock.advance(45)  # stopped: the hold's 30 s and the rest pass unseen

    watch.went_on()
    assert watch.check() == 45
    assert session.state is SessionState.PAUSED
    assert session.poll() == []
    assert session.index == 0 and session.records == []
    assert session.remaining() == 20
    clock.advance(5)
    session.resume()
    clock.advance(20)
    session.poll()
    [hold] = session.records
    assert (hold.actual_seconds, hold.paused_seconds) == (30, 50)


def test_a_short_gap_is_an_ordinary_stall_and_the_session_catches_up():
    session, watch, clock = started()
    watch.seen(clock.now())
    clock.advance(STOP_GAP_SECONDS)

    watch.went_on()
    assert watch.check() is None
    assert session.state is SessionState.RUNNING


def test_a_workout_already_paused_or_never_seen_running_is_left_as_it_is():
    session, watch, clock = started()
    assert watch.check() is None  # the process never stopped
    watch.went_on()
    assert watch.check() is None  # not drawn yet
    session.pause()
    watch.seen(clock.now())
    clock.advance(60)
    watch.went_on()
    assert watch.check() is None
    assert session.state is SessionState.PAUSED
    assert session.remaining() == 30
