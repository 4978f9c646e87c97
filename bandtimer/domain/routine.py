"""What a routine is, independent of where it was read from.

The articles bandtimer's routines come from dose in ranges ("8 to 12 reps for 3 to 5 sets"), so
ranges are first-class here rather than squashed into one number: the plan decides which end of
a range it aims for, the screens show the range, and progression reads it back. Everything is a
frozen dataclass so a routine can be shared between the menu, the plan and the history without
anyone changing it underneath the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from bandtimer.domain.set_kinds import SetKind

if TYPE_CHECKING:
    from bandtimer.domain.dose import Dose


@dataclass(frozen=True, order=True)
class IntRange:
    """An inclusive range of whole numbers; `low == high` for a fixed dose."""

    low: int
    high: int

    @classmethod
    def exactly(cls, value: int) -> IntRange:
        return cls(value, value)

    @property
    def is_fixed(self) -> bool:
        return self.low == self.high

    def __contains__(self, value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return self.low <= value <= self.high

    def __str__(self) -> str:
        return str(self.low) if self.is_fixed else f"{self.low}–{self.high}"


class Band(StrEnum):
    """The kinds of band the articles use; the value is what a routine file says."""

    LOOP = "loop"
    MINI = "mini"
    HIP_CIRCLE = "hip circle"
    FLAT = "flat"
    TUBE = "tube with handles"


class Sides(StrEnum):
    """Which side a set works: `BOTH` together (the default); `EACH` the right side, then the
    left, every set; `ALTERNATE` right and left taking turns every rep, in one set; `RIGHT` or
    `LEFT` that side only (rehab work on one limb)."""

    BOTH = "both"
    EACH = "each"
    ALTERNATE = "alternate"
    RIGHT = "right"
    LEFT = "left"

    @property
    def of_a_set(self) -> tuple[Side | None, ...]:
        """The sides one set is done on, in order; None for both together or taking turns."""
        return _SIDES_OF_A_SET[self]

    @property
    def words(self) -> str:
        """What the dose line adds: `each side`, `alternating sides`, `right side only`."""
        return _SIDE_WORDS[self]


class Side(StrEnum):
    RIGHT = "right"
    LEFT = "left"


_SIDES_OF_A_SET: dict[Sides, tuple[Side | None, ...]] = {
    Sides.BOTH: (None,),
    Sides.EACH: (Side.RIGHT, Side.LEFT),
    Sides.ALTERNATE: (None,),
    Sides.RIGHT: (Side.RIGHT,),
    Sides.LEFT: (Side.LEFT,),
}
_SIDE_WORDS: dict[Sides, str] = {
    Sides.BOTH: "",
    Sides.EACH: "each side",
    Sides.ALTERNATE: "alternating sides each rep",
    Sides.RIGHT: "right side only",
    Sides.LEFT: "left side only",
}


def seconds_range(value: int | IntRange) -> IntRange:
    """A rest as a range: a file (or a test) may give one number of seconds."""
    return value if isinstance(value, IntRange) else IntRange.exactly(value)


@dataclass(frozen=True)
class Timing:
    """A routine's default pauses, in seconds. Rests may be ranges (`20–30 s`, as articles
    write them); the plan times their low end, like a hold."""

    get_ready: int = 10
    rest_between_sets: IntRange = IntRange(30, 30)
    rest_between_exercises: IntRange = IntRange(45, 45)
    switch_sides: int = 5
    rep_release: int = 2
    """Seconds between two held reps, to let go and set up again."""

    def __post_init__(self) -> None:
        for name in ("rest_between_sets", "rest_between_exercises"):
            object.__setattr__(self, name, seconds_range(getattr(self, name)))


@dataclass(frozen=True)
class Exercise:
    """One exercise of a routine, dosed the way its source gives it.

    `kind` is what each set is (a timed hold, reps held or paced or counted, a time-boxed set;
    see `set_kinds`) with its own dose. `progression` lists hold seconds to step up through,
    easiest first.
    """

    name: str
    sets: IntRange
    kind: SetKind
    sides: Sides = Sides.BOTH
    band: Band | None = None
    placement: str = ""
    anchor: str = ""
    muscles: tuple[str, ...] = ()
    rest: IntRange | None = None
    """Rest between this exercise's sets, instead of the routine's; the plan times its low end."""
    steps: tuple[str, ...] = ()
    why: str = ""
    notes: str = ""
    """Anything else about this exercise (a form cue, which leg), shown before it starts."""
    progression: tuple[int, ...] = ()
    line: int | None = None
    """Line of the `[[exercise]]` header in its file, for messages that point back to it."""
    current: Dose | None = None
    """The person's dose, in a plan built with one (`dose.dosed`); None as the file says it."""
    rounds: int = 1
    """How many rounds of its block it is done in (1 outside a block): its `sets` come round
    that many times. Set from the routine's blocks (`Routine`), never on its own."""

    def __post_init__(self) -> None:
        if self.rest is not None:
            object.__setattr__(self, "rest", seconds_range(self.rest))

    @property
    def planned_sets(self) -> int:
        """The person's sets at their dose; without one, a range of sets plans its low end:
        doing more is progress, not the plan. In a block, the sets of one round."""
        return self.current.sets if self.current is not None else self.sets.low

    @property
    def planned_sets_in_all_rounds(self) -> int:
        """Every set the workout plans of it: its sets in each round of its block."""
        return self.planned_sets * self.rounds

    @property
    def dose(self) -> str:
        """The dose as an article would write it: `3–5 sets × 8–12 reps, 5 s hold, each side`;
        at a person's dose, their sets (`4 sets × 8–12 reps, …`)."""
        sets = self.sets if self.current is None else IntRange.exactly(self.current.sets)
        dose = self.kind.dose(sets)
        dose = f"{dose}, {self.sides.words}" if self.sides.words else dose
        if self.rest is not None and not self.rest.is_fixed:
            dose += f", {self.rest} s rest"  # a fixed rest is the routine's business, as before
        return dose

    def announcement(self) -> str:
        """The sentence a voice says for the dose before the exercise: `Two sets of ten.`"""
        said = self.kind.announcement(self.planned_sets, each_side=self.sides is Sides.EACH)
        if self.sides in (Sides.BOTH, Sides.EACH):
            return said
        return f"{said} {self.sides.words[:1].upper()}{self.sides.words[1:]}."


