"""Workout records: what a person did, kept so that the next workout can build on it.

A record is written when a workout starts and rewritten after every finished set, so a crash, a
closed terminal or a flat battery loses at most the set in progress and the workout can be
resumed where it stopped. It holds two views of the same session: per exercise and side, what a
person reads back (sets, reps, holds, band, how it felt), and the session's raw segment records,
which keep the exact seconds for anything computed later. Both come from the plan and records
alone, counted the way the summary screen counts them, so the summary and the history agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from bandtimer.domain.dose import Dose
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.records import SegmentRecord, SetOutcome
from bandtimer.domain.routine import Side

if TYPE_CHECKING:
    from bandtimer.domain.plan import Plan, Segment
    from bandtimer.domain.session import Session
    from bandtimer.domain.summary import SetResult

# summary.py owns how records are counted (last record per segment, when a set is done); its
# helpers are reused so the history can never count differently from the summary screen. They
# are imported where a record is made: reading the history (`bandtimer stats`) needs no session.

SECONDS_DECIMALS = 1
"""Seconds are kept to a tenth: the clock's nanoseconds would only clutter a file people read."""


class WorkoutStatus(StrEnum):
    IN_PROGRESS = "in progress"
    """Still running, or the app ended without saying how (a crash, a closed terminal)."""
    COMPLETED = "completed"
    """Followed to its end with every planned set done."""
    PARTIAL = "partial"
    """Followed to its end with some sets skipped or cut short: they are listed, set by set."""
    STOPPED_EARLY = "stopped early"

    @property
    def is_final(self) -> bool:
        return self is not WorkoutStatus.IN_PROGRESS

    @property
    def ran_to_the_end(self) -> bool:
        """The plan was followed to its last segment, every set done or not."""
        return self in (WorkoutStatus.COMPLETED, WorkoutStatus.PARTIAL)


class Feel(StrEnum):
    """How an exercise felt, which is what progression needs to know beyond the numbers."""

    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"


@dataclass(frozen=True)
class RoutineRef:
    """Which routine was followed, and exactly which version of its file.

    `sha256` lets a later reader tell whether the file has been edited since, without keeping a
    copy of it in every record.
    """

    name: str
    file: Path | None = None
    sha256: str | None = None
    counts_toward_streak: bool = True
    """What the routine said when the workout was done (`Routine.counts_toward_streak`), kept
    so that editing or deleting the routine later does not rewrite the past."""


@dataclass(frozen=True)
class SetRecord:
    """One set of one exercise on one side, as it ended: what CSV and JSON make a row of."""

    number: int
    """1-based within the exercise and side."""
    outcome: SetOutcome
    reps: int | None = None
    """Reps done; None for a timed hold, a skipped set, or a count the person did not give."""
    seconds: float | None = None
    """Seconds held, for a timed hold that was not skipped; None otherwise."""
    held_seconds: tuple[float, ...] = ()
    """Seconds each rep was held, for held reps; empty for any other kind of set."""
    round: int = 1
    """Which round of its block the set was in (`Block.rounds`); 1 outside a block. `number`
    counts on through the rounds."""

    @property
    def done(self) -> bool:
        return self.outcome is SetOutcome.DONE


@dataclass(frozen=True)
class ExerciseRecord:
    """One exercise on one side (or both together): the figures a person reads back."""

    number: int
    """1-based position in the routine; the same exercise may appear twice."""
    name: str
    side: Side | None
    sets_planned: int
    sets: tuple[SetRecord, ...] = ()
    """Every set reached, in order: done, cut short or skipped. Sets the workout never got to
    (it was stopped first) are not here; `sets_planned` says how many there were to be."""
    hold_seconds: int | None = None
    """The planned hold: of a timed hold, or of each held rep; None for reps without a hold."""
    band: str | None = None
    """The band's colour, as the person named it."""
    feel: Feel | None = None
    offered: Dose | None = None
    """The dose progression offered and the person took back, keeping the one recorded here
    (see docs/progression.md); None when they did what was offered."""

    @property
    def sets_done(self) -> int:
        return sum(entry.done for entry in self.sets)

    @property
    def reps(self) -> tuple[int, ...]:
        """Reps of every set that has a count, in order; empty for a timed hold. Which set each
        belongs to is in `sets`."""
        return tuple(entry.reps for entry in self.sets if entry.reps is not None)

    @property
    def held_seconds(self) -> tuple[float, ...]:
        """Seconds held in every timed hold that was not skipped, in order."""
        return tuple(entry.seconds for entry in self.sets if entry.seconds is not None)

    @property
    def not_done(self) -> tuple[SetRecord, ...]:
        """The sets reached and skipped or cut short."""
        return tuple(entry for entry in self.sets if not entry.done)


