"""A history that cannot be written, through the real app: the workout reaches its summary.

The app is built as the command line builds it, on a fake clock, and each fault (disk_faults.py)
is tried from the first save to the summary, on the summary, and at start-up when an unfinished
workout is kept. In every case exactly one message says the record could not be saved, and the
records already on disk are untouched. Through WorkoutRecorder alone: test_filesystem_faults.py.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import WorkoutStatus
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import NOT_RECORDED, SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from tests.robustness.disk_faults import PATCHED_FAULTS, SOME_FAULTS, Fault
from tests.robustness.history_home import PLAN_SECONDS, SETS, STARTED, Home, WallClock, begin
from tests.ui.harness import advance, build, record_notifications

STEP = 5
"""The app is moved on a segment at a time: each set ends on its own redraw, and saves."""


# -- through the app ----------------------------------------------------------------------------


def about_saving(notes: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """What the person was told about the history; every such message says it was not saved."""
    told = [message for message, options in notes if options.get("title") == "History"]
    assert all("Couldn't save" in message for message in told), told
    return told


Body = Callable[[Pilot[Any], FakeClock, list[tuple[str, dict[str, Any]]]], Any]


def run_app(home: Home, body: Body, *, start: bool = True) -> None:
    harness = build(home.path, home.routine if start else None, mute=True)
    app = harness.app
    app.services = replace(app.services, wall_clock=WallClock(harness.clock))
    notes = record_notifications(app)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await body(pilot, harness.clock, notes)

    asyncio.run(main())


async def to_the_summary(pilot: Pilot[Any], clock: FakeClock) -> SummaryScreen:
    for _ in range(PLAN_SECONDS // STEP + 2):
        if not isinstance(pilot.app.screen, WorkoutScreen):
            break
        await advance(pilot, clock, STEP)
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen), f"the workout did not end: {screen!r}"
    assert screen.summary.completed
    return screen


def test_app_a_fault_from_the_start_is_told_once_and_the_workout_ends(
    home: Home, fault: Fault
) -> None:
    fault.start(home.history)

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await pilot.press("c", "home", "enter")  # a band picked saves too
        summary = await to_the_summary(pilot, clock)
        await pilot.press("2")  # and so does how it felt
        await pilot.pause()
        assert str(summary.query_one("#recorded").render()) == NOT_RECORDED
        [message] = about_saving(notes)
        assert fault.reason in message

    run_app(home, body)
    fault.stop(home.history)
    home.assert_untouched()
    assert home.files().keys() == home.before.keys()


@pytest.mark.parametrize("fault", SOME_FAULTS, indirect=True)
def test_app_a_disk_that_fills_mid_workout_and_frees_again(home: Home, fault: Fault) -> None:
    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await advance(pilot, clock, STEP)  # the first set, saved
        fault.start(home.history)
        await advance(pilot, clock, STEP)  # the rest
        await advance(pilot, clock, STEP)  # the second set, not saved
        assert len(about_saving(notes)) == 1
        fault.stop(home.history)
        summary = await to_the_summary(pilot, clock)
        assert "Saved to your history" in str(summary.query_one("#recorded").render())
        assert len(about_saving(notes)) == 1

    run_app(home, body)
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    home.assert_untouched()


def test_app_a_history_folder_deleted_mid_workout_is_made_again(home: Home) -> None:
    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await advance(pilot, clock, STEP)
        shutil.rmtree(home.history)
        summary = await to_the_summary(pilot, clock)
        assert "Saved to your history" in str(summary.query_one("#recorded").render())
        assert about_saving(notes) == []

    run_app(home, body)
    [record] = home.store().load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS


@pytest.mark.parametrize("fault", SOME_FAULTS, indirect=True)
def test_app_a_fault_that_starts_on_the_summary_is_told_too(home: Home, fault: Fault) -> None:
    """Everything saved until the end; then rating the exercise cannot be written."""

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await to_the_summary(pilot, clock)
        fault.start(home.history)
        await pilot.press("3")
        await pilot.pause()
        assert len(about_saving(notes)) == 1, notes

    run_app(home, body)
    fault.stop(home.history)
    home.assert_untouched()
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED


@pytest.mark.parametrize("fault", PATCHED_FAULTS, indirect=True)
def test_app_keeping_an_unfinished_workout_on_a_read_only_disk(home: Home, fault: Fault) -> None:
    """At start-up an unfinished workout is offered; "keep as stopped" cannot be written."""
    workout = begin(home)
    workout.step(5)
    workout.recorder.close()  # the process it ran in is gone, and its lock with it
    home.before = home.files()
    [unfinished] = home.store().unfinished()
    fault.start(home.history)

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ResumeScreen)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)
        assert len(about_saving(notes)) == 1, notes

    run_app(home, body, start=False)
    fault.stop(home.history)
    home.assert_untouched()
    assert home.store().unfinished() == [unfinished]
