"""When to pick a heavier band, or hold longer, from what the last workout says.

The rule is the articles': the right band is one you can do the top of the routine's rep range
with in good form (12–15 reps in most of them); once that is easy, move up a band. Holds that
come with a `progression` (a plank's 10, 30, 45, 60 s) step up the same way: held in full and
easy, hold the next step. The numbers alone cannot tell good form from a struggle, so moving up
also needs the person to have rated the exercise easy; a set that fell short, or a rating of
hard, means staying put. Only the most recent workout that reached the exercise counts, because
last week's easy is no guide once this week felt hard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bandtimer.domain.bands import DEFAULT_BANDS, BandColour
from bandtimer.domain.history import ExerciseRecord, Feel, WorkoutRecord
from bandtimer.domain.routine import Exercise, Routine, Side, Sides

__all__ = [
    "DEFAULT_BANDS",
    "HOLD_TOLERANCE_SECONDS",
    "BandColour",
    "Suggestion",
    "SuggestionKind",
    "advise",
    "suggest",
]

HOLD_TOLERANCE_SECONDS = 0.5
"""A hold ended by the clock can be a hair short of its planned seconds; that still counts."""


class SuggestionKind(StrEnum):
    MOVE_UP = "move up"
    HOLD_LONGER = "hold longer"
    STAY = "stay"
    HEAVIEST = "heaviest"
    """Easy on the heaviest band there is: nothing to move up to."""


@dataclass(frozen=True)
class Suggestion:
    """Advice for the next time an exercise is done; `text` is what the preview and summary show."""

    kind: SuggestionKind
    text: str
    band: str | None = None
    """The band to use next time (the heavier one, when moving up), if known."""
    hold_seconds: int | None = None
    """The hold to do next time, for exercises with a hold progression."""


def suggest(
    exercise: Exercise, history: Sequence[WorkoutRecord], bands: Sequence[BandColour]
) -> Suggestion | None:
    """What to do next time with `exercise`, or None when the history says nothing useful.

    Looks at the newest workout in `history` (any order, any status) that reached an exercise of
    the same name. None means: never done, not rated when the top was reached, or no band was
    recorded to stay on or move up from.
    """
    entries = _latest_entries(exercise.name, history)
    if not entries:
        return None
    full = _done_in_full(exercise, entries)
    feels = {entry.feel for entry in entries}
    easy = feels == {Feel.EASY}
    band = entries[0].band
    if exercise.progression and exercise.kind.hold is not None:
        current = entries[0].hold_seconds or exercise.kind.planned_hold or 0
        step = next((seconds for seconds in exercise.progression if seconds > current), None)
        if full and easy and step is not None:
            text = f"Hold {step} s next time"
            return Suggestion(SuggestionKind.HOLD_LONGER, text, band=band, hold_seconds=step)
        if not (full and easy):
            text = f"Stay on {band}" if band else f"Stay at {current} s"
            return Suggestion(SuggestionKind.STAY, text, band=band, hold_seconds=current)
        # The last step of the progression is easy: from here on, only a heavier band is harder.
    if band is None:
        return None
    if full and easy:
        heavier = _heavier_band(band, bands)
        if heavier is None:
            return _heaviest(band, bands)
        text = f"Move up from {band} to {heavier.name}"
        return Suggestion(SuggestionKind.MOVE_UP, text, band=heavier.name)
    if full and None in feels:
        return None  # the top was reached, but only the person knows whether it was easy
    return Suggestion(SuggestionKind.STAY, f"Stay on {band}", band=band)


def _latest_entries(name: str, history: Sequence[WorkoutRecord]) -> tuple[ExerciseRecord, ...]:
    reached = [record for record in history if record.exercise(name)]
    if not reached:
        return ()
    newest = max(reached, key=lambda record: (record.started, record.ended))
    return newest.exercise(name)


def _done_in_full(exercise: Exercise, entries: Sequence[ExerciseRecord]) -> bool:
    """Every planned set done on every side, reps at the top of the range, holds held out."""
    if exercise.sides is Sides.EACH and {e.side for e in entries} != {Side.RIGHT, Side.LEFT}:
        return False
    sets = exercise.planned_sets
    for entry in entries:
        if entry.sets_done < sets:
            return False
        if exercise.kind.reps is not None:
            top = exercise.kind.reps.high
            if len(entry.reps) < sets or any(reps < top for reps in entry.reps):
                return False
        elif entry.hold_seconds is not None and any(
            held + HOLD_TOLERANCE_SECONDS < entry.hold_seconds for held in entry.held_seconds
        ):
            return False
    return True


def _heavier_band(name: str, bands: Sequence[BandColour]) -> BandColour | None:
    """The next band up from `name`, or None if it is the heaviest or not among `bands`."""
    names = [band.name.casefold() for band in bands]
    try:
        position = names.index(name.casefold())
    except ValueError:
        return None
    return bands[position + 1] if position + 1 < len(bands) else None


def _heaviest(name: str, bands: Sequence[BandColour]) -> Suggestion | None:
    """Staying on the heaviest band is advice; staying on a band we do not know is a guess."""
    if not bands or bands[-1].name.casefold() != name.casefold():
        return None
    return Suggestion(SuggestionKind.HEAVIEST, f"Stay on {name}, the heaviest band", band=name)


def advise(
    routine: Routine, history: Sequence[WorkoutRecord], bands: Sequence[BandColour]
) -> list[tuple[str, Suggestion]]:
    """(exercise name, suggestion) for every exercise of `routine` the history has advice for."""
    advice = []
    for exercise in routine.exercises:
        suggestion = suggest(exercise, history, bands)
        if suggestion is not None:
            advice.append((exercise.name, suggestion))
    return advice
