"""The progression rule: from the dose a person did, what they did and how it felt, the next dose.

This is the one place the rule lives; docs/progression.md says the same in words. The facts are
the articles':

- the mini-band article's test for choosing a band is one that is a challenge but with which
  12 to 15 reps can be done in good form, used "until it becomes too easy", then the next level;
- the banded plank is held 10 s, "gradually" increased, working up to 30, then 45, then 60 s;
- both articles dose sets as a range ("3 to 5 sets", "work up to doing 3-5 sets").

bandtimer turns them into one ladder per exercise, climbed one step per workout and only on a
workout that went in full (every planned set done, each to the top of the routine's rep range,
every hold held out) and was rated easy. The numbers alone cannot tell good form from a
struggle, so an unrated exercise stays where it is. The steps, in order:

1. the hold steps up one rung (`dose.hold_rungs`: the plank's 10 → 30 → 45 → 60 s);
2. with the hold at its top, sets step up by one within their range (3 → 4 → 5);
3. with both at their top, the band steps up to the next of the person's bands, and the sets and
   hold start again at the bottom: a heavier band is a new test, as the article's band test is.

A rating of hard steps back down the same ladder by one step (sets first, then the hold, then
to the lighter band at the top of its ladder, which was easy last time). Anything else (rated
right, not rated, a set fallen short) keeps the dose. Only the newest workout of the same
routine that reached the exercise counts: last week's easy is no guide once this week felt hard,
and a dose in one routine says nothing about another routine's version of the exercise.

Everything here is pure: the coach finds the dose and the record, and shows the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from bandtimer.domain.bands import DEFAULT_BANDS, BandColour
from bandtimer.domain.dose import Dose, hold_rungs, within_routine
from bandtimer.domain.history import ExerciseRecord, Feel
from bandtimer.domain.routine import Exercise, Side, Sides

__all__ = [
    "DEFAULT_BANDS",
    "HOLD_TOLERANCE_SECONDS",
    "BandColour",
    "DoseChange",
    "Outcome",
    "Step",
    "next_dose",
    "outcome_of",
    "recorded_dose",
]

HOLD_TOLERANCE_SECONDS = 0.5
"""A hold ended by the clock can be a hair short of its planned seconds; that still counts."""


class Step(StrEnum):
    """What the rule did to a dose, or why it did nothing."""

    HOLD_UP = "hold up"
    SETS_UP = "sets up"
    BAND_UP = "band up"
    BACK = "step back"
    STAY = "stay"
    """Rated right, not rated, or not done in full: the same dose again."""
    TOP = "top"
    """Easy at the top of the ladder with no heavier band to move to (or no band known)."""
    KEPT = "kept"
    """A step the person took back before doing it: the dose they did last time, by choice."""

    @property
    def moves(self) -> bool:
        return self in (Step.HOLD_UP, Step.SETS_UP, Step.BAND_UP, Step.BACK)


@dataclass(frozen=True)
class Outcome:
    """What a workout says about one exercise, as far as the rule cares."""

    in_full: bool
    """Every planned set done (each side), to the top of the rep range, every hold held out."""
    feel: Feel | None
    """How it felt, as rated; None when not rated."""


@dataclass(frozen=True)
class DoseChange:
    """An exercise's dose last time and this time, and the step between them."""

    exercise: str
    before: Dose
    after: Dose
    step: Step
    offered: Dose | None = None
    """For a step taken back (`KEPT`): the dose that was offered."""

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def taken_back(self) -> DoseChange:
        """The same change, declined: the dose stays as it was, and the offer is remembered."""
        if not self.changed:
            return self
        return DoseChange(self.exercise, self.before, self.before, Step.KEPT, offered=self.after)

    def kept_words(self) -> str:
        """What taking the change back keeps, in words: `10 s`, `3 sets`, `yellow band`."""
        before, after = self.before, self.after
        if before.band != after.band and before.band is not None:
            return f"{before.band} band"
        if before.hold != after.hold and before.hold is not None:
            return f"{before.hold} s"
        return _sets(before.sets) if before.sets != after.sets else _ladder_words(before)

    def text(self, when: str = "this time") -> str:
        """`Banded plank: 30 s this time, up from 10 s`: what the person sees before it happens
        (`when` is "next time" on the summary, before the next workout).

        Unchanged doses say so (`Banded plank: 1 set of 30 s again`)."""
        what = _what_changed(self.before, self.after)
        name = self.exercise
        if self.step is Step.HOLD_UP or self.step is Step.SETS_UP:
            return f"{name}: {what[1]} {when}, up from {what[0]}"
        if self.step is Step.BAND_UP:
            text = f"{name}: {what[1]} {when}, up from {what[0]}"
            same = (self.before.sets, self.before.hold) == (self.after.sets, self.after.hold)
            return text if same else f"{text} (back to {_ladder_words(self.after)})"
        if self.step is Step.BACK:
            return f"{name}: {what[1]} {when}, back from {what[0]} (it felt hard)"
        if self.step is Step.KEPT and self.offered is not None:
            offer = _what_changed(self.before, self.offered)
            return f"{name}: {_ladder_words(self.after)} again, by choice (not {offer[1]})"
        if self.step is Step.TOP:
            if self.after.band is None:
                return f"{name}: top of its range; pick a heavier band with c to go further"
            return f"{name}: stay on {self.after.band}, the heaviest band"
        return f"{name}: {_ladder_words(self.after)} again"