@dataclass(frozen=True)
class WorkoutRecord:
    """One started workout, finished or not. Pure data: storage decides the file it lives in."""

    id: str
    """Short and random, so records made at the same second on two devices still differ."""
    routine: RoutineRef
    started: datetime
    """Aware local time: a record read in another time zone still says when it happened."""
    ended: datetime
    """When it ended, or for a workout in progress, when it was last saved."""
    status: WorkoutStatus
    device: str
    exercises: tuple[ExerciseRecord, ...] = ()
    segments: tuple[SegmentRecord, ...] = ()
    resume_at: int | None = None
    """Plan segment to resume from: the one after the last finished work set. None once there
    is nothing left to do, and for completed workouts."""

    def __post_init__(self) -> None:
        for label, moment in (("started", self.started), ("ended", self.ended)):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise ValueError(f"{label} must be an aware datetime, got {moment.isoformat()}")

    @property
    def active_seconds(self) -> float:
        """Seconds the workout ran, pauses left out, including rests and redone segments."""
        return sum(segment.actual_seconds for segment in self.segments)

    @property
    def paused_seconds(self) -> float:
        return sum(segment.paused_seconds for segment in self.segments)

    @property
    def sets_done(self) -> int:
        """Sets done, each side of a one-sided exercise counted as a set of its own."""
        return sum(exercise.sets_done for exercise in self.exercises)

    def exercise(self, name: str) -> tuple[ExerciseRecord, ...]:
        """Every side of every exercise called `name` (ignoring case), in routine order."""
        return _named(self.exercises, name)

    @property
    def sets_not_done(self) -> tuple[tuple[ExerciseRecord, SetRecord], ...]:
        """Each set reached and skipped or cut short, with its exercise and side: why a workout
        that ran to its end is partial."""
        return tuple((entry, done) for entry in self.exercises for done in entry.not_done)

    @property
    def summary(self) -> WorkoutSummary:
        return WorkoutSummary(
            id=self.id,
            routine=self.routine,
            started=self.started,
            ended=self.ended,
            status=self.status,
            device=self.device,
            active_seconds=self.active_seconds,
            paused_seconds=self.paused_seconds,
            sets_done=self.sets_done,
            exercises=self.exercises,
        )


@dataclass(frozen=True)
class WorkoutSummary:
    """A workout's figures without its exercises and segments: what listings and streaks need.

    A long history is read as summaries (the history index keeps them), so counting ten
    thousand workouts never builds their hundred segment records each. The names match
    `WorkoutRecord`'s, so either serves wherever only these are read. `exercises` is filled
    only when asked for (trends, advice): a listing does without.
    """

    id: str
    routine: RoutineRef
    started: datetime
    ended: datetime
    status: WorkoutStatus
    device: str
    active_seconds: float
    paused_seconds: float
    sets_done: int
    exercises: tuple[ExerciseRecord, ...] = ()

    def exercise(self, name: str) -> tuple[ExerciseRecord, ...]:
        return _named(self.exercises, name)


def _named(exercises: tuple[ExerciseRecord, ...], name: str) -> tuple[ExerciseRecord, ...]:
    wanted = name.casefold()
    return tuple(entry for entry in exercises if entry.name.casefold() == wanted)


Workout = WorkoutRecord | WorkoutSummary
"""Either form of a workout, for code that reads only the summary's figures."""


def record_from_session(
    session: Session,
    *,
    record_id: str,
    routine_file: Path | None,
    routine_hash: str | None,
    device: str,
    started: datetime,
    now: datetime,
    bands: Mapping[str, str],
    feels: Mapping[str, Feel],
    status: WorkoutStatus,
    resumed: WorkoutRecord | None = None,
    offered: Mapping[int, Dose] | None = None,
) -> WorkoutRecord:
    """The record of `session` so far, at any point: before the first set, midway, or over.

    `bands` and `feels` are keyed by exercise name and apply to every side of it: a person picks
    a band once per exercise and rates it once. Only exercises the workout reached are listed;
    exercises not reached leave no entry, since there is nothing to say about them yet.
    `offered` is keyed by exercise number: the doses offered and taken back (`ExerciseRecord`).

    `resumed` is the unfinished record that this session continues (started with
    `session.start(resumed.resume_at)`). Its segments are kept and the new ones follow, timed
    from the workout's first start; its bands and feels stand unless given again. Pass its id
    and start time as `record_id` and `started`, so that saving rewrites the same file instead
    of leaving the first half of the workout behind in another.
    """
    from bandtimer.domain.summary import last_record_per_segment, summarize_exercise

    plan = session.plan
    if resumed is not None:
        if resumed.id != record_id or resumed.started != started.replace(microsecond=0):
            raise ValueError("a resumed workout keeps its id and start time, so it keeps its file")
        if not matches_plan(resumed, plan):
            raise ValueError("the routine has changed since this workout stopped")
        bands = {e.name: e.band for e in resumed.exercises if e.band is not None} | dict(bands)
        feels = {e.name: e.feel for e in resumed.exercises if e.feel is not None} | dict(feels)
        offered = {e.number: e.offered for e in resumed.exercises if e.offered} | dict(
            offered or {}
        )
    records = [_rounded(record) for record in session.records]
    if resumed is not None:
        records = [*resumed.segments, *_after_interruption(records, session, started, now)]
    last = last_record_per_segment(records)
    work = [segment for segment in plan.segments if segment.is_work]
    exercises: list[ExerciseRecord] = []
    for number in sorted({segment.exercise_number for segment in work}):
        summary = summarize_exercise([s for s in work if s.exercise_number == number], last)
        for side, results in zip(summary.sides, summary.results, strict=True):
            if not results:
                continue
            exercises.append(
                ExerciseRecord(
                    number=number,
                    name=summary.name,
                    side=Side(side) if side else None,
                    sets_planned=summary.planned_sets,
                    sets=tuple(_set_record(result, summary.is_timed_hold) for result in results),
                    hold_seconds=summary.planned_hold,
                    band=bands.get(summary.name),
                    feel=feels.get(summary.name),
                    offered=(offered or {}).get(number),
                )
            )
    if status is WorkoutStatus.COMPLETED and not _every_set_done(work, last, exercises):
        status = WorkoutStatus.PARTIAL
    return WorkoutRecord(
        id=record_id,
        routine=RoutineRef(
            plan.routine.name, routine_file, routine_hash, plan.routine.counts_toward_streak
        ),
        started=started.replace(microsecond=0),
        ended=now.replace(microsecond=0),
        status=status,
        device=device,
        exercises=tuple(exercises),
        segments=tuple(records),
        resume_at=None if status.ran_to_the_end else resume_point(plan, records),
    )


