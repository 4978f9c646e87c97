"""What actually happened in a session, segment by segment.

The history stores these as they are; the summary compares them with the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.routine import Side


@dataclass(frozen=True)
class SegmentRecord:
    """One pass through one segment of the plan.

    Going back re-does a segment, so a segment can have more than one record; the records are
    in the order they happened and their `actual_seconds` add up to the time the workout ran
    outside pauses.
    """

    segment_index: int
    kind: SegmentKind
    exercise_name: str
    set_number: int
    """Counts on through the rounds of a block: round 2 of a one-set exercise is set 2."""
    side: Side | None
    planned_seconds: float
    actual_seconds: float
    """Seconds the segment ran, pauses left out."""
    paused_seconds: float
    started_at: float
    """Seconds since the workout started, pauses included."""
    reps_done: int | None = None
    """Reps finished, for sets of reps; None for holds and pauses."""
    skipped: bool = False
    """Left before its time was up or its reps were in range (skip, back or quit)."""


class SetOutcome(StrEnum):
    """How one set that was reached ended, as the history tells it. The values are what history
    files, CSV and JSON write, so a value never changes once released."""

    DONE = "done"
    """Ran its course, or its reps reached the range."""
    CUT_SHORT = "cut short"
    """Left early with something done: a hold let go, fewer reps than the range asks."""
    SKIPPED = "skipped"
    """Left with nothing done: no rep, no hold of a second or more, no count given."""
