"""Plans over weeks: which routine to do next, week by week, and at what dose.

Runners train in blocks (Couch to 5K is nine weeks of three sessions), so a plan is a list of
weeks, each listing its sessions by routine name, with the doses that change in that week. A
dose change stands from its week on, until a later week changes it again: "the plank steps
10 → 30 → 45 → 60 s" is three changes, in the weeks where the hold goes up.

A plan advances when its sessions are logged, never by the calendar: the next session is
whatever the history has not done yet. A week opens with its first session, and its sessions
must all be done within seven days of that; a week left unfinished once those days are over
is done again from its first session (a week repeated, because sessions were missed). A
completed workout counts for the plan when its routine is one of the current week's sessions
not yet done, in any order; anything else a person does in between is their own business.

Plain data and rules only: the files are storage's, the history is read by the caller, and
`today` is always handed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from bandtimer.domain.dose import Dose, starting_dose, within_routine
from bandtimer.domain.progression import DoseChange, Step
from bandtimer.domain.routine import Exercise

WEEK_DAYS = 7
"""A plan's week: its sessions are done within seven days of the first."""


@dataclass(frozen=True)
class WeekDose:
    """One exercise of one routine dosed differently from this week on; None leaves a figure as
    the person's dose (or an earlier week) has it."""

    routine: str
    exercise: str
    sets: int | None = None
    hold: int | None = None
    line: int | None = None
    """Line of its `[[week.dose]]` header, for messages that point back to it."""

    def merged(self, later: WeekDose) -> WeekDose:
        """This change with `later`'s figures over it: a later week changes what it names."""
        return replace(
            self,
            sets=later.sets if later.sets is not None else self.sets,
            hold=later.hold if later.hold is not None else self.hold,
            line=later.line,
        )

    def describe(self) -> str:
        """`3 sets, 30 s hold`: only the figures it changes."""
        parts = []
        if self.sets is not None:
            parts.append(f"{self.sets} set" + ("" if self.sets == 1 else "s"))
        if self.hold is not None:
            parts.append(f"{self.hold} s hold")
        return ", ".join(parts)


@dataclass(frozen=True)
class PlanWeek:
    number: int
    """1-based."""
    sessions: tuple[str, ...]
    """Routine names, in the order suggested."""
    doses: tuple[WeekDose, ...] = ()
    note: str = ""
    line: int | None = None


@dataclass(frozen=True)
class TrainingPlan:
    """A named list of weeks; every week has `sessions_per_week` sessions."""

    name: str
    sessions_per_week: int
    weeks: tuple[PlanWeek, ...]
    description: str = ""
    source: str = ""
    notes: str = ""
    path: Path | None = None

    @property
    def session_count(self) -> int:
        return sum(len(week.sessions) for week in self.weeks)

    def routine_names(self) -> list[str]:
        """Every routine the plan names, once each, in the order first named."""
        seen: dict[str, str] = {}
        for week in self.weeks:
            for name in week.sessions:
                seen.setdefault(name.casefold(), name)
        return list(seen.values())

    def doses_for(self, week: int, routine: str) -> dict[str, WeekDose]:
        """The dose changes that stand for `routine` in week `week` (1-based), by exercise name
        case-folded: every change of that routine up to that week, later ones over earlier."""
        wanted = routine.casefold()
        standing: dict[str, WeekDose] = {}
        for plan_week in self.weeks[:week]:
            for change in plan_week.doses:
                if change.routine.casefold() != wanted:
                    continue
                key = change.exercise.casefold()
                earlier = standing.get(key)
                standing[key] = change if earlier is None else earlier.merged(change)
        return standing


def week_change(exercise: Exercise, person: DoseChange | None, week: WeekDose) -> DoseChange:
    """The person's dose of `exercise` this time (`person`, progression's change from last
    time; None when never done) with the plan's week over it.

    The one place a plan's doses meet a person's: the week's figures stand where it sets them
    (fitted to the routine's file, as every dose is), and the rest (the band, a figure the week
    leaves alone) is the person's own. Progression then goes on from the dose done.
    """
    before = person.before if person is not None else starting_dose(exercise)
    own = person.after if person is not None else before
    after = within_routine(
        exercise,
        Dose(
            sets=week.sets if week.sets is not None else own.sets,
            hold=week.hold if week.hold is not None else own.hold,
            band=own.band,
        ),
    )
    if after.hold is not None and before.hold is not None and after.hold > before.hold:
        step = Step.HOLD_UP
    elif after.sets > before.sets:
        step = Step.SETS_UP
    elif person is not None and after == own:
        step = person.step
    else:
        step = Step.STAY
    return DoseChange(exercise.name, before, after, step)