def _set_record(result: SetResult, is_timed_hold: bool) -> SetRecord:
    """A set as the record keeps it: a skipped one has nothing to show, not 0 reps."""
    outcome = result.outcome(is_timed_hold)
    if outcome is SetOutcome.SKIPPED:
        return SetRecord(result.set_number, outcome, round=result.round_number)
    return SetRecord(
        number=result.set_number,
        outcome=outcome,
        round=result.round_number,
        reps=result.reps,
        seconds=_seconds(result.seconds) if is_timed_hold else None,
        held_seconds=tuple(_seconds(held) for held in result.rep_holds),
    )


def _every_set_done(
    work: list[Segment], last: Mapping[int, SegmentRecord], exercises: list[ExerciseRecord]
) -> bool:
    """Every planned work set has a record, and every set recorded was done."""
    return all(segment.index in last for segment in work) and all(
        entry.sets_done == len(entry.sets) for entry in exercises
    )


def resume_point(plan: Plan, records: Sequence[SegmentRecord]) -> int | None:
    """The segment after the last finished work set; None if that was the plan's last segment.

    "Finished" is judged on the last record of each segment, as the summary does: a set that was
    gone back from and not redone does not count, so resuming does it again.
    """
    from bandtimer.domain.summary import is_set_done, last_record_per_segment

    last = last_record_per_segment(list(records))
    finished = [
        index
        for index, record in last.items()
        if plan[index].is_work and is_set_done(plan[index], record)
    ]
    resume = max(finished) + 1 if finished else 0
    return resume if resume < len(plan) else None


def matches_plan(record: WorkoutRecord, plan: Plan) -> bool:
    """Whether every segment `record` holds is the same segment of `plan`: safe to resume.

    The routine's sha256 says the same more strictly; this also accepts an edit that left the
    plan as it was (a typo fixed in a description).
    """
    return all(
        done.segment_index < len(plan)
        and _same_kind(plan[done.segment_index], done.kind)
        and plan[done.segment_index].exercise.name == done.exercise_name
        and plan[done.segment_index].side == done.side
        for done in record.segments
    )


def _same_kind(planned: Segment, done: SegmentKind) -> bool:
    """A get ready may stand in for any pause: where a resumed workout picked up again."""
    return planned.kind is done or (planned.is_rest and done is SegmentKind.GET_READY)


def _after_interruption(
    records: list[SegmentRecord], session: Session, started: datetime, now: datetime
) -> list[SegmentRecord]:
    """A resumed session's records, timed from the workout's first start rather than its own:
    later by however long the workout was interrupted, as the wall clock tells."""
    if session.started_at is None:
        return records
    running = session.clock.now() - session.started_at
    offset = max(0.0, (now - started).total_seconds() - running)
    return [replace(r, started_at=_seconds(r.started_at + offset)) for r in records]


def _seconds(value: float) -> float:
    return float(round(value, SECONDS_DECIMALS))


def _rounded(record: SegmentRecord) -> SegmentRecord:
    return replace(
        record,
        planned_seconds=_seconds(record.planned_seconds),
        actual_seconds=_seconds(record.actual_seconds),
        paused_seconds=_seconds(record.paused_seconds),
        started_at=_seconds(record.started_at),
    )
