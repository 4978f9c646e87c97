"""The session pauses as of a moment already past: what a stopped process uses (SIGSTOP)."""

from __future__ import annotations

from bandtimer.domain.plan import build_plan
from bandtimer.domain.session import Session, SessionState
from tests.domain.session_builders import hold


def test_pausing_as_of_a_past_moment_ends_nothing_due_after_it(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30), hold(30))), clock)
    session.start()
    clock.advance(50)  # the first hold ended at 30 s, but nobody asked since 10 s

    session.pause(as_of=clock.now() - 40)

    assert session.state is SessionState.PAUSED
    assert (session.index, session.remaining(), session.records) == (0, 20, [])


def test_as_of_is_kept_within_the_current_segment_and_the_present(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30), hold(30))), clock)
    session.start()
    clock.advance(35)
    session.poll()  # the second hold began at 30 s

    session.pause(as_of=clock.now() - 20)  # before the second hold began: as of its start
    assert (session.index, session.remaining()) == (1, 30)

    session.resume()
    clock.advance(5)
    session.pause(as_of=clock.now() + 100)  # in the future: now
    assert session.remaining() == 25
