"""A person's current dose of each exercise of a routine, read from their history.

The dose is not kept in a file of its own: it is derived from the workout history, which already
records, per exercise, the dose it was done at (planned sets, planned hold, band), what was done
and how it felt. The newest finished workout of the same routine that reached an exercise gives
the dose done last time; `progression.next_dose` turns that into this time's. So the history
stays the one source of truth (synced between devices, each writing only its own files, never
in conflict), a deleted or edited record is seen at once, and a step taken back is simply the
dose the record then shows.

Doses are per routine and per exercise: records are chosen by routine name, and within a record
an exercise is matched by its position and name (by name alone when the routine has been
reordered and the name is unique), never by name across routines.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bandtimer.domain.bands import BandColour
from bandtimer.domain.dose import Dose, dosed_exercises
from bandtimer.domain.history import ExerciseRecord, Workout
from bandtimer.domain.plan import SegmentKind, build_plan
from bandtimer.domain.progression import (
    DoseChange,
    Step,
    next_dose,
    outcome_of,
    recorded_dose,
)
from bandtimer.domain.routine import Exercise, Routine
from bandtimer.domain.session import Session
from bandtimer.domain.text import visible_controls

if TYPE_CHECKING:
    from bandtimer.storage.history import HistoryStore

__all__ = [
    "DoseBook",
    "DosePreview",
    "WorkoutDoses",
    "dose_changes",
    "doses_for",
    "entries_of",
    "recorded_doses",
]


def entries_of(routine: Routine, number: int, record: Workout) -> tuple[ExerciseRecord, ...]:
    """`record`'s entries (one per side) of exercise `number` (1-based) of `routine`."""
    exercise = routine.exercises[number - 1]
    wanted = exercise.name.casefold()
    exact = tuple(
        entry
        for entry in record.exercises
        if entry.number == number and entry.name.casefold() == wanted
    )
    if exact:
        return exact
    if sum(e.name.casefold() == wanted for e in routine.exercises) != 1:
        return ()
    named = record.exercise(exercise.name)
    return named if len({entry.number for entry in named}) == 1 else ()


def dose_changes(
    routine: Routine, history: Sequence[Workout], bands: Sequence[BandColour]
) -> tuple[DoseChange | None, ...]:
    """For each exercise of `routine`, in order: last time's dose and this time's, or None for
    an exercise this routine's history never reached (it is planned as its file says).

    `history` is this routine's finished workouts, in any order."""
    newest = sorted(history, key=lambda record: (record.started, record.ended), reverse=True)
    changes: list[DoseChange | None] = []
    for number, exercise in enumerate(routine.exercises, start=1):
        changes.append(_change(routine, number, exercise, newest, bands))
    return tuple(changes)


def _change(
    routine: Routine,
    number: int,
    exercise: Exercise,
    newest: Sequence[Workout],
    bands: Sequence[BandColour],
) -> DoseChange | None:
    for record in newest:
        entries = entries_of(routine, number, record)
        if entries:
            before = recorded_dose(entries, exercise.rounds)
            return next_dose(exercise, before, outcome_of(exercise, entries), bands)
    return None


def recorded_doses(routine: Routine, record: Workout) -> dict[int, Dose]:
    """The doses `record` was done at, by exercise number, for the exercises it reached."""
    doses = {}
    for number in range(1, len(routine.exercises) + 1):
        entries = entries_of(routine, number, record)
        if entries:
            doses[number] = recorded_dose(entries, routine.exercises[number - 1].rounds)
    return doses


def doses_for(
    changes: Sequence[DoseChange | None], taken_back: Collection[int] = ()
) -> dict[int, Dose]:
    """The doses to plan with (`build_plan(routine, doses)`), by 1-based exercise number: each
    change's new dose, or its old one for the exercise numbers in `taken_back`."""
    return {
        number: change.before if number in taken_back else change.after
        for number, change in enumerate(changes, start=1)
        if change is not None
    }


@dataclass(frozen=True)
class DosePreview:
    """What the menu's preview shows of a routine's doses this time."""

    lines: list[str]
    """One line per exercise whose dose moves (or was kept by choice)."""
    routine: Routine
    """The routine with each exercise at this time's dose: for describing and timing it, never
    for starting it (start the file's routine, with `DoseBook.doses`)."""
    can_take_back: bool
    """Whether a dose moves that the person could still keep as it was."""


_WORTH_SAYING = (Step.KEPT, Step.TOP)
"""Unchanged doses that still deserve a line: kept by choice, or at the top of the ladder."""


