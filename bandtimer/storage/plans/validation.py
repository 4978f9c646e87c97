"""Turning a parsed plan file into a `TrainingPlan`, or into the list of everything wrong with it.

A plan file is read with the routine files' machinery (`routines.fields`: one field at a time,
a `Reporter` per part, every problem with file, line and field), so the two kinds of file say
their mistakes the same way. The part a problem is in is said first: `week 2: …`,
`week 3, dose 1: …`. With the routines known, a plan is also checked against them: a session
naming a routine that does not exist names the plan and the routine, and a dose change must
name an exercise of its routine with a figure that exercise has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bandtimer.domain.dose import hold_rungs
from bandtimer.domain.routine import Routine
from bandtimer.domain.weekly_plan import PlanWeek, TrainingPlan, WeekDose
from bandtimer.storage.routines.fields import (
    Bounds,
    JsonSchema,
    NameField,
    Reporter,
    Table,
    TextField,
    check_keys,
    is_whole,
    read_name,
    read_text,
)
from bandtimer.storage.routines.problems import Problem, RoutineError, quoted, shown
from bandtimer.storage.routines.toml_lines import LineIndex
from bandtimer.storage.routines.validation import HOLD, SETS

SESSIONS_PER_WEEK = Bounds(1, 7)
MAX_WEEKS = 52
"""A year: far beyond any block a runner trains in, and it keeps `check` quick."""
MAX_DOSES = 50
"""Dose changes in one week."""


class PlanError(RoutineError):
    """A plan file that cannot be used, with every problem found in it, one per line."""


@dataclass(frozen=True)
class CountField:
    """A whole number within bounds, such as sessions a week."""

    bounds: Bounds
    description: str
    unit: str = ""

    def read(self, table: Table, key: str, at: Reporter) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if not is_whole(value):
            at.report(key, f"{at.label(key)} must be a whole number, got {shown(value)}")
            return None
        if value not in self.bounds:
            at.report(key, f"{at.label(key)} must be {self.bounds}, got {shown(value)}")
            return None
        return value

    def schema(self) -> JsonSchema:
        low, high = int(self.bounds.low), int(self.bounds.high)
        return {
            "type": "integer",
            "description": f"{self.description} ({low}–{high})",
            "minimum": low,
            "maximum": high,
        }


@dataclass(frozen=True)
class RoutineNamesField:
    """Routine names, one per session (`sessions`)."""

    description: str

    def schema(self) -> JsonSchema:
        item = NameField("").schema()
        item.pop("description")
        return {
            "description": self.description,
            "type": "array",
            "items": item,
            "minItems": int(SESSIONS_PER_WEEK.low),
            "maxItems": int(SESSIONS_PER_WEEK.high),
        }


# The fields of a plan file; the validator reads through these and schema/plan.schema.json is
# generated from them (`plans.schema`), as for routines.
PLAN_TOP_FIELDS: dict[str, Any] = {
    "name": NameField("The plan's name, for `bandtimer plan start NAME`; required. One of your "
                      "own with the name of a shipped plan replaces it."),
    "description": TextField("What the plan is for."),
    "source": TextField("Where its exercises and steps come from."),
    "notes": TextField("Anything else worth knowing, such as dosing the project chose."),
    "sessions_per_week": CountField(SESSIONS_PER_WEEK, "Sessions in every week; required"),
}
WEEK_FIELDS: dict[str, Any] = {
    "sessions": RoutineNamesField("The week's sessions, one routine name each, as many as "
                                  "sessions_per_week; required"),
    "note": TextField("What the week is for."),
}
DOSE_FIELDS: dict[str, Any] = {
    "routine": NameField("The routine whose exercise changes; required."),
    "exercise": NameField("The exercise of that routine; required."),
    "sets": CountField(SETS, "Sets, from this week on, within the exercise's own range"),
    "hold": CountField(HOLD, "Seconds held, from this week on: one of the exercise's "
                       "progression, or an end of its hold range", "seconds"),
}
FIGURES = ("sets", "hold")


@dataclass(frozen=True)
class PlanReporter(Reporter):
    """A `Reporter` whose messages start with the part of the plan they are in."""

    part: str = ""
    name_key: str = "name"
    """Where `read_name` reports: a plan reads routine and exercise names with it too."""
    name_label: str = "name"

    def label(self, key: str) -> str:
        return self.name_label if key == "name" else super().label(key)

    def report(self, key: str | None, message: str) -> None:
        key = self.name_key if key == "name" else key
        super().report(key, f"{self.part}: {message}" if self.part else message)

    def naming(self, key: str, label: str | None = None) -> PlanReporter:
        """This reporter, for reading the name at `key` (shown as `label`) with `read_name`."""
        return replace(self, name_key=key, name_label=label or key)


def build_training_plan(
    document: Table, path: Path, lines: LineIndex, routines: Mapping[str, Routine] | None = None
) -> TrainingPlan:
    """The plan a parsed file describes; raises PlanError with every problem in it.

    `routines`, keyed by case-folded name, are the routines that exist: given, every routine
    and exercise the plan names is checked against them."""
    top = PlanReporter(path, lines)
    check_keys(document, (*PLAN_TOP_FIELDS, "week"), top)
    name = read_name(document, top)
    values = {key: read_text(document, key, top) for key in ("description", "source", "notes")}
    per_week = PLAN_TOP_FIELDS["sessions_per_week"].read(document, "sessions_per_week", top)
    if per_week is None and "sessions_per_week" not in document:
        top.report("sessions_per_week", "sessions_per_week is required")
    weeks = _read_weeks(document.get("week"), top, per_week)
    if name is not None and routines is not None:
        for week in weeks:
            _check_against(week, name, routines, top)
    if top.problems or name is None or per_week is None:
        raise PlanError(problem_order(top.problems))
    given = {key: value for key, value in values.items() if value is not None}
    return TrainingPlan(name, per_week, tuple(weeks), path=path, **given)


def _read_weeks(value: object, top: PlanReporter, per_week: int | None) -> list[PlanWeek]:
    if value is None or value == []:
        top.report("week", "the plan has no weeks: add at least one [[week]]")
        return []
    if not isinstance(value, list):
        top.report("week", f"weeks must be written [[week]], with double brackets, got "
                   f"{shown(value)}")  # fmt: skip
        return []
    if len(value) > MAX_WEEKS:
        top.report("week", f"a plan can have at most {MAX_WEEKS} weeks, and this one has "
                   f"{len(value):,}")  # fmt: skip
        value = value[:MAX_WEEKS]
    weeks = []
    for number, table in enumerate(value, start=1):
        at = PlanReporter(path=top.path, lines=top.lines, problems=top.problems,
                          table=("week", number), part=f"week {number}")  # fmt: skip
        if not isinstance(table, dict):
            at.report(None, f"must be a [[week]] table, got {shown(table)}")
            continue
        week = _read_week(table, number, at, per_week)
        if week is not None:
            weeks.append(week)
    return weeks


def _read_week(
    table: Table, number: int, at: PlanReporter, per_week: int | None
) -> PlanWeek | None:
    before = len(at.problems)
    check_keys(table, (*WEEK_FIELDS, "dose"), at)
    sessions = _read_sessions(table, at, per_week)
    note = read_text(table, "note", at)
    doses = _read_doses(table.get("dose"), number, at)
    if sessions is None or len(at.problems) > before:
        return None
    return PlanWeek(number, sessions, tuple(doses), note or "", at.lines.exact(at.table))


def _read_sessions(table: Table, at: PlanReporter, per_week: int | None) -> tuple[str, ...] | None:
    value = table.get("sessions")
    if value is None:
        at.report("sessions", "sessions is required: the week's routines, by name")
        return None
    if not isinstance(value, list) or not value:
        at.report("sessions", f"sessions must be a list of routine names, got {shown(value)}")
        return None
    names = []
    for item, name in enumerate(value, start=1):
        if not isinstance(name, str) or not name.strip():
            at.report("sessions", f"sessions item {item} must be a routine's name in quotes, "
                      f"got {shown(name)}")  # fmt: skip
            continue
        checked = read_name({"name": name}, at.naming("sessions", f"sessions item {item}"))
        if checked is not None:
            names.append(checked)
    if len(names) != len(value):
        return None
    if per_week is not None and len(names) != per_week:
        at.report("sessions", f"sessions must list {per_week} routines (sessions_per_week is "
                  f"{per_week}), got {len(names)}")  # fmt: skip
        return None
    return tuple(names)


def _read_doses(value: object, week: int, at: PlanReporter) -> list[WeekDose]:
    if value is None:
        return []
    if not isinstance(value, list):
        at.report("dose", f"dose changes must be written [[week.dose]], got {shown(value)}")
        return []
    if len(value) > MAX_DOSES:
        at.report("dose", f"a week can have at most {MAX_DOSES} dose changes, got {len(value):,}")
        return []
    doses = []
    for number, table in enumerate(value, start=1):
        here = PlanReporter(path=at.path, lines=at.lines, problems=at.problems,
                            table=("week", week, "dose", number),
                            part=f"week {week}, dose {number}")  # fmt: skip
        if not isinstance(table, dict):
            here.report(None, f"must be a [[week.dose]] table, got {shown(table)}")
            continue
        before = len(here.problems)
        check_keys(table, DOSE_FIELDS, here)
        routine = read_name({"name": table.get("routine")}, here.naming("routine"))
        exercise = read_name({"name": table.get("exercise")}, here.naming("exercise"))
        figures = {key: DOSE_FIELDS[key].read(table, key, here) for key in FIGURES}
        if not any(key in table for key in FIGURES):
            here.report(None, "a dose change needs sets, hold or both")
        if routine is None or exercise is None or len(here.problems) > before:
            continue
        line = here.lines.exact(here.table)
        doses.append(WeekDose(routine, exercise, line=line, **figures))
    return doses


def _check_against(
    week: PlanWeek, plan: str, routines: Mapping[str, Routine], top: PlanReporter
) -> None:
    """Every routine the week names exists; every dose change fits its exercise."""
    at = PlanReporter(path=top.path, lines=top.lines, problems=top.problems,
                      table=("week", week.number), part=f"week {week.number}")  # fmt: skip
    for number, name in enumerate(week.sessions, start=1):
        if name.casefold() not in routines:
            at.report("sessions", _no_such_routine(plan, name, routines) +
                      f" (session {number})")  # fmt: skip
    for number, change in enumerate(week.doses, start=1):
        here = PlanReporter(path=top.path, lines=top.lines, problems=top.problems,
                            table=("week", week.number, "dose", number),
                            part=f"week {week.number}, dose {number}")  # fmt: skip
        routine = routines.get(change.routine.casefold())
        if routine is None:
            here.report("routine", _no_such_routine(plan, change.routine, routines))
            continue
        exercise = next(
            (e for e in routine.exercises if e.name.casefold() == change.exercise.casefold()),
            None,
        )
        if exercise is None:
            names = ", ".join(quoted(e.name) for e in routine.exercises)
            here.report("exercise", f"routine {quoted(routine.name)} has no exercise "
                        f"{quoted(change.exercise)}; its exercises are {names}")  # fmt: skip
            continue
        named = f"{quoted(exercise.name)} in {quoted(routine.name)}"
        hold = exercise.kind.hold
        if change.hold is not None and hold is None:
            here.report("hold", f"{named} is not held: a hold cannot change")
        elif change.hold is not None and hold is not None:
            rungs = hold_rungs(exercise)
            if change.hold not in rungs:
                steps = ", ".join(str(rung) for rung in rungs)
                here.report("hold", f"hold must be one of {steps} s for {named}, as its "
                            f"routine allows, got {change.hold}")  # fmt: skip
        if change.sets is not None and change.sets not in exercise.sets:
            here.report("sets", f"sets must be {exercise.sets} for {named}, as its routine "
                        f"allows, got {change.sets}")  # fmt: skip


def _no_such_routine(plan: str, name: str, routines: Mapping[str, Routine]) -> str:
    import difflib

    message = f"plan {quoted(plan)} names routine {quoted(name)}, which does not exist"
    known = {routine.name.casefold(): routine.name for routine in routines.values()}
    close = difflib.get_close_matches(name.casefold(), list(known), n=1)
    if close:
        return message + f"; did you mean {quoted(known[close[0]])}?"
    return message + "; `bandtimer list` shows the routines there are"


def problem_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (problem.line is not None, problem.line or 0))
