"""Routines built in code and a session started on a clock the test moves by hand.

The fixtures return builders rather than fixed objects so each test spells out the numbers it
asserts on; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Sides, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import CountedReps, TimedHold
from tests.domain.session_builders import hold

START = 1000.0
"""Where every test clock starts; events and records are checked against it."""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=START)


@pytest.fixture
def make_routine() -> Callable[..., Routine]:
    """`make_routine(*exercises, get_ready=..., ...)`: timing not given is 0, so no pause
    appears unless the test asks for it."""

    def build(*exercises: Exercise, **timing: int) -> Routine:
        quiet = {
            "get_ready": 0,
            "rest_between_sets": 0,
            "rest_between_exercises": 0,
            "switch_sides": 0,
            "rep_release": 0,
        }
        return Routine(name="Test routine", exercises=exercises, timing=Timing(**quiet | timing))

    return build


@pytest.fixture
def start_session(clock: FakeClock) -> Callable[[Routine], Session]:
    """Plan a routine, start a session on the test's clock and drop the opening events."""

    def start(routine: Routine) -> Session:
        session = Session(build_plan(routine), clock)
        session.start()
        session.poll()
        return session

    return start


@pytest.fixture
def clamshell_each_side() -> Exercise:
    """Both sides, a range of sets and a range of counted reps: the awkward case for a plan."""
    return Exercise(
        name="Clamshell",
        sets=IntRange(3, 5),
        kind=CountedReps(IntRange(10, 12)),
        sides=Sides.EACH,
    )


@pytest.fixture
def plank_hold() -> Exercise:
    """A 30-second timed hold (the low end of 30–45), two sets."""
    return Exercise(name="Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange(30, 45)))


@pytest.fixture
def two_planks(make_routine):
    """0 hold [0, 30), 1 rest [30, 50), 2 hold [50, 80)."""
    return make_routine(hold(30, sets=2), rest_between_sets=20)
