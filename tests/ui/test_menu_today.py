"""The menu opens on Today: the active plan's next session at its week's doses, or without a
plan the routine that best fits the weekly target; and the history screen's plan progress.

Real files in tmp_path (the plan started as `bandtimer plan start` starts it, sessions saved to
the history as the app saves them), a fake clock, and "today" pinned through the app's wall
clock. Pictures at 100×30 and 40×12; regenerate with `--snapshot-update` and look at them.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from bandtimer.domain.set_kinds import HeldReps
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.plans import ActivePlan, routines_by_name, write_active_plan
from bandtimer.storage.routines import discover_routines
from bandtimer.ui.screens.history import HistoryScreen
from tests.ui.harness import build, save_workout, workout
from tests.ui.menu_helpers import highlight, highlighted, menu, preview_text

LONDON = ZoneInfo("Europe/London")
STARTED = datetime(2026, 3, 2, 6, 30, tzinfo=LONDON)
"""Monday 2 March 2026."""
PLAN = "Six weeks to the full mini band workout"
ROUTINES = routines_by_name(discover_routines(shipped_routines_dir(), Path("/nonexistent")))
MARATHONER = ROUTINES["marathoner deep strength"]
WEEKDAY = ROUTINES["mini band weekday"]
SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((40, 12), id="40x12")]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def follow_plan(home: Path, *sessions: tuple[Any, int]) -> None:
    """Start the plan on STARTED and log each (routine, days after the start) at 07:00."""
    write_active_plan(Locations.under(home).active_plan_file, ActivePlan(PLAN, STARTED))
    for routine, days in sessions:
        save_workout(home, routine, STARTED + timedelta(days=days, minutes=30))


def on(day: int) -> Any:
    moment = STARTED + timedelta(days=day, hours=2)
    return lambda: moment


async def settle(pilot: Pilot[Any]) -> None:
    """Until what to do today (and the history screen, if open) has been read and shown: both
    are read on workers after the first frame. Other workers (the preview's advice, which a
    newer one may cancel) are not waited for."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers) + list(pilot.app.screen.workers):
            if worker.group in ("today", "history"):
                await worker.wait()
        await pilot.pause()


def today_text(pilot: Pilot[Any]) -> str:
    return str(menu(pilot).query_one("#today", Static).render())


def run(app: Any, body: Any, size: tuple[int, int] = (100, 30)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await body(pilot)

    asyncio.run(main())


def test_the_menu_opens_on_the_plans_next_session(home: Path) -> None:
    follow_plan(home, (MARATHONER, 0), (MARATHONER, 3))  # week 1 done
    harness = build(home, wall_clock=on(7))

    async def body(pilot: Pilot[Any]) -> None:
        assert today_text(pilot) == (
            "Today · week 2 of 6 · session 1 of 2\nMarathoner deep strength · 15:00  (t)"
        )
        assert highlighted(pilot).name == "Marathoner deep strength"
        await pilot.press("t")
        await pilot.pause()
        assert workout(pilot).session.plan.routine.name == "Marathoner deep strength"

    run(harness.app, body)


def test_enter_and_t_start_the_session_at_the_weeks_doses(home: Path) -> None:
    follow_plan(
        home, (MARATHONER, 0), (MARATHONER, 3), (MARATHONER, 7), (WEEKDAY, 10)
    )  # weeks 1 and 2 done: week 3 times the plank at 30 s
    harness = build(home, wall_clock=on(14))

    async def body(pilot: Pilot[Any]) -> None:
        assert today_text(pilot).splitlines() == [
            "Today · week 3 of 6 · session 1 of 2",
            "Mini band weekday · 21:34 · Banded plank 1 set, 30 s hold  (t)",
        ]
        assert highlighted(pilot).name == "Mini band weekday"
        assert "Banded plank: 30 s this time, up from 10 s" in preview_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        plank = workout(pilot).session.plan.exercises[3]
        assert isinstance(plank.kind, HeldReps) and plank.kind.planned_hold == 30

    run(harness.app, body)


def test_a_highlight_moved_before_today_arrives_stays_where_it_was(home: Path) -> None:
    follow_plan(home, (MARATHONER, 0))
    harness = build(home, wall_clock=on(1))

    async def body(pilot: Pilot[Any]) -> None:
        await highlight(pilot, "Quick try")
        await pilot.app.workers.wait_for_complete()
        pilot.app.call_later(pilot.app._read_today)  # today read again, after the person moved
        await settle(pilot)
        assert today_text(pilot).startswith("Today · week 1 of 6 · session 2 of 2")
        assert highlighted(pilot).name == "Quick try"

    run(harness.app, body)


def test_without_a_plan_today_is_the_routine_that_fits_the_week(home: Path) -> None:
    save_workout(home, WEEKDAY, STARTED - timedelta(days=7))
    save_workout(home, MARATHONER, STARTED - timedelta(days=3))
    harness = build(home, wall_clock=on(1))  # Tuesday, none done this week yet

    async def body(pilot: Pilot[Any]) -> None:
        assert today_text(pilot) == (
            "Today · this week 0 of 2 · next in turn\nMini band weekday · 19:34  (t)"
        )
        assert highlighted(pilot).name == "Mini band weekday"

    run(harness.app, body)


def test_a_plan_that_cannot_be_followed_says_why(home: Path) -> None:
    state = Locations.under(home).active_plan_file
    write_active_plan(state, ActivePlan("Couch to 5K", STARTED))
    save_workout(home, MARATHONER, STARTED)
    harness = build(home, wall_clock=on(1))

    async def body(pilot: Pilot[Any]) -> None:
        assert today_text(pilot).startswith(
            "The plan being followed, 'Couch to 5K', cannot be used: No plan called 'Couch to 5K'"
        )
        await pilot.press("t")
        await pilot.pause()
        assert menu(pilot) is pilot.app.screen  # nothing to start

    run(harness.app, body)


def test_the_history_screen_shows_the_plans_progress(home: Path) -> None:
    follow_plan(home, (MARATHONER, 0), (MARATHONER, 3), (MARATHONER, 7))
    harness = build(home, wall_clock=on(8))

    async def body(pilot: Pilot[Any]) -> None:
        await pilot.press("h")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert str(screen.query_one("#plan-progress", Static).render()) == (
            f"Plan · {PLAN}: week 2 of 6 · session 2 of 2 · 3 of 12 sessions done"
        )

    run(harness.app, body)


@pytest.mark.parametrize("size", SIZES)
def test_menu_with_today(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    follow_plan(home, (MARATHONER, 0), (MARATHONER, 3), (MARATHONER, 7), (WEEKDAY, 10))
    harness = build(home, wall_clock=on(14))
    assert snap_compare(harness.app, terminal_size=size, run_before=settle)


def test_history_with_plan_progress(snap_compare: Any, home: Path) -> None:
    follow_plan(home, (MARATHONER, 0), (MARATHONER, 3), (MARATHONER, 7))
    harness = build(home, wall_clock=on(8))

    async def open_history(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(harness.app, terminal_size=(100, 30), run_before=open_history)
