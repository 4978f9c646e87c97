"""The segment in progress, timed from its start: the bookkeeping one segment needs of itself.

When it started, how long it has been paused, the rest added or removed, the reps counted by
hand, and which of its moments have been announced: all of it starts afresh with each segment
and ends in one `SegmentRecord`. The session decides which segment comes next and when; this
keeps the per-segment sums out of that state machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bandtimer.domain.cue_moments import Threshold, thresholds
from bandtimer.domain.plan import Segment
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.reps import RepProgress, reps_at


@dataclass
class SegmentRun:
    """One pass through `segment`, begun at clock time `start`."""

    segment: Segment
    start: float
    paused_since: float | None = None
    """Clock time the current pause began; None while not paused."""
    paused: float = 0.0
    """Seconds of pauses that have ended."""
    extra: float = 0.0
    """Rest added (or, negative, removed) by hand."""
    counted_reps: int = 0
    fired: set[str] = field(default_factory=set)
    """Keys of the moments (`Threshold`) already announced."""

    def duration(self) -> float | None:
        """How long the segment lasts, with any rest added or removed; None if untimed."""
        if not self.segment.is_timed:
            return None
        return self.segment.planned_seconds + self.extra

    def active_at(self, at: float) -> float:
        """Seconds the segment has run by clock time `at`, ended pauses left out."""
        return at - self.start - self.paused

    def moment(self, offset: float) -> float:
        """The clock time `offset` active seconds into the segment, with the pauses so far."""
        return self.start + self.paused + offset

    def reps_at(self, elapsed: float) -> RepProgress | None:
        return reps_at(self.segment, elapsed, self.duration(), self.counted_reps)

    def thresholds(self) -> list[Threshold]:
        return thresholds(self.segment, self.duration())

    def end_pause(self, now: float) -> float:
        """End the pause under way, if any; the seconds it lasted (0 if there was none)."""
        if self.paused_since is None:
            return 0.0
        paused = now - self.paused_since
        self.paused += paused
        self.paused_since = None
        return paused

    def record(self, at: float, *, workout_started: float, skipped: bool) -> SegmentRecord:
        """What this pass was, had it ended at clock time `at`."""
        segment = self.segment
        active = self.active_at(at)
        progress = self.reps_at(active)
        return SegmentRecord(
            segment_index=segment.index,
            kind=segment.kind,
            exercise_name=segment.exercise.name,
            set_number=segment.set_number,
            side=segment.side,
            planned_seconds=segment.planned_seconds,
            actual_seconds=active,
            paused_seconds=self.paused,
            started_at=self.start - workout_started,
            reps_done=progress.reps_done if progress is not None else None,
            skipped=skipped,
        )
