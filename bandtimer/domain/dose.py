"""A person's dose of one exercise: how many sets, how long each hold, which band.

A routine doses in ranges ("3 to 5 sets", "hold 10 s, working up to 30, 45 and 60"); a person
is somewhere inside them. The `Dose` is that place, and a plan built with doses
(`build_plan(routine, doses)`) times exactly it: the preview, `bandtimer show`, the voice and the
workout all read the dosed exercise, so they agree. Without a dose an exercise is planned at its
starting dose, the bottom of every range.

Doses are per routine and per exercise: a routine's exercises are numbered from 1 in the order
the file lists them, and `doses` maps those numbers to a `Dose`. How a dose moves from one
workout to the next is `progression`'s rule; where a person's doses come from (their history)
is the coach's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bandtimer.domain.routine import IntRange

if TYPE_CHECKING:
    from bandtimer.domain.routine import Exercise, Routine

__all__ = ["Dose", "Doses", "dosed", "hold_rungs", "starting_dose", "within_routine"]


@dataclass(frozen=True)
class Dose:
    """Where a person is within an exercise's ranges."""

    sets: int
    """Sets to do (on each side, for an exercise done on each side)."""
    hold: int | None = None
    """Seconds of each hold: of a timed hold, or of each held rep. None for exercises without a
    hold."""
    band: str | None = None
    """The band's colour as the person names it (their `[[band]]` settings); None when not
    known yet, and the band is then the one picked last."""

    def describe(self) -> str:
        """`4 sets, 30 s hold, red band`: the parts of the dose there are."""
        parts = [f"{self.sets} set" + ("" if self.sets == 1 else "s")]
        if self.hold is not None:
            parts.append(f"{self.hold} s hold")
        if self.band is not None:
            parts.append(f"{self.band} band")
        return ", ".join(parts)


Doses = Mapping[int, Dose]
"""A routine's doses by 1-based exercise number; a number left out plans its starting dose."""


def hold_rungs(exercise: Exercise) -> tuple[int, ...]:
    """The hold seconds a person steps through, easiest first; () for an exercise with no hold.

    The exercise's `progression` when it has one (the plank's 10, 30, 45, 60 s), with its `hold`
    among them, since that is where the file starts a person; otherwise the ends of its hold
    range (the glute bridge's 5 and 10 s). A fixed hold without a progression is its only rung.
    """
    hold = exercise.kind.hold
    if hold is None:
        return ()
    if exercise.progression:
        return tuple(sorted({*exercise.progression, hold.low}))
    return (hold.low,) if hold.is_fixed else (hold.low, hold.high)


def starting_dose(exercise: Exercise) -> Dose:
    """The dose of someone new to `exercise`, as its file plans it: the low end of its sets,
    its hold's low end, no band known."""
    hold = exercise.kind.hold
    return Dose(sets=exercise.sets.low, hold=hold.low if hold is not None else None)


def within_routine(exercise: Exercise, dose: Dose) -> Dose:
    """`dose` made to fit `exercise` as its file now says: sets inside the range, the hold on a
    rung (the highest not above the dose's, else the first). A routine edited since a dose was
    recorded keeps as much of the person's place as still fits."""
    sets = min(max(dose.sets, exercise.sets.low), exercise.sets.high)
    rungs = hold_rungs(exercise)
    if not rungs:
        hold = None
    else:
        below = [rung for rung in rungs if dose.hold is not None and rung <= dose.hold]
        hold = below[-1] if below else rungs[0]
    return Dose(sets=sets, hold=hold, band=dose.band)


def dosed(exercise: Exercise, dose: Dose) -> Exercise:
    """`exercise` as planned at `dose`: its sets and hold are the dose's (made to fit first).

    The copy keeps the routine's ranges for what a person reads ("3–5 sets"); `current` is the
    dose, which `Exercise.planned_sets` reads, and the kind's hold starts at the dose's hold, so
    everything that times or announces the exercise asks it as usual.
    """
    fitted = within_routine(exercise, dose)
    kind = exercise.kind
    if fitted.hold is not None and kind.hold is not None:
        kind = replace(kind, hold=IntRange(fitted.hold, max(fitted.hold, kind.hold.high)))
    return replace(exercise, kind=kind, current=fitted)


def dosed_exercises(routine: Routine, doses: Doses | None) -> tuple[Exercise, ...]:
    """`routine`'s exercises, each at its dose in `doses` (or as the file says, which is its
    `starting_dose`)."""
    if not doses:
        return routine.exercises
    return tuple(
        dosed(exercise, doses[number]) if number in doses else exercise
        for number, exercise in enumerate(routine.exercises, start=1)
    )