def next_dose(
    exercise: Exercise, before: Dose, outcome: Outcome, bands: Sequence[BandColour]
) -> DoseChange:
    """The rule: the dose after doing `exercise` at `before` with `outcome`.

    `exercise` is as its routine file says it (not a dosed copy); `bands` are the person's,
    lightest first. `before` is first made to fit the file (`dose.within_routine`).
    """
    before = within_routine(exercise, before)
    if outcome.feel is Feel.HARD:
        lower = _step_back(exercise, before, bands)
        if lower is None:
            return DoseChange(exercise.name, before, before, Step.STAY)
        return DoseChange(exercise.name, before, lower, Step.BACK)
    if not (outcome.in_full and outcome.feel is Feel.EASY):
        return DoseChange(exercise.name, before, before, Step.STAY)
    rungs = hold_rungs(exercise)
    if before.hold is not None and rungs and before.hold < rungs[-1]:
        higher = next(rung for rung in rungs if rung > before.hold)
        return DoseChange(exercise.name, before, replace(before, hold=higher), Step.HOLD_UP)
    if before.sets < exercise.sets.high:
        return DoseChange(
            exercise.name, before, replace(before, sets=before.sets + 1), Step.SETS_UP
        )
    heavier = _neighbour(before.band, bands, +1)
    if heavier is None:
        return DoseChange(exercise.name, before, before, Step.TOP)
    bottom = Dose(sets=exercise.sets.low, hold=rungs[0] if rungs else None, band=heavier)
    return DoseChange(exercise.name, before, bottom, Step.BAND_UP)


def _step_back(exercise: Exercise, dose: Dose, bands: Sequence[BandColour]) -> Dose | None:
    """One step down the ladder from `dose`, or None at its foot."""
    rungs = hold_rungs(exercise)
    if dose.sets > exercise.sets.low:
        return replace(dose, sets=dose.sets - 1)
    if dose.hold is not None and rungs and dose.hold > rungs[0]:
        return replace(dose, hold=max(rung for rung in rungs if rung < dose.hold))
    lighter = _neighbour(dose.band, bands, -1)
    if lighter is None:
        return None
    return Dose(sets=exercise.sets.high, hold=rungs[-1] if rungs else None, band=lighter)


def _neighbour(band: str | None, bands: Sequence[BandColour], offset: int) -> str | None:
    """The person's band `offset` away from `band` (+1 heavier, -1 lighter), if there is one."""
    if band is None:
        return None
    names = [colour.name.casefold() for colour in bands]
    try:
        position = names.index(band.casefold()) + offset
    except ValueError:
        return None
    return bands[position].name if 0 <= position < len(bands) else None


# -- reading a workout's record --------------------------------------------------------------


def recorded_dose(entries: Sequence[ExerciseRecord], rounds: int = 1) -> Dose:
    """The dose an exercise was done at, as its record says: planned sets, planned hold, band.

    `entries` are one workout's records of the exercise (one per side). `rounds` are those of
    the exercise's block (`Exercise.rounds`): a record plans the sets of every round, a dose is
    the sets of one, so progression steps per exercise across rounds, not by their total."""
    first = entries[0]
    band = next((entry.band for entry in entries if entry.band), None)
    sets = first.sets_planned // max(1, rounds)
    return Dose(sets=sets, hold=first.hold_seconds, band=band)


def outcome_of(exercise: Exercise, entries: Sequence[ExerciseRecord]) -> Outcome:
    """What one workout's `entries` of `exercise` say: done in full, and how it felt.

    A feel given on any side is the exercise's (a person rates an exercise once)."""
    feel = next((entry.feel for entry in entries if entry.feel is not None), None)
    return Outcome(in_full=_done_in_full(exercise, entries), feel=feel)


def _done_in_full(exercise: Exercise, entries: Sequence[ExerciseRecord]) -> bool:
    """Every planned set done on every side, reps at the top of the range, holds held out."""
    if not entries:
        return False
    if exercise.sides is Sides.EACH and {e.side for e in entries} != {Side.RIGHT, Side.LEFT}:
        return False
    top = exercise.kind.reps.high if exercise.kind.reps is not None else None
    for entry in entries:
        sets = entry.sets_planned
        if entry.sets_done < sets:
            return False
        if top is not None and (len(entry.reps) < sets or any(reps < top for reps in entry.reps)):
            return False
        if entry.hold_seconds is not None and any(
            held + HOLD_TOLERANCE_SECONDS < entry.hold_seconds for held in entry.held_seconds
        ):
            return False
    return True


# -- words -----------------------------------------------------------------------------------


def _what_changed(before: Dose, after: Dose) -> tuple[str, str]:
    """The part of the dose that differs, before and after: `("10 s", "30 s")`."""
    if before.band != after.band and after.band is not None:
        return f"{before.band or 'no'} band", f"{after.band} band"
    if before.hold != after.hold and after.hold is not None:
        return f"{before.hold} s", f"{after.hold} s"
    if before.sets != after.sets:
        return str(before.sets), _sets(after.sets)
    return _ladder_words(before), _ladder_words(after)


def _ladder_words(dose: Dose) -> str:
    """`3 sets of 10 s` or `3 sets`: the dose's sets and hold."""
    if dose.hold is not None:
        return f"{_sets(dose.sets)} of {dose.hold} s"
    return _sets(dose.sets)


def _sets(count: int) -> str:
    return f"{count} set" + ("" if count == 1 else "s")