@dataclass(frozen=True)
class Block:
    """Exercises done one after the other, the whole group `rounds` times over: a circuit, or
    with no rest between its exercises, a superset.

    It names a run of the routine's exercises (`first`, 0-based, and `size`) rather than holding
    them, so everything that lists a routine's exercises (the preview, the history, progression)
    keeps reading `Routine.exercises`. Rests not given are the routine's `rest_between_exercises`.
    """

    first: int
    size: int
    rounds: int = 1
    rest_between_rounds: IntRange | None = None
    rest_between_exercises: IntRange | None = None
    """Between two of its exercises within a round; 0 makes a superset."""
    name: str = ""
    line: int | None = None
    """Line of the `[[block]]` header in its file."""

    def __post_init__(self) -> None:
        for name in ("rest_between_rounds", "rest_between_exercises"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, seconds_range(value))

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.first <= index < self.first + self.size

    @property
    def title(self) -> str:
        return self.name or "Block"

    def describe(self, timing: Timing) -> str:
        """`Circuit: 4 rounds of exercises 1–4, 20 s between them, 60 s between rounds`."""
        return f"{self.title}: {self.shape(timing)}"

    def shape(self, timing: Timing) -> str:
        """`4 rounds of exercises 1–4, 20 s between them, 60 s between rounds`, or `a superset`
        for exercises with no rest between them."""
        numbers = f"{self.first + 1}–{self.first + self.size}" if self.size > 1 else ""
        what = f"{self.rounds} rounds" if self.rounds != 1 else "1 round"
        words = [f"{what} of exercises {numbers}" if numbers else f"{what} of exercise "
                 f"{self.first + 1}"]
        between = self.rest_between_exercises or timing.rest_between_exercises
        if self.size > 1:
            words.append("a superset" if between.high == 0 else f"{between} s between them")
        if self.rounds > 1:
            rounds = self.rest_between_rounds or timing.rest_between_exercises
            words.append(f"{rounds} s between rounds")
        return ", ".join(words)


@dataclass(frozen=True)
class Routine:
    """A named, ordered list of exercises with the pauses between them; runs of them may be
    grouped in blocks done for several rounds."""

    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    source: str = ""
    notes: str = ""
    """Anything else worth knowing before starting, such as dosing bandtimer chose itself."""
    tags: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    timing: Timing = field(default_factory=Timing)
    path: Path | None = None
    """Where the routine was read from; None for routines built in code."""
    counts_toward_streak: bool = True
    """False for a routine that is not a workout (Quick try): its records say so, and the
    streak, this week's count and the totals leave them out."""
    blocks: tuple[Block, ...] = ()
    """The blocks among `exercises`, in order; an exercise in none is done on its own."""

    def __post_init__(self) -> None:
        if not self.blocks:
            return
        exercises = list(self.exercises)
        for block in self.blocks:
            for index in range(block.first, block.first + block.size):
                exercises[index] = replace(exercises[index], rounds=block.rounds)
        object.__setattr__(self, "exercises", tuple(exercises))

    def parts(self) -> tuple[Block, ...]:
        """The routine as the plan walks it: its blocks, and each exercise outside them as a
        block of one done once, in order."""
        parts: list[Block] = []
        blocks = iter(self.blocks)
        block = next(blocks, None)
        index = 0
        while index < len(self.exercises):
            if block is not None and block.first == index:
                parts.append(block)
                index += block.size
                block = next(blocks, None)
            else:
                parts.append(Block(first=index, size=1))
                index += 1
        return tuple(parts)

    def block_of(self, index: int) -> Block | None:
        """The block the exercise at `index` (0-based) is in, if any."""
        return next((block for block in self.blocks if index in block), None)
