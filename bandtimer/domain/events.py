"""What a session tells the screens and the sound player.

Each event carries `at`, the clock time it was due. After a stall the session catches up and
reports everything that happened meanwhile, with the times it really happened; a listener such
as the cue player can then drop the ones too old to be worth a beep.
"""

from __future__ import annotations

from dataclasses import dataclass

from bandtimer.domain.plan import Segment
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.routine import Side


@dataclass(frozen=True)
class SegmentStarted:
    segment: Segment
    at: float


@dataclass(frozen=True)
class SegmentEnded:
    segment: Segment
    record: SegmentRecord
    at: float


@dataclass(frozen=True)
class CountdownTick:
    """The 3, 2 and 1 before a timed segment (or the hold of a held rep) ends."""

    segment: Segment
    seconds_left: int
    at: float


@dataclass(frozen=True)
class Halfway:
    """Halfway through a long hold: a person holding a plank likes to know."""

    segment: Segment
    at: float


@dataclass(frozen=True)
class TenSecondsLeft:
    """Ten seconds before a long hold ends: enough warning to dig in for the finish."""

    segment: Segment
    at: float


@dataclass(frozen=True)
class RepStarted:
    """A held rep begins: squeeze now."""

    segment: Segment
    rep: int
    at: float


@dataclass(frozen=True)
class RepCounted:
    segment: Segment
    reps_done: int
    at: float


@dataclass(frozen=True)
class RepsRecorded:
    """The reps of a set that asks for them afterwards (a time-boxed set), as the person gave
    them; `reps` is None when they chose not to say. `record` is the set's record with them."""

    segment: Segment
    reps: int | None
    record: SegmentRecord
    at: float


@dataclass(frozen=True)
class SidesSwitched:
    """The pause before the other side begins; `side` is the side coming up."""

    segment: Segment
    side: Side
    at: float


@dataclass(frozen=True)
class WorkoutFinished:
    completed: bool
    """True when the plan ran to its end, False when the person quit."""
    at: float


Event = (
    SegmentStarted
    | SegmentEnded
    | CountdownTick
    | Halfway
    | TenSecondsLeft
    | RepStarted
    | RepCounted
    | RepsRecorded
    | SidesSwitched
    | WorkoutFinished
)
