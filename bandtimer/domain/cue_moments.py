"""The moments inside a segment that deserve an event: reps starting and ending, halfway, 3-2-1.

Each moment is an offset into the segment with a key, so the session fires it once however late
it catches up, and can tell how long until the next one. Which moments a segment has depends on
the segment and its length alone, not on the clock, so they are worked out here, apart from the
state machine that fires them.
"""

from __future__ import annotations

from collections.abc import Callable

from bandtimer.domain.events import (
    CountdownTick,
    Event,
    Halfway,
    RepCounted,
    RepStarted,
    TenSecondsLeft,
)
from bandtimer.domain.plan import RepMode, Segment, SegmentKind
from bandtimer.domain.reps import rep_goal

COUNTDOWN_FROM = 3
HALFWAY_MIN_HOLD = 20
"""Holds shorter than this get the 3-2-1 only; a halfway cue (or ten seconds to go) as well
would crowd them."""
TEN_SECONDS = 10
HELD_REP_COUNTDOWN_MIN_HOLD = 10

Threshold = tuple[float, str, Callable[[float], Event]]
"""(seconds into the segment, a key so it fires once, the event to emit at that time)."""


def thresholds(segment: Segment, duration: float | None) -> list[Threshold]:
    """The moments inside `segment`, lasting `duration` seconds, that deserve an event."""
    marks: list[Threshold] = []
    if duration is None:
        return marks
    if segment.rep_mode is RepMode.HELD:
        assert segment.hold_seconds is not None
        hold, cycle = segment.hold_seconds, segment.rep_cycle_seconds
        for rep in range(1, rep_goal(segment) + 1):
            start = (rep - 1) * cycle
            marks.append((start, f"rep-start-{rep}", _rep_started(segment, rep)))
            marks.append((start + hold, f"rep-done-{rep}", _rep_counted(segment, rep)))
            if hold >= HALFWAY_MIN_HOLD:
                marks.append((start + hold / 2, f"half-{rep}", _halfway(segment)))
                if hold - TEN_SECONDS > hold / 2:  # at 20 s both fall together; halfway says it
                    marks.append((start + hold - TEN_SECONDS, f"ten-{rep}", _ten_left(segment)))
            if hold >= HELD_REP_COUNTDOWN_MIN_HOLD:
                marks += _countdown(segment, start + hold, f"tick-{rep}")
        return marks
    if segment.rep_mode is RepMode.TEMPO:
        for rep in range(1, rep_goal(segment) + 1):
            at = rep * segment.rep_cycle_seconds
            marks.append((at, f"rep-done-{rep}", _rep_counted(segment, rep)))
        return marks
    if segment.kind is SegmentKind.HOLD and duration >= HALFWAY_MIN_HOLD:
        marks.append((duration / 2, "half", _halfway(segment)))
        if duration - TEN_SECONDS > duration / 2:
            marks.append((duration - TEN_SECONDS, "ten", _ten_left(segment)))
    return marks + _countdown(segment, duration, "tick")


def _countdown(segment: Segment, end: float, key: str) -> list[Threshold]:
    return [
        (end - n, f"{key}-{n}", _tick(segment, n))
        for n in range(COUNTDOWN_FROM, 0, -1)
        if end - n > 0
    ]


def _tick(segment: Segment, n: int) -> Callable[[float], Event]:
    return lambda at: CountdownTick(segment, n, at)


def _halfway(segment: Segment) -> Callable[[float], Event]:
    return lambda at: Halfway(segment, at)


def _ten_left(segment: Segment) -> Callable[[float], Event]:
    return lambda at: TenSecondsLeft(segment, at)


def _rep_started(segment: Segment, rep: int) -> Callable[[float], Event]:
    return lambda at: RepStarted(segment, rep, at)


def _rep_counted(segment: Segment, rep: int) -> Callable[[float], Event]:
    return lambda at: RepCounted(segment, rep, at)
