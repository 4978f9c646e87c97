"""The active plan joined with the routines, the history and the person's doses: where a person
stands, Today, and the doses a plan's session is timed at.

Storage says which plan is followed (`storage.plans`), the plan's rules say how the history moves
it (`domain.weekly_plan`); this reads the two together for the menu's Today entry, the history
screen's progress line, `bandtimer plan` and its calendar. A plan's doses reach the timer
through `PlanDoseBook`: the person's doses (`DoseBook`, from their history) with the plan's week
over them, so the preview, the workout and its record all see the same dose. Without a plan,
Today is the routine that best fits the weekly target (`domain.today`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bandtimer.coach.formatting import clock_time
from bandtimer.coach.plan_doses import PlanDoseBook
from bandtimer.domain.bands import BandColour
from bandtimer.domain.history import WorkoutStatus
from bandtimer.domain.plan import Plan, build_plan, planned_seconds
from bandtimer.domain.routine import Routine
from bandtimer.domain.streaks import week_start
from bandtimer.domain.text import visible_controls
from bandtimer.domain.today import Candidate, best_fit
from bandtimer.domain.weekly_plan import (
    Logged,
    PlanProgress,
    SessionPlace,
    TrainingPlan,
    follow,
)
from bandtimer.storage.history import HistoryStore, routine_slug
from bandtimer.storage.locations import Locations, shipped_plans_dir, shipped_routines_dir
from bandtimer.storage.plans import (
    ActivePlan,
    PlanNotFound,
    PlanStateError,
    discover_plans,
    find_plan,
    read_active_plan,
)
from bandtimer.storage.routines import RoutineEntry, discover_routines

SAMPLER_TAG = "sampler"
"""Quick try's tag: a tour of the screens, never what to do today."""


class PlanUnavailable(Exception):
    """An active plan that cannot be followed: its state file or its plan file is broken or
    gone. The message says which and what to do."""


@dataclass(frozen=True)
class PlanStatus:
    """The active plan, where the person stands in it, and the routines its sessions name."""

    plan: TrainingPlan
    progress: PlanProgress
    routines: dict[str, Routine]
    """Keyed by case-folded name."""

    def routine_for(self, place: SessionPlace) -> Routine | None:
        """The routine of session `place`, as its file says; None if it has gone."""
        return self.routines.get(place.routine.casefold())

    def this_week(self) -> list[str]:
        """The routines of the current week's sessions not done yet."""
        return [p.routine for p in self.progress.remaining() if p.week == self.progress.week]

    def timed(self, place: SessionPlace, book: PlanDoseBook) -> Plan | None:
        """Session `place` as it will be timed: its routine at the person's doses with its
        week's over them."""
        routine = self.routine_for(place)
        if routine is None:
            return None
        return build_plan(routine, book.doses_in_week(routine, place.week))

    def where(self) -> str:
        """`week 2 of 6 · session 1 of 2 · 3 of 12 sessions done`."""
        progress = self.progress
        done = f"{progress.sessions_done} of {self.plan.session_count} sessions done"
        line = f"{progress.headline()} · {done}"
        if progress.repeats:
            line += f" · week {progress.week} again: sessions were missed"
        return line

    def progress_line(self) -> str:
        """`Six weeks…: week 2 of 6 · session 1 of 2 · 3 of 12 sessions done`."""
        return visible_controls(f"{self.plan.name}: {self.where()}")

    def week_line(self) -> str:
        """When the current week must be finished by, once it has opened."""
        due = self.progress.due_by
        if due is None or self.progress.finished:
            return ""
        return f"Finish week {self.progress.week} by {due:%a %-d %b}, or it starts over."


@dataclass(frozen=True)
class Today:
    """What the menu opens on: the routine to do today, and why."""

    routine: Routine
    """As its file says: started, it is timed at the doses `PlanDoseBook` gives it."""
    headline: str
    """`Today · week 2 of 6 · session 1 of 2`, or `Today · this week 1 of 2 · next in turn`."""
    detail: str
    """The routine, its planned length, and what the plan's week sets in it."""
    status: PlanStatus | None = None


