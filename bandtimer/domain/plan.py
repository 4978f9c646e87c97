"""A routine expanded into the exact order of things a person will do.

The plan is the single place that decides where rests and side switches go and how the sets of
each exercise follow each other; how long a set takes is its kind's to say (`set_kinds`). The
session walks the plan, the screens show it, `bandtimer show` prints it and a routine's planned
total is simply the sum of its segments, so all of them always agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from bandtimer.domain.dose import Doses, dosed_exercises
from bandtimer.domain.routine import Exercise, Routine, Side, Sides
from bandtimer.domain.set_kinds import SegmentKind, SetKind

__all__ = ["Plan", "Segment", "SegmentKind", "build_plan", "planned_seconds"]


@dataclass(frozen=True)
class Segment:
    """One stretch of the workout with one thing to do: a set of work, or a pause.

    For pauses (get ready, switch sides, rests) `exercise`, `set_number` and `side` describe the
    work that comes next, which is what the screen announces as "up next". A set of work has
    its `set_kind`, planned with the routine's timing; a pause has none.
    """

    index: int
    kind: SegmentKind
    exercise_number: int
    """1-based position of the exercise in the routine."""
    exercise: Exercise
    set_number: int
    set_count: int
    side: Side | None
    planned_seconds: float
    set_kind: SetKind | None = None

    @property
    def is_work(self) -> bool:
        return self.set_kind is not None

    @property
    def is_rest(self) -> bool:
        """Pauses whose length a person may stretch or shorten with + and -."""
        return self.set_kind is None

    @property
    def is_timed(self) -> bool:
        """Whether the segment ends by itself when its time is up."""
        return self.set_kind is None or self.set_kind.ends_by_itself


@dataclass(frozen=True)
class Plan:
    routine: Routine
    """As its file says; the segments hold each exercise at its dose."""
    segments: tuple[Segment, ...]
    doses: Doses = field(default_factory=dict, compare=False)
    """The doses the plan was built with, by 1-based exercise number."""

    @cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        """The routine's exercises at the plan's doses, in routine order: what the preview and
        `bandtimer show` describe, as the timer will time them."""
        return dosed_exercises(self.routine, self.doses)

    @property
    def total_seconds(self) -> float:
        return sum(segment.planned_seconds for segment in self.segments)

    def __len__(self) -> int:
        return len(self.segments)

    def __getitem__(self, index: int) -> Segment:
        return self.segments[index]

    def up_next(self, index: int) -> Segment | None:
        """The work after segment `index`: what a rest screen announces."""
        for segment in self.segments[index + 1 :]:
            if segment.is_work:
                return segment
        return None

    def seconds_before(self, index: int) -> float:
        """Planned seconds of the segments before `index`, for a progress bar."""
        return sum(segment.planned_seconds for segment in self.segments[:index])


def build_plan(routine: Routine, doses: Doses | None = None) -> Plan:
    """`routine` in the order it is done, each exercise at its dose in `doses` (by 1-based
    exercise number; one left out is planned as the file says). The plan's `routine` stays the
    file's; `Plan.exercises` are the dosed ones the segments hold."""
    dosed = _dosed(routine, doses)
    segments: list[Segment] = []
    kinds = _planned_kinds(dosed)
    for number, exercise, set_number, set_count, side in _sides_of_sets(dosed):
        where = {
            "exercise_number": number,
            "exercise": exercise,
            "set_number": set_number,
            "set_count": set_count,
            "side": side,
        }
        pause, seconds = _pause_before(routine, exercise, number, set_number, side)
        if seconds > 0:
            segments.append(
                Segment(index=len(segments), kind=pause, planned_seconds=seconds, **where)
            )
        work = kinds[number - 1]
        segments.append(
            Segment(
                index=len(segments),
                kind=work.segment_kind,
                planned_seconds=work.planned_seconds(),
                set_kind=work,
                **where,
            )
        )
    return Plan(routine=routine, segments=tuple(segments), doses=dict(doses or {}))


def planned_seconds(routine: Routine, doses: Doses | None = None) -> float:
    """`build_plan(routine, doses).total_seconds`, added up in the same order without making
    the segments: the menu shows it for every routine file, and there may be hundreds."""
    routine = _dosed(routine, doses)
    work = [kind.planned_seconds() for kind in _planned_kinds(routine)]
    seconds: list[float] = []
    for number, exercise, set_number, _, side in _sides_of_sets(routine):
        pause = _pause_before(routine, exercise, number, set_number, side)[1]
        if pause > 0:
            seconds.append(pause)
        seconds.append(work[number - 1])
    return sum(seconds)


def _dosed(routine: Routine, doses: Doses | None) -> Routine:
    return replace(routine, exercises=dosed_exercises(routine, doses)) if doses else routine


def _planned_kinds(routine: Routine) -> list[SetKind]:
    """Each exercise's kind of set with the routine's timing, in routine order."""
    return [exercise.kind.planned(routine.timing) for exercise in routine.exercises]


def _sides_of_sets(routine: Routine) -> Iterator[tuple[int, Exercise, int, int, Side | None]]:
    """(exercise number, exercise, set number, set count, side) in the order they are done."""
    for number, exercise in enumerate(routine.exercises, start=1):
        set_count = exercise.planned_sets
        sides = (Side.RIGHT, Side.LEFT) if exercise.sides is Sides.EACH else (None,)
        for set_number in range(1, set_count + 1):
            for side in sides:
                yield number, exercise, set_number, set_count, side


def _pause_before(
    routine: Routine, exercise: Exercise, number: int, set_number: int, side: Side | None
) -> tuple[SegmentKind, float]:
    """The pause in front of one side of one set; a pause of 0 seconds is left out."""
    timing = routine.timing
    if side is Side.LEFT:
        return SegmentKind.SWITCH_SIDES, timing.switch_sides
    if set_number > 1:
        rest = exercise.rest if exercise.rest is not None else timing.rest_between_sets
        return SegmentKind.REST_BETWEEN_SETS, rest.low
    if number > 1:
        return SegmentKind.REST_BETWEEN_EXERCISES, timing.rest_between_exercises.low
    return SegmentKind.GET_READY, timing.get_ready