class DoseBook:
    """A person's doses, routine by routine, from the history store; the menu, the workout,
    the summary and `show` ask it.

    `open_store` is called on first use: the history's modules are not loaded for the menu's
    first frame. Each routine's changes are read once and kept until `forget()` (after a
    workout, whose record moves them). Steps the person takes back before starting (on the
    preview) are kept here too, until the workout that does without them is recorded.
    """

    def __init__(
        self, open_store: Callable[[], HistoryStore], bands: Sequence[BandColour]
    ) -> None:
        self._open_store = open_store
        self._bands = tuple(bands)
        self._known: dict[tuple[str, Routine], tuple[DoseChange | None, ...]] = {}
        self._taken_back: dict[str, frozenset[int]] = {}

    def changes(self, routine: Routine) -> tuple[DoseChange | None, ...]:
        """Last time's dose and this time's for each exercise of `routine` (None: never done),
        with the steps taken back on the preview shown as kept."""
        key = (routine.name.casefold(), routine)
        if key not in self._known:
            history = self._open_store().of_routine(routine.name)
            self._known[key] = dose_changes(routine, history, self._bands)
        kept = self.taken_back(routine)
        return tuple(
            change.taken_back() if change is not None and number in kept else change
            for number, change in enumerate(self._known[key], start=1)
        )

    def doses(self, routine: Routine) -> dict[int, Dose]:
        """This time's doses of `routine`, by exercise number, for `build_plan`."""
        return doses_for(self.changes(routine))

    def taken_back(self, routine: Routine) -> frozenset[int]:
        """Exercise numbers whose step the person took back on the preview."""
        return self._taken_back.get(routine.name.casefold(), frozenset())

    def toggle_take_back(self, routine: Routine) -> bool:
        """Keep last time's doses for every exercise of `routine` whose dose moves, or (when
        they are already kept) take the steps after all. True when now kept."""
        name = routine.name.casefold()
        if self._taken_back.get(name):
            self._taken_back.pop(name)
            return False
        moving = {
            number
            for number, change in enumerate(self.changes(routine), start=1)
            if change is not None and change.changed
        }
        self._taken_back[name] = frozenset(moving)
        return bool(moving)

    def change_lines(self, routine: Routine, when: str = "this time") -> list[str]:
        """What moves, one line per exercise whose dose changes (or was kept by choice, or can
        go no further): `Banded plank: 30 s this time, up from 10 s`. Names come from files:
        shown, never obeyed."""
        return [
            visible_controls(change.text(when))
            for change in self.changes(routine)
            if change is not None and (change.changed or change.step in _WORTH_SAYING)
        ]

    def next_time_lines(self, routine: Routine) -> list[str]:
        """The same, read afresh and worded for next time: the summary's lines, after the
        workout just recorded (and any rating given since) moved them."""
        self.forget()
        return self.change_lines(routine, "next time")

    def next_time(self, routine: Routine) -> dict[int, str]:
        """`next_time_lines` by exercise number and without the names: the summary's column."""
        self.forget()
        return {
            number: visible_controls(change.text("next time").removeprefix(f"{change.exercise}: "))
            for number, change in enumerate(self.changes(routine), start=1)
            if change is not None
        }

    def preview(self, routine: Routine) -> DosePreview:
        dosed = replace(routine, exercises=dosed_exercises(routine, self.doses(routine)))
        changes = self.changes(routine)
        movable = any(c is not None and (c.changed or c.step is Step.KEPT) for c in changes)
        return DosePreview(self.change_lines(routine), dosed, movable)

    def forget(self) -> None:
        """Read the history again next time: a workout has just been recorded. Steps taken
        back were for that workout."""
        self._known.clear()
        self._taken_back.clear()


class WorkoutDoses:
    """One workout's dose changes, offered again on the get-ready screen of each exercise whose
    dose moves, where the person can still keep last time's dose (`k`).

    Taking one back plans the rest of the workout again with that exercise at last time's dose
    (`Session.replan`); the record then holds the dose actually done, which is where the next
    workout's dose comes from.
    """

    def __init__(
        self, routine: Routine, changes: Sequence[DoseChange | None], session: Session
    ) -> None:
        self._routine = routine
        self._changes = list(changes)
        self._session = session

    def offer(self) -> DoseChange | None:
        """The change to the exercise coming up, while its first set has not started."""
        number = self._upcoming()
        change = self._changes[number - 1] if number is not None else None
        return change if change is not None and change.changed else None

    def offer_line(self) -> str:
        """`Banded plank: 30 s this time, up from 10 s · k keeps 10 s`, or "" with no offer."""
        change = self.offer()
        if change is None:
            return ""
        return visible_controls(f"{change.text()} · k keeps {change.kept_words()}")

    def taken_back(self) -> dict[int, Dose]:
        """The doses offered and taken back, on the preview or here, by exercise number: for
        the record (`WorkoutRecorder.offered`)."""
        return {
            number: change.offered
            for number, change in enumerate(self._changes, start=1)
            if change is not None and change.offered is not None
        }

    def take_back(self) -> DoseChange | None:
        """Keep last time's dose for the exercise coming up; returns the kept change."""
        number = self._upcoming()
        change = self.offer()
        if number is None or change is None:
            return None
        kept = change.taken_back()
        self._changes[number - 1] = kept
        doses = {**self._session.plan.doses, **doses_for(self._changes)}
        self._session.replan(build_plan(self._routine, doses))
        return kept

    def _upcoming(self) -> int | None:
        """The exercise the current pause leads into, if none of its sets has begun."""
        session = self._session
        segment = session.current  # a pause names the work that follows it
        if segment.is_work or session.state.is_over or segment.set_number != 1:
            return None
        if segment.kind is SegmentKind.SWITCH_SIDES:
            return None
        return segment.exercise_number
