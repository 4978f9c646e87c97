"""What a finished (or stopped) workout amounts to, set by set, against what was planned.

Built from the session's plan and records alone, so the summary screen, and later the history,
read the same figures. Going back re-does a segment and leaves its earlier record behind; only
the last record of each segment counts, because going back means "that one again".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bandtimer.domain.plan import Segment
from bandtimer.domain.records import SegmentRecord, SetOutcome
from bandtimer.domain.routine import Exercise, IntRange
from bandtimer.domain.session import Session, SessionState
from bandtimer.domain.set_kinds import SHORTEST_HOLD


@dataclass(frozen=True)
class SetResult:
    """One side of one set that was reached, done or not."""

    set_number: int
    done: bool
    """Held to the end, or reps inside the range; False when skipped, gone back from or quit."""
    reps: int | None
    """Reps finished; None for a timed hold, or a time-boxed set whose reps were not given."""
    seconds: float
    """Active seconds the set ran, pauses left out: the hold, for a timed hold."""
    rep_holds: tuple[float, ...] = ()
    """Seconds each rep was held, for held reps (`SetKind.rep_holds`); empty for other kinds."""
    round_number: int = 1
    """The round of its block the set was in (the plan segment's); 1 outside a block."""

    def outcome(self, measured_in_seconds: bool) -> SetOutcome:
        """Done, cut short with something done, or skipped with nothing done; a timed hold
        (`measured_in_seconds`) of under a second held nothing."""
        if self.done:
            return SetOutcome.DONE
        held = measured_in_seconds and self.seconds >= SHORTEST_HOLD
        if self.reps or self.rep_holds or held:
            return SetOutcome.CUT_SHORT
        return SetOutcome.SKIPPED


@dataclass(frozen=True)
class ExerciseSummary:
    """One exercise: planned against done, side by side.

    `sides` holds `"right"` and `"left"` for an exercise done on each side, or `("",)` for one
    that works both together; `results` has one tuple per side, in the same order, of the sets
    reached on that side.
    """

    number: int
    """1-based position in the routine."""
    name: str
    exercise: Exercise
    """The exercise as the routine gives it, for showing its planned dose."""
    planned_sets: int
    planned_reps: IntRange | None
    """The range a set of reps may finish in; None for a timed hold."""
    planned_hold: int | None
    """Seconds of a timed hold, or of each held rep; None for reps without a hold."""
    is_timed_hold: bool
    """A set's result is the seconds it lasted rather than reps (`SetKind.measured_in_seconds`)."""
    sides: tuple[str, ...]
    results: tuple[tuple[SetResult, ...], ...]

    @property
    def sets_done(self) -> tuple[int, ...]:
        """Sets done, one count per side."""
        return tuple(sum(result.done for result in side) for side in self.results)

    @property
    def reps(self) -> tuple[tuple[int, ...], ...]:
        """Reps of every set reached, per side; empty for a timed hold."""
        return tuple(
            tuple(result.reps for result in side if result.reps is not None)
            for side in self.results
        )

    @property
    def holds(self) -> tuple[tuple[float, ...], ...]:
        """Seconds held in every set reached, per side; empty unless a timed hold."""
        if not self.is_timed_hold:
            return tuple(() for _ in self.results)
        return tuple(tuple(result.seconds for result in side) for side in self.results)

    @property
    def reached(self) -> bool:
        """Whether the workout got as far as any set of this exercise."""
        return any(self.results)

    @property
    def skipped(self) -> bool:
        """Nothing done: every set skipped, or the workout stopped before it."""
        return not any(self.sets_done)


@dataclass(frozen=True)
class Totals:
    """A workout's time in whole seconds that add up: `total == work + rests + paused`.

    Each figure rounded on its own can miss the total by a second (3.5 + 3.5 paused and
    active read `0:04 + 0:04` against a total of `0:07`), so they are rounded as running sums:
    the total is the true total rounded, and every part takes what its sum adds.
    """

    total: int
    work: int
    """Sets of work, pauses left out."""
    rests: int
    """Get ready, rests and switches of sides, pauses left out."""
    paused: int


@dataclass(frozen=True)
class WorkoutSummary:
    routine_name: str
    completed: bool
    """The plan ran to its end; False when the person stopped early."""
    work_seconds: float
    """Seconds in sets of work, pauses left out, redone sets included."""
    rest_seconds: float
    """Seconds in get ready, rests and switches of sides, pauses left out."""
    paused_seconds: float
    total_seconds: float
    """From start to finish, pauses included: `work + rest + paused`."""
    planned_seconds: float
    exercises: tuple[ExerciseSummary, ...]

    @property
    def active_seconds(self) -> float:
        """Seconds the workout ran, pauses left out, including rests and redone segments."""
        return self.work_seconds + self.rest_seconds

    @property
    def totals(self) -> Totals:
        parts = (self.work_seconds, self.rest_seconds, self.paused_seconds)
        # Halves up, as every clock on screen rounds (`formatting.whole_seconds`).
        sums = [math.floor(sum(parts[: count + 1]) + 0.5) for count in range(len(parts))]
        work, rests, paused = (sums[0], sums[1] - sums[0], sums[2] - sums[1])
        return Totals(total=sums[2], work=work, rests=rests, paused=paused)


def summarize(session: Session, earlier: Sequence[SegmentRecord] = ()) -> WorkoutSummary:
    """Compare what a session recorded with its plan; the session must be over.

    `earlier` holds the records of the same workout from before an interruption, when the
    session resumed it, so the summary covers the whole workout and not only its second half.
    """
    if not session.state.is_over or session.started_at is None or session.finished_at is None:
        raise ValueError(f"a session that is {session.state} has nothing to summarise yet")
    records = [*earlier, *session.records]
    plan = session.plan
    last = last_record_per_segment(records)
    work = [segment for segment in session.plan.segments if segment.is_work]
    numbers = sorted({segment.exercise_number for segment in work})
    exercises = tuple(
        summarize_exercise([s for s in work if s.exercise_number == number], last)
        for number in numbers
    )
    return WorkoutSummary(
        routine_name=session.plan.routine.name,
        completed=session.state is SessionState.FINISHED,
        work_seconds=sum(r.actual_seconds for r in records if plan[r.segment_index].is_work),
        rest_seconds=sum(r.actual_seconds for r in records if plan[r.segment_index].is_rest),
        paused_seconds=session.total_paused + sum(record.paused_seconds for record in earlier),
        total_seconds=session.finished_at
        - session.started_at
        + sum(record.actual_seconds + record.paused_seconds for record in earlier),
        planned_seconds=session.plan.total_seconds,
        exercises=exercises,
    )


def last_record_per_segment(records: list[SegmentRecord]) -> dict[int, SegmentRecord]:
    """Records are in the order they happened, so a later one replaces an earlier one."""
    return {record.segment_index: record for record in records}


def summarize_exercise(segments: list[Segment], last: dict[int, SegmentRecord]) -> ExerciseSummary:
    first = segments[0]
    kind = first.set_kind
    assert kind is not None, "only sets of work are summarised"
    sides = tuple(dict.fromkeys(_side(segment) for segment in segments))
    results = tuple(
        tuple(
            _set_result(segment, last[segment.index])
            for segment in segments
            if _side(segment) == side and segment.index in last
        )
        for side in sides
    )
    return ExerciseSummary(
        number=first.exercise_number,
        name=first.exercise.name,
        exercise=first.exercise,
        planned_sets=first.set_count,
        planned_reps=kind.reps,
        planned_hold=kind.planned_hold,
        is_timed_hold=kind.measured_in_seconds,
        sides=sides,
        results=results,
    )


def _set_result(segment: Segment, record: SegmentRecord) -> SetResult:
    kind = segment.set_kind
    return SetResult(
        set_number=segment.set_number,
        done=is_set_done(segment, record),
        reps=record.reps_done,
        seconds=record.actual_seconds,
        rep_holds=kind.rep_holds(record.actual_seconds) if kind is not None else (),
        round_number=segment.round_number,
    )


def is_set_done(segment: Segment, record: SegmentRecord) -> bool:
    """A set counts when it ran its course, or its reps reached the range (even if left by back)."""
    if not record.skipped:
        return True
    target = segment.set_kind.reps if segment.set_kind is not None else None
    return record.reps_done is not None and target is not None and record.reps_done >= target.low


def _side(segment: Segment) -> str:
    return segment.side.value if segment.side is not None else ""
