"""A routine expanded into the exact order of things a person will do.

The plan is the single place that decides how a routine's ranges become time: which end of a
range is aimed for, where rests and side switches go, how long a set of held reps takes. The
session walks it, the screens show it, `bandtimer show` prints it and a routine's planned total
is simply the sum of its segments, so all of them always agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from bandtimer.domain.routine import Exercise, IntRange, Routine, Side, Sides

ESTIMATED_SECONDS_PER_COUNTED_REP = 3.0
"""Reps counted by hand have no clock; this only estimates their share of the planned total."""


class SegmentKind(StrEnum):
    GET_READY = "get ready"
    HOLD = "hold"
    REPS = "reps"
    SWITCH_SIDES = "switch sides"
    REST_BETWEEN_SETS = "rest"
    REST_BETWEEN_EXERCISES = "rest before next exercise"

    @property
    def is_work(self) -> bool:
        return self in (SegmentKind.HOLD, SegmentKind.REPS)


class RepMode(StrEnum):
    """How the reps of a set advance."""

    HELD = "held"
    """Each rep is a hold of `hold_seconds`, with `release_seconds` between reps."""
    TEMPO = "tempo"
    """Each rep takes `rep_seconds`; the reps count themselves."""
    COUNTED = "counted"
    """The person presses a key for each rep; there is no deadline."""


@dataclass(frozen=True)
class Segment:
    """One stretch of the workout with one thing to do.

    For pauses (get ready, switch sides, rests) `exercise`, `set_number` and `side` describe the
    work that comes next, which is what the screen announces as "up next".
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
    rep_mode: RepMode | None = None
    rep_target: IntRange | None = None
    hold_seconds: int | None = None
    rep_seconds: float | None = None
    release_seconds: int = 0

    @property
    def is_work(self) -> bool:
        return self.kind.is_work

    @property
    def is_rest(self) -> bool:
        """Pauses whose length a person may stretch or shorten with + and -."""
        return not self.kind.is_work

    @property
    def is_timed(self) -> bool:
        """Whether the segment ends by itself when its time is up."""
        return self.rep_mode is not RepMode.COUNTED

    @property
    def rep_cycle_seconds(self) -> float:
        """Seconds from the start of one self-counting rep to the start of the next."""
        if self.rep_mode is RepMode.HELD:
            assert self.hold_seconds is not None
            return float(self.hold_seconds + self.release_seconds)
        if self.rep_mode is RepMode.TEMPO:
            assert self.rep_seconds is not None
            return self.rep_seconds
        raise ValueError(f"{self.rep_mode} reps have no cycle")


@dataclass(frozen=True)
class Plan:
    routine: Routine
    segments: tuple[Segment, ...]

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


def planned_sets(exercise: Exercise) -> int:
    """A range of sets plans its low end: doing more is progress, not the plan."""
    return exercise.sets.low


def planned_hold(exercise: Exercise) -> int | None:
    """A range of hold seconds plans its low end; the history suggests stepping up."""
    return exercise.hold.low if exercise.hold is not None else None


def planned_reps(exercise: Exercise) -> int | None:
    """A set of reps runs to the top of its range; a person may finish it anywhere inside."""
    return exercise.reps.high if exercise.reps is not None else None


def build_plan(routine: Routine) -> Plan:
    segments: list[Segment] = []
    release = routine.timing.rep_release
    for number, exercise, set_number, set_count, side in _sides_of_sets(routine):
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
        kind, seconds, work = _work(exercise, release)
        where |= work
        segments.append(Segment(index=len(segments), kind=kind, planned_seconds=seconds, **where))
    return Plan(routine=routine, segments=tuple(segments))


def planned_seconds(routine: Routine) -> float:
    """`build_plan(routine).total_seconds`, added up in the same order without making the
    segments: the menu shows it for every routine file, and there may be hundreds."""
    release = routine.timing.rep_release
    seconds: list[float] = []
    for number, exercise, set_number, _, side in _sides_of_sets(routine):
        pause = _pause_before(routine, exercise, number, set_number, side)[1]
        if pause > 0:
            seconds.append(pause)
        seconds.append(_work(exercise, release)[1])
    return sum(seconds)


def _sides_of_sets(routine: Routine) -> Iterator[tuple[int, Exercise, int, int, Side | None]]:
    """(exercise number, exercise, set number, set count, side) in the order they are done."""
    for number, exercise in enumerate(routine.exercises, start=1):
        set_count = planned_sets(exercise)
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
        return SegmentKind.REST_BETWEEN_SETS, rest
    if number > 1:
        return SegmentKind.REST_BETWEEN_EXERCISES, timing.rest_between_exercises
    return SegmentKind.GET_READY, timing.get_ready


def _work(exercise: Exercise, release: int) -> tuple[SegmentKind, float, dict[str, object]]:
    hold = planned_hold(exercise)
    reps = planned_reps(exercise)
    if reps is None:
        assert hold is not None, "an exercise is reps or a timed hold"
        return SegmentKind.HOLD, float(hold), {"hold_seconds": hold}
    target = {"rep_target": exercise.reps}
    if hold is not None:
        seconds = reps * hold + (reps - 1) * release
        work = {"rep_mode": RepMode.HELD, "hold_seconds": hold, "release_seconds": release}
        return SegmentKind.REPS, float(seconds), {**target, **work}
    if exercise.tempo is not None:
        tempo = {"rep_mode": RepMode.TEMPO, "rep_seconds": exercise.tempo}
        return SegmentKind.REPS, reps * exercise.tempo, {**target, **tempo}
    estimate = reps * ESTIMATED_SECONDS_PER_COUNTED_REP
    return SegmentKind.REPS, estimate, {**target, "rep_mode": RepMode.COUNTED}
