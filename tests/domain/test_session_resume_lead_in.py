"""A workout picked up where it stopped starts with a get ready, not a 5 s switch of sides."""

from __future__ import annotations

from datetime import UTC, datetime

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import RoutineRef, WorkoutRecord, WorkoutStatus, matches_plan
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine, Sides, Timing
from bandtimer.domain.session import Session
from tests.domain.session_builders import K, held, hold

ROUTINE = Routine(
    "Bridges",
    (held(2, 3, sets=1, sides=Sides.EACH), hold(5, sets=2)),
    timing=Timing(get_ready=0, switch_sides=5, rest_between_sets=5, rest_between_exercises=20),
)
# Plan: 0 bridge right | 1 switch 5 | 2 bridge left | 3 rest 20 | 4 plank | 5 rest 5 | 6 plank


def started(at: int, lead_in: float) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(build_plan(ROUTINE), clock, lead_in=lead_in)
    session.start(at)
    return session, clock


def test_the_switch_of_sides_it_stopped_before_becomes_a_get_ready() -> None:
    session, clock = started(1, lead_in=10)

    assert session.current.kind is K.GET_READY
    assert session.current.side is not None and session.current.side.value == "left"
    assert session.remaining() == 10
    clock.advance(10)
    session.poll()
    assert session.index == 2
    assert session.current is session.plan[2]
    assert session.records[0].kind is K.GET_READY
    assert session.records[0].actual_seconds == 10


def test_a_longer_rest_is_kept_as_long() -> None:
    session, _ = started(3, lead_in=10)

    assert session.current.kind is K.GET_READY
    assert session.remaining() == 20


def test_without_a_lead_in_it_starts_as_planned() -> None:
    session, _ = started(1, lead_in=0)

    assert session.current is session.plan[1]
    assert session.current.kind is K.SWITCH_SIDES


def test_a_record_with_that_get_ready_can_be_resumed_again() -> None:
    session, clock = started(1, lead_in=10)
    clock.advance(10 + 8)
    session.poll()
    when = datetime(2026, 3, 2, 7, tzinfo=UTC)
    record = WorkoutRecord(
        id="abc",
        routine=RoutineRef("Bridges"),
        started=when,
        ended=when,
        status=WorkoutStatus.IN_PROGRESS,
        device="laptop",
        segments=tuple(session.records),
    )
    assert [r.kind for r in record.segments][:1] == [K.GET_READY]
    assert matches_plan(record, build_plan(ROUTINE))
