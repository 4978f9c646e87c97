"""The state machine that walks a plan against a clock.

Time is never counted in ticks. The session remembers when the current segment started and how
long it has been paused; everything else (time left, reps that count themselves, whether a
segment is over) is worked out from the clock when asked. A segment that ends while nobody is
looking ends at its deadline, and the next one starts at that same instant, so a stalled event
loop or a late redraw can make the screen late but never makes the workout drift or lose count.

The screens call `poll()` when they redraw and after every operation; it returns the events
that fell due since the last call, each stamped with the time it was due. What a set of work
does with its time (its reps, its moments) is its kind's to say (`set_kinds`); the session only
keeps the clock and the order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from bandtimer.domain.clock import CLOCK_TOLERANCE, Clock
from bandtimer.domain.events import (
    CountdownTick,
    Event,
    Halfway,
    RepCounted,
    RepsRecorded,
    RepStarted,
    SegmentEnded,
    SegmentStarted,
    SidesSwitched,
    TenSecondsLeft,
    WorkoutFinished,
)
from bandtimer.domain.plan import Plan, Segment, SegmentKind
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.set_kinds import (
    Moment,
    MomentKey,
    MomentKind,
    RepProgress,
    countdown_moments,
)

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


@dataclass
class SegmentRun:
    """One pass through `segment`, begun at clock time `start`: the bookkeeping one segment
    needs of itself.

    When it started, how long it has been paused, the rest added or removed, the reps counted
    by hand, and which of its moments have been announced: all of it starts afresh with each
    segment and ends in one `SegmentRecord`.
    """

    segment: Segment
    start: float
    paused_since: float | None = None
    """Clock time the current pause began; None while not paused."""
    paused: float = 0.0
    """Seconds of pauses that have ended."""
    extra: float = 0.0
    """Rest added (or, negative, removed) by hand."""
    counted_reps: int = 0
    fired: set[MomentKey] = field(default_factory=set)
    """The moments already announced."""

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
        kind = self.segment.set_kind
        if kind is None:
            return None
        return kind.progress(elapsed, self.duration() or 0.0, self.counted_reps)

    def moments(self) -> list[Moment]:
        """The moments inside the segment that deserve an event: a kind's own, or a pause's
        3-2-1."""
        duration = self.duration()
        if duration is None:
            return []
        kind = self.segment.set_kind
        return countdown_moments(duration) if kind is None else kind.moments(duration)

    def event(self, key: MomentKey, at: float) -> Event:
        """The event that tells of the moment `key`, due at clock time `at`."""
        segment = self.segment
        match key.what:
            case MomentKind.REP_STARTED:
                return RepStarted(segment, key.rep, at)
            case MomentKind.REP_DONE:
                return RepCounted(segment, key.rep, at)
            case MomentKind.HALFWAY:
                return Halfway(segment, at)
            case MomentKind.COUNTDOWN:
                return CountdownTick(segment, key.seconds_left, at)
            case MomentKind.TEN_LEFT:
                return TenSecondsLeft(segment, at)

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


def lead_in(planned: Segment, seconds: float) -> Segment | None:
    """The get ready of at least `seconds` that a workout picked up at `planned` starts with,
    standing in for it; None when `planned` is a set of work, or `seconds` is 0."""
    if seconds <= 0 or not planned.is_rest:
        return None
    longest = max(seconds, planned.planned_seconds)
    return replace(planned, kind=SegmentKind.GET_READY, planned_seconds=longest)


class Session:
    def __init__(self, plan: Plan, clock: Clock, *, lead_in: float = 0.0) -> None:
        """`lead_in`: for a workout picked up where it stopped, the seconds of get ready at
        least that the pause it starts at becomes (see `start`)."""
        if not plan.segments:
            raise ValueError("a plan with no segments cannot be followed")
        self.plan = plan
        self._clock = clock
        self._lead_in = lead_in
        self.state = SessionState.NOT_STARTED
        self.index = 0
        self.records: list[SegmentRecord] = []
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.total_paused = 0.0
        self._pending: list[Event] = []
        self._run = SegmentRun(plan[0], start=0.0)
        self.reps_to_record: list[int] = []
        """Indexes of `records` of sets that ended and wait for the person to say how many
        reps they did (`record_reps`), oldest first."""

    # -- reading the state -------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def current(self) -> Segment:
        """The segment under way: `plan[index]`, or the get ready standing in for it."""
        return self._run.segment

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
        due = [moment.offset for moment in run.moments() if moment.key not in run.fired]
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
        """Begin the workout; `from_index` picks up an interrupted one where it stopped.

        With a `lead_in`, a rest or a switch of sides that the workout starts at is a get ready
        of at least that long instead, before the set it leads to: whoever comes back to an
        interrupted workout has a band to put on again, not five seconds to switch sides.
        """
        if self.state is not SessionState.NOT_STARTED:
            return
        if not 0 <= from_index < len(self.plan):
            raise ValueError(f"segment {from_index} is not in a plan of {len(self.plan)}")
        now = self._now()
        self.started_at = now
        self.state = SessionState.RUNNING
        self._begin(from_index, now, lead_in(self.plan[from_index], self._lead_in))

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
        run.fired = {key for key in run.fired if key.what is not MomentKind.COUNTDOWN}
        run.fired |= {moment.key for moment in run.moments() if moment.offset <= elapsed}
        if duration <= elapsed:
            self._catch_up(self._now())
        return True

    def count_rep(self) -> bool:
        """Count one rep of a set counted by hand; the set ends itself at the top of its range.

        Refused while paused: nothing counts during a pause.
        """
        kind = self.current.set_kind
        if not self._catch_up_for_operation() or kind is None or not kind.counted_by_hand:
            return False
        if self.is_paused:
            return False
        now = self._now()
        run = self._run
        run.counted_reps += 1
        self._pending.append(RepCounted(self.current, run.counted_reps, now))
        if run.counted_reps >= (kind.rep_goal or 0):
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

    def record_reps(self, reps: int | None) -> bool:
        """Give the oldest set waiting in `reps_to_record` its reps (None: the person would
        rather not say). Allowed at any time, the workout over or not: the clock goes on."""
        if not self.reps_to_record:
            return False
        if self.state is SessionState.RUNNING:
            self._catch_up(self._now())  # what fell due before the answer is said before it
        position = self.reps_to_record.pop(0)
        record = replace(self.records[position], reps_done=reps)
        self.records[position] = record
        segment = self.plan[record.segment_index]
        self._pending.append(RepsRecorded(segment, reps, record, self._now()))
        return True

    def replan(self, plan: Plan) -> None:
        """Go on with `plan` from here: a dose taken back on the get-ready screen, before its
        exercise starts. Only what is still to come may differ; the segments done so far and
        the pause under way stay exactly as they are, so their records still fit."""
        index = self.index
        if (
            self.current.is_work
            or len(plan) <= index
            or any(
                (old.kind, old.exercise_number, old.planned_seconds, old.side)
                != (new.kind, new.exercise_number, new.planned_seconds, new.side)
                for old, new in zip(self.plan.segments[: index + 1], plan.segments, strict=False)
            )
        ):
            raise ValueError("a plan can change only in what is still to come, during a pause")
        self.plan = plan
        self._run.segment = plan[index]

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
            for moment in sorted(run.moments(), key=lambda moment: moment.offset):
                if moment.offset <= limit and moment.key not in run.fired:
                    run.fired.add(moment.key)
                    self._pending.append(run.event(moment.key, run.moment(moment.offset)))
            if duration is None or elapsed < duration:
                return
            deadline = run.moment(duration)
            self._end_segment(deadline, skipped=False)
            self._begin_next(deadline)

    def _reps_in_range(self) -> bool:
        progress = self.reps()
        kind = self.current.set_kind
        target = kind.reps if kind is not None else None
        return progress is not None and target is not None and progress.reps_done >= target.low

    def _begin(self, index: int, at: float, instead: Segment | None = None) -> None:
        """Start segment `index` (or `instead`, standing in for it) at clock time `at`."""
        self.index = index
        segment = instead or self.plan[index]
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
        kind = self.current.set_kind
        if kind is not None and kind.asks_reps_after and not skipped:
            self.reps_to_record.append(len(self.records) - 1)
        self._pending.append(SegmentEnded(self.current, record, at))

    def _finish(self, at: float, state: SessionState) -> None:
        self.state = state
        self.finished_at = at
        self._pending.append(WorkoutFinished(completed=state is SessionState.FINISHED, at=at))
