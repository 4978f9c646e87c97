"""Six simulated weeks of the shipped plan, with real files in tmp_path and a fake clock.

Each session is what Today says (`coach.what_today`, as the menu asks), done in full on a fake
clock and saved to the history exactly as the app saves a workout; the plan's state is the
state file `bandtimer plan start` writes. The weeks must advance one by one as sessions are
logged, a week left unfinished for more than seven days must start over, and every dose the
plan times must be the one docs/progression.md and the plan file give.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bandtimer.coach.plan_doses import PlanDoseBook
from bandtimer.coach.plans import Today, plan_status, what_today
from bandtimer.domain.bands import DEFAULT_BANDS
from bandtimer.domain.plan import build_plan
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.plans import ActivePlan, load_plan, routines_by_name, write_active_plan
from bandtimer.storage.routines import discover_routines
from tests.ui.harness import save_workout

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "plans" / "six-weeks-to-mini-band.toml"
DOCS = ROOT / "docs" / "progression.md"
ZONE = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 3, 2, 7, 0, tzinfo=ZONE)
"""Week 5 of the simulation crosses the change to summer time (29 March)."""
TARGET = 2


def documented_doses() -> dict[tuple[int, str, str], tuple[int, int | None]]:
    """(week, routine, exercise) -> (sets, hold) from docs/progression.md's table."""
    rows = re.findall(
        r"^\| (\d+) \| ([^|]+) \| ([^|]+) \| (\d+) \| (\d+ s|–) \|$",
        DOCS.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert len(rows) >= 8, "docs/progression.md lost its table of the plan's doses"
    return {
        (int(week), routine.strip(), exercise.strip()): (
            int(sets),
            None if hold == "–" else int(hold.removesuffix(" s")),
        )
        for week, routine, exercise, sets, hold in rows
    }


def documented_sessions() -> dict[int, list[str]]:
    rows = re.findall(r"^\| (\d) \| ([A-Z][^|]+, [^|]+) \|$", DOCS.read_text("utf-8"), re.M)
    return {int(week): [name.strip() for name in names.split(",")] for week, names in rows}


class Runner:
    """A person following the plan: asks Today, does it, logs it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.locations = Locations.under(home)
        self.store = HistoryStore(self.locations.history_dir, "laptop")
        self.entries = discover_routines(shipped_routines_dir(), self.locations.user_routines_dir)
        self.timed: dict[tuple[int, str, str], tuple[int, int | None]] = {}

    def today(self, now: datetime) -> Today:
        self.book = PlanDoseBook(lambda: self.store, DEFAULT_BANDS)  # as the app starts
        today = what_today(self.locations, self.entries, self.book, self.store, now, TARGET)
        assert today is not None
        return today

    def do_today(self, now: datetime) -> Today:
        """Start Today as the menu does (the dose book gives its doses), do it all, log it."""
        today = self.today(now)
        assert today.status is not None
        week = today.status.progress.week
        doses = self.book.doses(today.routine)
        for exercise in build_plan(today.routine, doses).exercises:
            self.timed[week, today.routine.name, exercise.name] = (
                exercise.planned_sets,
                exercise.kind.planned_hold,
            )
        save_workout(self.home, today.routine, now, doses=doses)
        return today


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    runner = Runner(tmp_path)
    plan = load_plan(PLAN_FILE)
    write_active_plan(runner.locations.active_plan_file, ActivePlan(plan.name, MONDAY))
    return runner


def test_six_weeks_advance_week_by_week_at_the_documented_doses(runner: Runner) -> None:
    sessions = documented_sessions()
    for week in range(1, 7):
        for session, days in ((1, 0), (2, 3)):  # Mondays and Thursdays
            now = MONDAY + timedelta(weeks=week - 1, days=days)
            today = runner.do_today(now)
            expected = f"Today · week {week} of 6 · session {session} of 2"
            if session == 2:  # the week opened on Monday: seven days, to Sunday
                expected += f" · by {now + timedelta(days=3):%a %-d %b}"
            assert today.headline == expected
            assert today.routine.name == sessions[week][session - 1]
    after = MONDAY + timedelta(weeks=6)
    status = plan_status(runner.locations, runner.entries, runner.store, after.date())
    assert status is not None and status.progress.finished
    assert status.progress.sessions_done == 12
    book = PlanDoseBook(lambda: runner.store, DEFAULT_BANDS)
    assert what_today(runner.locations, runner.entries, book, runner.store, after, TARGET) is None

    documented = documented_doses()
    for key, dose in documented.items():
        assert runner.timed[key] == dose, f"week {key[0]} {key[1]}: {key[2]}"
    # The plan file says the same: every change it makes is one the docs list.
    plan = load_plan(PLAN_FILE, routines_by_name(runner.entries))
    for week in plan.weeks:
        for change in week.doses:
            sets, hold = documented[week.number, change.routine, change.exercise]
            assert change.hold in (None, hold) and change.sets in (None, sets)


def test_the_plank_steps_10_30_45_60_on_the_weekday_routine(runner: Runner) -> None:
    holds = []
    for week in range(1, 7):
        for days in (0, 3):
            runner.do_today(MONDAY + timedelta(weeks=week - 1, days=days))
    for week in range(2, 6):
        holds.append(runner.timed[week, "Mini band weekday", "Banded plank"][1])
    assert holds == [10, 30, 45, 60]


def test_a_week_left_unfinished_for_seven_days_starts_over(runner: Runner) -> None:
    runner.do_today(MONDAY)
    runner.do_today(MONDAY + timedelta(days=3))  # week 1 done
    runner.do_today(MONDAY + timedelta(weeks=1))  # week 2, session 1 on Monday 9 March
    on_sunday = MONDAY + timedelta(weeks=1, days=6)
    assert (
        runner.today(on_sunday).headline == "Today · week 2 of 6 · session 2 of 2 · by Sun 15 Mar"
    )
    # Monday 16 March: seven days after the week opened, its second session was never done.
    late = MONDAY + timedelta(weeks=2)
    today = runner.today(late)
    assert today.headline == "Today · week 2 of 6 · session 1 of 2 (again)"
    assert today.routine.name == "Marathoner deep strength"
    assert today.status is not None and today.status.progress.repeats == 1
    assert "week 2 again" in today.status.progress_line()
    runner.do_today(late)
    runner.do_today(late + timedelta(days=2))
    assert runner.today(late + timedelta(days=4)).headline == "Today · week 3 of 6 · session 1 of 2"


def test_workouts_of_other_routines_and_unfinished_ones_do_not_count(runner: Runner) -> None:
    routines = routines_by_name(runner.entries)
    save_workout(runner.home, routines["quick try"], MONDAY + timedelta(hours=1))
    assert runner.today(MONDAY + timedelta(hours=2)).headline.endswith("session 1 of 2")
    before = MONDAY - timedelta(days=1)  # done before the plan started
    save_workout(runner.home, routines["marathoner deep strength"], before)
    assert runner.today(MONDAY + timedelta(hours=2)).headline.endswith("session 1 of 2")
