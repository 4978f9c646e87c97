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

from enum import StrEnum

from bandtimer.domain.clock import Clock
from bandtimer.domain.events import (
    Event,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    SidesSwitched,
    WorkoutFinished,
)
from bandtimer.domain.plan import Plan, RepMode, Segment, SegmentKind
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.reps import CLOCK_TOLERANCE, RepProgress, rep_goal
from bandtimer.domain.segment_run import SegmentRun

REST_STEP_SECONDS = 10


class SessionState(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    QUIT = "quit"

    @property
    def is_over(self) -> bool:
        return self in (SessionState.FINISHED, SessionState.QUIT)


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
        self._run = SegmentRun(plan[0], start=0.0)

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
        run = self._run
        until = run.paused_since if run.paused_since is not None else self._now()
        if self.state.is_over and self.finished_at is not None:
            until = self.finished_at
        return max(0.0, run.active_at(until))

    def duration(self) -> float | None:
        """How long the current segment lasts, with any rest added or removed; None if untimed."""
        return self._run.duration()

    def remaining(self) -> float | None:
        duration = self.duration()
        if duration is None:
            return None
        return max(0.0, duration - self.elapsed())

    def reps(self) -> RepProgress | None:
        return self._run.reps_at(self.elapsed())

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
        run = self._run
        due = [offset for offset, key, _ in run.thresholds() if key not in run.fired]
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

    def time_left(self) -> float:
        """Seconds of the workout still ahead, as the plan would have them from here.

        What is left of this segment (with rest added or removed, and for a set counted by
        hand what is left of the plan's estimate for it), plus the planned seconds of every
        segment after it. Unlike `progress`, it follows what happened: a skip or a shortened
        rest takes time off, going back puts it on again, and a pause stops it.
        """
        if self.state.is_over:
            return 0.0
        remaining = self.remaining()
        if remaining is None:
            remaining = max(0.0, self.current.planned_seconds - self.elapsed())
        after = sum(segment.planned_seconds for segment in self.plan.segments[self.index + 1 :])
        return remaining + after

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

    def pause(self, as_of: float | None = None) -> None:
        """Pause now, or `as_of` a clock time already past: when the whole process was stopped
        (SIGSTOP, ctrl+z), as of the last moment the workout was seen, so that nothing that
        passed unseen counts. Never earlier than the current segment's start."""
        if self.state is not SessionState.RUNNING:
            return
        now = self._now() if as_of is None else min(max(as_of, self._run.start), self._now())
        self._catch_up(now)
        if self.state is SessionState.RUNNING:
            self._run.paused_since = now
            self.state = SessionState.PAUSED

    def resume(self) -> None:
        if self.state is not SessionState.PAUSED or self._run.paused_since is None:
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
        run = self._run
        elapsed = self.elapsed()
        run.extra = max(run.extra + seconds, elapsed - self.current.planned_seconds)
        duration = self.duration() or 0.0
        run.fired = {key for key in run.fired if not key.startswith("tick")}
        run.fired |= {key for offset, key, _ in run.thresholds() if offset <= elapsed}
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
        run = self._run
        run.counted_reps += 1
        self._pending.append(RepCounted(self.current, run.counted_reps, now))
        if run.counted_reps >= rep_goal(self.current):
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
            run = self._run
            elapsed = run.active_at(now)
            duration = self.duration()
            if duration is not None and elapsed >= duration - CLOCK_TOLERANCE:
                elapsed = max(elapsed, duration)
            limit = elapsed if duration is None else min(elapsed, duration)
            # Sorted, so that after a stall the events come out in the order they were due.
            for offset, key, make in sorted(run.thresholds(), key=lambda mark: mark[0]):
                if offset <= limit and key not in run.fired:
                    run.fired.add(key)
                    self._pending.append(make(run.moment(offset)))
            if duration is None or elapsed < duration:
                return
            deadline = run.moment(duration)
            self._end_segment(deadline, skipped=False)
            self._begin_next(deadline)

    def _reps_in_range(self) -> bool:
        progress = self.reps()
        target = self.current.rep_target
        return progress is not None and target is not None and progress.reps_done >= target.low

    def _begin(self, index: int, at: float) -> None:
        self.index = index
        segment = self.current
        paused_since = at if self.state is SessionState.PAUSED else None
        self._run = SegmentRun(segment, start=at, paused_since=paused_since)
        self._pending.append(SegmentStarted(segment, at))
        if segment.kind is SegmentKind.SWITCH_SIDES and segment.side is not None:
            self._pending.append(SidesSwitched(segment, segment.side, at))

    def _begin_next(self, at: float) -> None:
        if self.index + 1 < len(self.plan):
            self._begin(self.index + 1, at)
        else:
            self._finish(at, SessionState.FINISHED)

    def _end_pause(self, now: float) -> None:
        self.total_paused += self._run.end_pause(now)

    def _end_segment(self, at: float, *, skipped: bool) -> None:
        self._end_pause(at)
        record = self._run.record(at, workout_started=self.started_at or 0.0, skipped=skipped)
        self.records.append(record)
        self._pending.append(SegmentEnded(self.current, record, at))

    def _finish(self, at: float, state: SessionState) -> None:
        self.state = state
        self.finished_at = at
        self._pending.append(WorkoutFinished(completed=state is SessionState.FINISHED, at=at))
