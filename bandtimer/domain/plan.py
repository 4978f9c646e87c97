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
from bandtimer.domain.routine import Exercise, Routine, Side
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
    round_number: int = 1
    """Which round of its block this is (1 outside a block)."""
    round_count: int = 1
    """How many rounds its block has (1 outside a block)."""

    @property
    def sets_in_round(self) -> int:
        """Sets of its exercise in one round (all of them outside a block)."""
        return self.set_count // self.round_count

    @property
    def set_in_round(self) -> int:
        """Which set of its exercise within the round, 1-based (`set_number` counts on through
        the rounds)."""
        return (self.set_number - 1) % self.sets_in_round + 1

    def where(self, of: str = " of ") -> str:
        """`round 2 of 4 · set 1 of 2`, `round 2 of 4` for one set a round, `set 1 of 3`;
        `of` may be `" / "`."""
        sets = f"set {self.set_in_round}{of}{self.sets_in_round}"
        if self.round_count == 1:
            return sets
        rounds = f"round {self.round_number}{of}{self.round_count}"
        return rounds if self.sets_in_round == 1 else f"{rounds} · {sets}"

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

    def opens_round(self, index: int) -> bool:
        """Whether segment `index` is where a round of a block begins: the pause before its
        first set, or the set itself when no pause comes first. Round 1 of a block only when
        the block has rounds to count."""
        segment = self.segments[index]
        if segment.round_count == 1 or segment.exercise_number - 1 not in _firsts(self.routine):
            return False
        if segment.set_in_round != 1 or segment.side not in segment.exercise.sides.of_a_set[:1]:
            return False
        before = self.segments[index - 1] if index > 0 else None
        return segment.is_rest or before is None or not (
            before.is_rest and before.exercise_number == segment.exercise_number
            and before.set_number == segment.set_number
        )

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
    for slot in _slots(dosed):
        where = {
            "exercise_number": slot.number,
            "exercise": slot.exercise,
            "set_number": slot.set_number,
            "set_count": slot.set_count,
            "side": slot.side,
            "round_number": slot.round_number,
            "round_count": slot.round_count,
        }
        pause, seconds = slot.pause
        if seconds > 0:
            segments.append(
                Segment(index=len(segments), kind=pause, planned_seconds=seconds, **where)
            )
        work = kinds[slot.number - 1]
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
    for slot in _slots(routine):
        if slot.pause[1] > 0:
            seconds.append(slot.pause[1])
        seconds.append(work[slot.number - 1])
    return sum(seconds)


def _dosed(routine: Routine, doses: Doses | None) -> Routine:
    return replace(routine, exercises=dosed_exercises(routine, doses)) if doses else routine


def _firsts(routine: Routine) -> set[int]:
    """0-based indexes of the first exercise of each block."""
    return {block.first for block in routine.blocks}


def _planned_kinds(routine: Routine) -> list[SetKind]:
    """Each exercise's kind of set with the routine's timing, in routine order."""
    return [exercise.kind.planned(routine.timing) for exercise in routine.exercises]


@dataclass(frozen=True)
class _Slot:
    """One side of one set, where it falls, and the pause in front of it."""

    number: int
    exercise: Exercise
    set_number: int
    set_count: int
    side: Side | None
    round_number: int
    round_count: int
    pause: tuple[SegmentKind, float]
    """The pause before it; one of 0 seconds is left out."""


def _slots(routine: Routine) -> Iterator[_Slot]:
    """Every side of every set in the order they are done: each part of the routine (a block,
    or an exercise on its own) round after round, each exercise's sets within a round, each
    set's sides. A set's number counts on through the rounds (round 2 of a one-set exercise is
    its set 2), so the history and progression see an exercise's sets across rounds."""
    timing = routine.timing
    for part in routine.parts():
        for round_number in range(1, part.rounds + 1):
            for offset in range(part.size):
                number = part.first + offset + 1
                exercise = routine.exercises[number - 1]
                sets = exercise.planned_sets
                sides = exercise.sides.of_a_set
                for set_in_round in range(1, sets + 1):
                    for side_index, side in enumerate(sides):
                        if side_index > 0:
                            pause = SegmentKind.SWITCH_SIDES, float(timing.switch_sides)
                        elif set_in_round > 1:
                            rest = exercise.rest or timing.rest_between_sets
                            pause = SegmentKind.REST_BETWEEN_SETS, float(rest.low)
                        elif offset > 0:
                            rest = part.rest_between_exercises or timing.rest_between_exercises
                            pause = SegmentKind.REST_BETWEEN_EXERCISES, float(rest.low)
                        elif round_number > 1:
                            rest = part.rest_between_rounds or timing.rest_between_exercises
                            pause = SegmentKind.REST_BETWEEN_ROUNDS, float(rest.low)
                        elif number > 1:
                            rest = timing.rest_between_exercises
                            pause = SegmentKind.REST_BETWEEN_EXERCISES, float(rest.low)
                        else:
                            pause = SegmentKind.GET_READY, float(timing.get_ready)
                        yield _Slot(
                            number, exercise, (round_number - 1) * sets + set_in_round,
                            sets * part.rounds, side, round_number, part.rounds, pause,
                        )  # fmt: skip