# -- following a plan through the history ----------------------------------------------------


@dataclass(frozen=True)
class Logged:
    """A completed workout, as far as a plan cares: which routine, and when."""

    routine: str
    started: datetime


@dataclass(frozen=True)
class SessionPlace:
    """One session of a plan: week `week`, session `session` (both 1-based)."""

    week: int
    session: int
    routine: str


@dataclass(frozen=True)
class CountedSession:
    place: SessionPlace
    day: date


@dataclass(frozen=True)
class PlanProgress:
    """Where a person stands in a plan, worked out from the workouts they logged."""

    plan: TrainingPlan
    started: datetime
    week: int
    """The week in progress (1-based); `len(plan.weeks) + 1` once the plan is done."""
    done: tuple[int, ...]
    """Session numbers of the current week already done."""
    opened: date | None
    """The day the current week's first session was done; None before it."""
    repeats: int
    """How many times the current week has been started over."""
    counted: tuple[CountedSession, ...]
    """Every workout that counted for the plan, oldest first, repeated weeks included."""

    @property
    def finished(self) -> bool:
        return self.week > len(self.plan.weeks)

    @property
    def weeks_done(self) -> int:
        return min(self.week, len(self.plan.weeks) + 1) - 1

    @property
    def sessions_done(self) -> int:
        """Sessions of the plan behind the person: whole weeks done and this week's so far."""
        return sum(len(w.sessions) for w in self.plan.weeks[: self.weeks_done]) + len(self.done)

    @property
    def due_by(self) -> date | None:
        """The last day of the current week's seven, once it has opened."""
        if self.opened is None:
            return None
        return self.opened + timedelta(days=WEEK_DAYS - 1)

    def next_session(self) -> SessionPlace | None:
        remaining = self.remaining()
        return remaining[0] if remaining else None

    def remaining(self) -> list[SessionPlace]:
        """The sessions still to do, in order: the rest of this week, then the weeks after."""
        places = []
        for week in self.plan.weeks[self.week - 1 :]:
            for number, routine in enumerate(week.sessions, start=1):
                if week.number == self.week and number in self.done:
                    continue
                places.append(SessionPlace(week.number, number, routine))
        return places

    def headline(self) -> str:
        """`week 2 of 6 · session 1 of 2`, or that the plan is done."""
        weeks = len(self.plan.weeks)
        if self.finished:
            return f"all {weeks} weeks done"
        place = self.next_session()
        assert place is not None
        count = len(self.plan.weeks[place.week - 1].sessions)
        return f"week {place.week} of {weeks} · session {place.session} of {count}"


def follow(
    plan: TrainingPlan, started: datetime, logged: Iterable[Logged], *, today: date
) -> PlanProgress:
    """Walk `logged` (any order) from `started` on, as the module docstring says, up to `today`."""
    week, done, opened, repeats = 1, [], None, 0
    counted: list[CountedSession] = []
    weeks = plan.weeks
    since = started.replace(microsecond=0)  # records keep whole seconds
    for workout in sorted(logged, key=lambda each: each.started):
        if workout.started < since or week > len(weeks):
            continue
        day = workout.started.date()
        if opened is not None and day > opened + timedelta(days=WEEK_DAYS - 1):
            done, opened, repeats = [], None, repeats + 1  # missed: the week starts over
        sessions = weeks[week - 1].sessions
        number = _first_open(sessions, done, workout.routine)
        if number is None:
            continue
        opened = opened or day
        done.append(number)
        counted.append(CountedSession(SessionPlace(week, number, sessions[number - 1]), day))
        if len(done) == len(sessions):
            week, done, opened, repeats = week + 1, [], None, 0
    if opened is not None and today > opened + timedelta(days=WEEK_DAYS - 1):
        done, opened, repeats = [], None, repeats + 1
    return PlanProgress(plan, started, week, tuple(sorted(done)), opened, repeats, tuple(counted))


def _first_open(sessions: Sequence[str], done: Sequence[int], routine: str) -> int | None:
    wanted = routine.casefold()
    for number, name in enumerate(sessions, start=1):
        if number not in done and name.casefold() == wanted:
            return number
    return None

