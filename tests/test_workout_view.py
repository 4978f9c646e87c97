"""`until_change`: the workout screen sleeps until then, so nothing may change sooner."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings

from bandtimer.coach import WorkoutView, describe, until_change
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session, SessionState
from bandtimer.domain.set_kinds import TimedHold
from tests.domain.test_session_properties import routines

NEAR = 1e-4
"""Seconds either side of the moment `until_change` names, where the probes look."""


def shown(session: Session) -> WorkoutView:
    """What the screen shows, less the fractions of the progress bar and of the bar through a
    rep (the screen works out when those move)."""
    view = describe(session)
    count = replace(view.count, fraction=0.0) if view.count is not None else None
    return replace(view, progress=0.0, count=count)


def started(routine: Routine) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    session.poll()
    return session, clock


def plank_routine(plank: Exercise, *, get_ready: int) -> Routine:
    return Routine(name="Plank", exercises=(plank,), timing=Timing(get_ready=get_ready))


def test_a_get_ready_and_the_time_left_change_at_each_whole_second() -> None:
    plank = Exercise("Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(30)))
    session, clock = started(plank_routine(plank, get_ready=5))
    assert until_change(session) == 1.0
    assert describe(session).time_left == "0:35 left"
    clock.advance(0.5)
    assert until_change(session) == 0.5  # 5 turns to 4, and 0:35 to 0:34
    assert describe(session).time_left == "0:35 left"
    clock.advance(0.2)
    assert describe(session).big == "5"
    assert until_change(session) == pytest.approx(0.3)
    clock.advance(0.3)
    assert (describe(session).big, describe(session).time_left) == ("4", "0:34 left")


def test_the_time_left_follows_a_rest_made_longer() -> None:
    plank = Exercise("Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(30)))
    routine = Routine(name="Plank", exercises=(plank,), timing=Timing(get_ready=0))
    session, clock = started(routine)
    clock.advance(31)  # 1 s into the 30 s rest between sets
    session.poll()
    assert describe(session).time_left == "0:59 left"
    session.adjust_rest(+10)
    assert describe(session).time_left == "1:09 left"


def test_nothing_changes_by_itself_while_paused_or_after_the_end() -> None:
    plank = Exercise("Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(5)))
    session, clock = started(plank_routine(plank, get_ready=0))
    session.pause()
    assert until_change(session) is None
    session.resume()
    clock.advance(5)
    session.poll()
    assert session.state is SessionState.FINISHED
    assert until_change(session) is None


@settings(max_examples=60, deadline=None)
@given(routines())
def test_nothing_changes_before_the_moment_it_names(routine: Routine) -> None:
    """Walk a whole workout from one named moment to the next: just before each, the screen
    would show what it showed and no event is due; the moment itself is never in the past."""
    session, clock = started(routine)
    for _ in range(5000):
        if session.state.is_over:
            break
        wait = until_change(session)
        if wait is None:
            assert session.current.set_kind.counted_by_hand
            session.count_rep()
            session.poll()
            continue
        assert wait > 0
        before = shown(session)
        if wait > 2 * NEAR:
            clock.advance(wait - NEAR)
            assert session.poll() == []
            assert shown(session) == before
            clock.advance(2 * NEAR)
        else:
            clock.advance(wait + NEAR)
        session.poll()
    assert session.state.is_over


def test_an_exercises_notes_show_while_getting_ready_for_it_not_during_its_sets() -> None:
    plank = Exercise(
        "Plank", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(30)),
        notes="Injured side only.",
    )  # fmt: skip
    session, clock = started(plank_routine(plank, get_ready=5))
    assert describe(session).notes == "Injured side only."
    clock.advance(5)
    session.poll()
    assert describe(session).phase == "HOLD"
    assert describe(session).notes == ""