def active_plan(locations: Locations) -> ActivePlan | None:
    """The state file's plan, or None; raises PlanUnavailable for a broken state file."""
    try:
        return read_active_plan(locations.active_plan_file)
    except PlanStateError as error:
        raise PlanUnavailable(visible_controls(str(error))) from None


def plan_status(
    locations: Locations,
    entries: Sequence[RoutineEntry],
    history: HistoryStore,
    today: date,
    active: ActivePlan | None = None,
) -> PlanStatus | None:
    """Where the person stands in the active plan; None without one. Raises PlanUnavailable."""
    active = active or active_plan(locations)
    if active is None:
        return None
    routines = {e.routine.name.casefold(): e.routine for e in entries if e.routine is not None}
    plans = discover_plans(shipped_plans_dir(), locations.user_plans_dir, routines)
    try:
        plan = find_plan(plans, active.name)
    except PlanNotFound as missing:
        raise PlanUnavailable(
            f"The plan being followed, {visible_controls(active.name)!r}, cannot be used: "
            f"{missing}\n`bandtimer plan stop` stops following it."
        ) from None
    logged = [
        Logged(record.routine.name, record.started)
        for record in history.since(active.started.date()).records
        if record.status is WorkoutStatus.COMPLETED
    ]
    return PlanStatus(plan, follow(plan, active.started, logged, today=today), routines)


def plan_dose_book(
    locations: Locations, history: HistoryStore, bands: Sequence[BandColour], today: date
) -> PlanDoseBook:
    """The person's doses with the active plan's week over them, as the app has them once
    Today is read: for `bandtimer show`. A plan that cannot be followed is left out (the menu
    and `bandtimer plan` say why)."""
    book = PlanDoseBook(lambda: history, bands)
    entries = discover_routines(shipped_routines_dir(), locations.user_routines_dir)
    with contextlib.suppress(PlanUnavailable):
        book.follow(plan_status(locations, entries, history, today))
    return book


def what_today(
    locations: Locations,
    entries: Sequence[RoutineEntry],
    book: PlanDoseBook,
    history: HistoryStore,
    now: datetime,
    weekly_target: int,
) -> Today | None:
    """Today's routine: the active plan's next session, else the best fit for the weekly
    target; None when there is nothing to suggest (nothing done yet, or a plan finished).
    `book` is told the plan's state, so the session is timed at its week's doses. Raises
    PlanUnavailable for an active plan that cannot be followed (and `book` follows none)."""
    today = now.date()
    book.follow(None)
    status = plan_status(locations, entries, history, today)
    book.follow(status)
    if status is not None:
        return _plan_today(status, book)
    candidates = [e.routine for e in entries if e.routine is not None]
    candidates = [r for r in candidates if SAMPLER_TAG not in r.tags]
    recent = history.since(week_start(today)).records
    this_week = sum(1 for r in recent if r.status is WorkoutStatus.COMPLETED)
    days = history.last_done()
    pick = best_fit(
        [Candidate(r.name, planned_seconds(r), days.get(routine_slug(r.name))) for r in candidates],
        this_week=this_week,
        weekly_target=weekly_target,
        today=today,
    )
    if pick is None:
        return None
    routine = next(r for r in candidates if r.name == pick.routine)
    seconds = planned_seconds(routine, book.doses(routine))
    detail = f"{routine.name} · {clock_time(seconds)}"
    return Today(routine, f"Today · {pick.why}", visible_controls(detail))


def _plan_today(status: PlanStatus, book: PlanDoseBook) -> Today | None:
    place = status.progress.next_session()
    if place is None:
        return None
    timed = status.timed(place, book)
    if timed is None:
        return None
    routine = timed.routine
    set_by_week = status.plan.doses_for(place.week, routine.name)
    doses = "; ".join(
        f"{exercise.name} {exercise.current.describe()}"
        for exercise in timed.exercises
        if exercise.name.casefold() in set_by_week and exercise.current is not None
    )
    detail = f"{routine.name} · {clock_time(timed.total_seconds)}"
    if doses:
        detail += f" · {doses}"
    headline = f"Today · {status.progress.headline()}"
    due = status.progress.due_by
    if due is not None:
        headline += f" · by {due:%a %-d %b}"
    if status.progress.repeats:
        headline += " (again)"
    return Today(routine, headline, visible_controls(detail), status)
