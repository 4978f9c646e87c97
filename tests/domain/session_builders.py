"""Small routine builders and event filters shared by the session tests."""

from __future__ import annotations

from bandtimer.domain.events import SegmentEnded, SegmentStarted
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.routine import Exercise, IntRange, Sides
from bandtimer.domain.set_kinds import CountedReps, HeldReps, TimedHold

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
        kind=HeldReps(
            IntRange.exactly(reps) if isinstance(reps, int) else IntRange(*reps),
            IntRange.exactly(hold),
        ),
        sides=sides,
    )


def counted(reps, *, sets=1, sides=Sides.BOTH, name="Monster walk"):
    return Exercise(
        name,
        sets=IntRange.exactly(sets) if isinstance(sets, int) else IntRange(*sets),
        kind=CountedReps(IntRange(*reps)),
        sides=sides,
    )


def hold(seconds, *, sets=1, name="Plank"):
    return Exercise(name, sets=IntRange.exactly(sets), kind=TimedHold(IntRange.exactly(seconds)))
