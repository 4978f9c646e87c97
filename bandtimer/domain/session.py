"""The state machine that walks a plan against a clock.

Time is never counted in ticks. The session remembers when the current segment started and how
long it has been paused; everything else (time left, reps that count themselves, whether a
segment is over) is worked out from the clock when asked. A segment that ends while nobody is
looking ends at its deadline, and the next one starts at that same instant, so a stalled event
loop or a late redraw can make the screen late but never makes the workout drift or lose count.

The screens call `poll()` when they redraw and after every operation; it returns the events
that fell due since the last call, each stamped with the time it was due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bandtimer.domain.clock import Clock
from bandtimer.domain.events import (
    CountdownTick,
    Event,
    Halfway,
    RepCounted,
    RepStarted,
    SegmentEnded,
    SegmentStarted,
    SidesSwitched,
    WorkoutFinished,
)
from bandtimer.domain.plan import Plan, RepMode, Segment, SegmentKind
from bandtimer.domain.records import SegmentRecord

REST_STEP_SECONDS = 10
COUNTDOWN_FROM = 3
HALFWAY_MIN_HOLD = 20
"""Holds shorter than this get the 3-2-1 only; a halfway cue as well would crowd them."""
HELD_REP_COUNTDOWN_MIN_HOLD = 10
CLOCK_TOLERANCE = 1e-9
"""Seconds; a deadline this close counts as reached, so float sums (3 × 3.3) cannot leave a
segment running with femtoseconds to go."""


class SessionState(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    QUIT = "quit"

    @property
    def is_over(self) -> bool:
        return self in (SessionState.FINISHED, SessionState.QUIT)


@dataclass(frozen=True)
class RepProgress:
    """Where a set of reps stands."""

    reps_done: int
    rep: int
    """The rep in progress (1-based), or the last one once all are done."""
    holding: bool
    """For held reps: squeezing now, rather than releasing between reps."""
    phase_remaining: float | None
    """For held reps: seconds left of this hold or release."""


Threshold = tuple[float, str, Callable[[float], Event]]
"""(seconds into the segment, a key so it fires once, the event to emit at that time)."""


class Session:
    def __init__(self, plan: Plan, clock: Clock) -> None:
        if not plan.segments:
            raise ValueError("a plan with no segments cannot be followed")
        self.plan = plan
        self._clock = clock
        self.state = SessionState.NOT_STARTED
        self.index = 0
        self.records: list[SegmentRecord] = []
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.total_paused = 0.0
        self._pending: list[Event] = []
        self._segment_start = 0.0
        self._segment_paused = 0.0
        self._paused_since: float | None = None
        self._extra = 0.0
        self._counted_reps = 0
        self._fired: set[str] = set()

    # -- reading the state -------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def current(self) -> Segment:
        return self.plan[self.index]

    @property
    def is_paused(self) -> bool:
        return self.state is SessionState.PAUSED

    def elapsed(self) -> float:
        """Active seconds in the current segment, pauses left out."""
        if self.state is SessionState.NOT_STARTED:
            return 0.0
        until = self._paused_since if self._paused_since is not None else self._now()
        if self.state.is_over and self.finished_at is not None:
            until = self.finished_at
        return max(0.0, until - self._segment_start - self._segment_paused)

    def duration(self) -> float | None:
        """How long the current segment lasts, with any rest added or removed; None if untimed."""
        segment = self.current
        if not segment.is_timed:
            return None
        return segment.planned_seconds + self._extra

    def remaining(self) -> float | None:
        duration = self.duration()
        if duration is None:
            return None
        return max(0.0, duration - self.elapsed())

    def reps(self) -> RepProgress | None:
        return self._reps_at(self.elapsed())

    def _reps_at(self, elapsed: float) -> RepProgress | None:
        segment = self.current
        if segment.rep_mode is None:
            return None
        target = _rep_goal(segment)
        if segment.rep_mode is RepMode.COUNTED:
            done = self._counted_reps
            return RepProgress(done, min(done + 1, target), holding=False, phase_remaining=None)
        cycle = segment.rep_cycle_seconds
        elapsed = min(elapsed, self.duration() or 0.0)
        if segment.rep_mode is RepMode.TEMPO:
            done = min(target, int(elapsed / cycle + CLOCK_TOLERANCE))
            return RepProgress(done, min(done + 1, target), holding=False, phase_remaining=None)
        assert segment.hold_seconds is not None
        hold = segment.hold_seconds
        started = min(target - 1, int(elapsed / cycle + CLOCK_TOLERANCE))
        into = elapsed - started * cycle
        holding = into < hold
        done = started + (0 if holding else 1)
        left = hold - into if holding else cycle - into
        return RepProgress(done, started + 1, holding=holding, phase_remaining=max(0.0, left))

    def until_next_event(self) -> float | None:
        """Seconds until `poll()` would next have something to hand over, if nobody acts.

        That is the next cue-worthy moment inside the segment or the segment's end; 0 when one
        is already due. None while paused or over, and in a set counted by hand, which only a
        key press moves on. A screen uses this to redraw at the moment something happens rather
        than on a fixed tick.
        """
        if self.state is not SessionState.RUNNING:
            return None
        elapsed = self.elapsed()
        due = [offset for offset, key, _ in self._thresholds() if key not in self._fired]
        duration = self.duration()
        if duration is not None:
            due.append(duration)
        return max(0.0, min(due) - elapsed) if due else None

    def progress(self) -> float:
        """Fraction of the planned workout behind us, for the progress bar."""
        if self.state is SessionState.FINISHED:
            return 1.0
        total = self.plan.total_seconds
        done = self.plan.seconds_before(self.index)
        done += min(self.elapsed(), self.current.planned_seconds)
        return min(1.0, done / total) if total else 0.0

    # -- operations --------------------------------------------------------------------------

    def start(self, from_index: int = 0) -> None:
        """Begin the workout; `from_index` picks up an interrupted one where it stopped."""
        if self.state is not SessionState.NOT_STARTED:
            return
        if not 0 <= from_index < len(self.plan):
            raise ValueError(f"segment {from_index} is not in a plan of {len(self.plan)}")
        now = self._now()
        self.started_at = now
        self.state = SessionState.RUNNING
        self._begin(from_index, now)

    def poll(self) -> list[Event]:
        """Catch up with the clock and hand over the events that fell due since last time."""
        if self.state is SessionState.RUNNING:
            self._catch_up(self._now())
        events, self._pending = self._pending, []
        return events

    def pause(self) -> None:
        if self.state is not SessionState.RUNNING:
            return
        now = self._now()
        self._catch_up(now)
        if self.state is SessionState.RUNNING:
            self._paused_since = now
            self.state = SessionState.PAUSED

    def resume(self) -> None:
        if self.state is not SessionState.PAUSED or self._paused_since is None:
            return
        self._end_pause(self._now())
        self.state = SessionState.RUNNING

    def toggle_pause(self) -> None:
        if self.is_paused:
            self.resume()
        else:
            self.pause()

    def skip(self) -> None:
        """Leave the current segment now and start the next one (or finish)."""
        if not self._catch_up_for_operation():
            return
        now = self._now()
        self._end_segment(now, skipped=not self._reps_in_range())
        self._begin_next(now)

    def back(self) -> None:
        """Leave the current segment and do the previous one again (or restart the first)."""
        if not self._catch_up_for_operation():
            return
        now = self._now()
        self._end_segment(now, skipped=True)
        self._begin(max(0, self.index - 1), now)

    def adjust_rest(self, seconds: float) -> bool:
        """Add (or with a negative number remove) time from the current pause."""
        if not self._catch_up_for_operation() or not self.current.is_rest:
            return False
        elapsed = self.elapsed()
        self._extra = max(self._extra + seconds, elapsed - self.current.planned_seconds)
        duration = self.duration() or 0.0
        self._fired = {key for key in self._fired if not key.startswith("tick")}
        self._fired |= {key for offset, key, _ in self._thresholds() if offset <= elapsed}
        if duration <= elapsed:
            self._catch_up(self._now())
        return True

    def count_rep(self) -> bool:
        """Count one rep of a set counted by hand; the set ends itself at the top of its range.

        Refused while paused: nothing counts during a pause.
        """
        if not self._catch_up_for_operation() or self.current.rep_mode is not RepMode.COUNTED:
            return False
        if self.is_paused:
            return False
        now = self._now()
        self._counted_reps += 1
        self._pending.append(RepCounted(self.current, self._counted_reps, now))
        if self._counted_reps >= _rep_goal(self.current):
            self._end_segment(now, skipped=False)
            self._begin_next(now)
        return True

    def finish_set(self) -> bool:
        """End a set of reps early, once the reps done are inside its range."""
        if not self._catch_up_for_operation() or not self._reps_in_range():
            return False
        now = self._now()
        self._end_segment(now, skipped=False)
        self._begin_next(now)
        return True

    def quit(self) -> None:
        """Stop early; what was done so far stays in `records`."""
        if self.state.is_over or self.state is SessionState.NOT_STARTED:
            return
        now = self._now()
        if self.state is SessionState.RUNNING:
            self._catch_up(now)
        if self.state.is_over:
            return
        self._end_segment(now, skipped=not self._reps_in_range())
        self._finish(now, SessionState.QUIT)

    # -- inner workings ----------------------------------------------------------------------

    def _now(self) -> float:
        return self._clock.now()

    def _catch_up_for_operation(self) -> bool:
        if self.state is SessionState.RUNNING:
            self._catch_up(self._now())
        return self.state in (SessionState.RUNNING, SessionState.PAUSED)

    def _catch_up(self, now: float) -> None:
        """End every segment whose deadline has passed, each at its own deadline."""
        while self.state is SessionState.RUNNING:
            elapsed = now - self._segment_start - self._segment_paused
            duration = self.duration()
            if duration is not None and elapsed >= duration - CLOCK_TOLERANCE:
                elapsed = max(elapsed, duration)
            limit = elapsed if duration is None else min(elapsed, duration)
            # Sorted, so that after a stall the events come out in the order they were due.
            for offset, key, make in sorted(self._thresholds(), key=lambda mark: mark[0]):
                if offset <= limit and key not in self._fired:
                    self._fired.add(key)
                    self._pending.append(make(self._segment_start + self._segment_paused + offset))
            if duration is None or elapsed < duration:
                return
            deadline = self._segment_start + self._segment_paused + duration
            self._end_segment(deadline, skipped=False)
            self._begin_next(deadline)

    def _thresholds(self) -> list[Threshold]:
        """The moments inside the current segment that deserve an event."""
        segment = self.current
        duration = self.duration()
        marks: list[Threshold] = []
        if duration is None:
            return marks
        if segment.rep_mode is RepMode.HELD:
            assert segment.hold_seconds is not None
            hold, cycle = segment.hold_seconds, segment.rep_cycle_seconds
            for rep in range(1, _rep_goal(segment) + 1):
                start = (rep - 1) * cycle
                marks.append((start, f"rep-start-{rep}", _rep_started(segment, rep)))
                marks.append((start + hold, f"rep-done-{rep}", _rep_counted(segment, rep)))
                if hold >= HALFWAY_MIN_HOLD:
                    marks.append((start + hold / 2, f"half-{rep}", _halfway(segment)))
                if hold >= HELD_REP_COUNTDOWN_MIN_HOLD:
                    marks += _countdown(segment, start + hold, f"tick-{rep}")
            return marks
        if segment.rep_mode is RepMode.TEMPO:
            for rep in range(1, _rep_goal(segment) + 1):
                at = rep * segment.rep_cycle_seconds
                marks.append((at, f"rep-done-{rep}", _rep_counted(segment, rep)))
            return marks
        if segment.kind is SegmentKind.HOLD and duration >= HALFWAY_MIN_HOLD:
            marks.append((duration / 2, "half", _halfway(segment)))
        return marks + _countdown(segment, duration, "tick")

    def _reps_in_range(self) -> bool:
        progress = self.reps()
        target = self.current.rep_target
        return progress is not None and target is not None and progress.reps_done >= target.low

    def _begin(self, index: int, at: float) -> None:
        self.index = index
        self._segment_start = at
        self._segment_paused = 0.0
        self._paused_since = at if self.state is SessionState.PAUSED else None
        self._extra = 0.0
        self._counted_reps = 0
        self._fired = set()
        segment = self.current
        self._pending.append(SegmentStarted(segment, at))
        if segment.kind is SegmentKind.SWITCH_SIDES and segment.side is not None:
            self._pending.append(SidesSwitched(segment, segment.side, at))

    def _begin_next(self, at: float) -> None:
        if self.index + 1 < len(self.plan):
            self._begin(self.index + 1, at)
        else:
            self._finish(at, SessionState.FINISHED)

    def _end_pause(self, now: float) -> None:
        if self._paused_since is None:
            return
        paused = now - self._paused_since
        self._segment_paused += paused
        self.total_paused += paused
        self._paused_since = None

    def _end_segment(self, at: float, *, skipped: bool) -> None:
        self._end_pause(at)
        segment = self.current
        active = at - self._segment_start - self._segment_paused
        progress = self._reps_at(active)
        record = SegmentRecord(
            segment_index=segment.index,
            kind=segment.kind,
            exercise_name=segment.exercise.name,
            set_number=segment.set_number,
            side=segment.side,
            planned_seconds=segment.planned_seconds,
            actual_seconds=active,
            paused_seconds=self._segment_paused,
            started_at=self._segment_start - (self.started_at or 0.0),
            reps_done=progress.reps_done if progress is not None else None,
            skipped=skipped,
        )
        self.records.append(record)
        self._pending.append(SegmentEnded(segment, record, at))

    def _finish(self, at: float, state: SessionState) -> None:
        self.state = state
        self.finished_at = at
        self._pending.append(WorkoutFinished(completed=state is SessionState.FINISHED, at=at))


def _rep_goal(segment: Segment) -> int:
    """The reps a set runs to: the top of its range."""
    assert segment.rep_target is not None
    return segment.rep_target.high


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


def _rep_started(segment: Segment, rep: int) -> Callable[[float], Event]:
    return lambda at: RepStarted(segment, rep, at)


def _rep_counted(segment: Segment, rep: int) -> Callable[[float], Event]:
    return lambda at: RepCounted(segment, rep, at)
