"""Resuming an interrupted workout: whatever happened to its routine, one workout ends once.

Each test interrupts a workout the way a closed terminal does (the app is torn down mid-set),
then starts bandtimer again the way a person would: the menu, `run NAME` or `run PATH`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bandtimer.domain.history import WorkoutStatus
from bandtimer.domain.routine import Routine
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from tests.ui.harness import advance, build, workout, write_routine

SIZE = (100, 30)
PLANKS = """
name = "{name}"
[timing]
get_ready = 0
rest_between_sets = 5
[[exercise]]
name = "Plank"
sets = 3
hold = 5
"""
# Plan: 0 hold 5 | 1 rest 5 | 2 hold 5 | 3 rest 5 | 4 hold 5


def history(home: Path) -> HistoryStore:
    return HistoryStore(Locations.under(home).history_dir, default_device_name())


def history_files(home: Path) -> list[str]:
    return sorted(p.name for p in Locations.under(home).history_dir.rglob("*") if p.is_file())


def interrupt(home: Path, routine: Routine, seconds: float) -> None:
    """Start `routine`, let `seconds` pass, and close the app as a closed terminal would."""

    async def body() -> None:
        harness = build(home, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, seconds)

    asyncio.run(body())


def test_escape_on_the_resume_dialog_decides_later(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "planks", PLANKS.format(name="Planks")))
    interrupt(tmp_path, routine, 6)
    [before] = history(tmp_path).unfinished()

    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, MenuScreen)

    asyncio.run(body())
    assert history(tmp_path).unfinished() == [before]  # neither resumed nor stopped
    asyncio.run(body())  # and offered again next time


def test_run_name_offers_to_resume_that_routine(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "planks", PLANKS.format(name="Planks")))
    interrupt(tmp_path, routine, 6)
    [interrupted] = history(tmp_path).unfinished()

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("r")
            await pilot.pause()
            assert workout(pilot).session.index == interrupted.resume_at == 1

    asyncio.run(body())
    [record] = history(tmp_path).unfinished()  # the same workout, not a second one
    assert record.id == interrupted.id


def test_run_name_kept_as_stopped_starts_afresh(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "planks", PLANKS.format(name="Planks")))
    interrupt(tmp_path, routine, 6)

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            assert workout(pilot).session.index == 0

    asyncio.run(body())
    statuses = sorted(r.status for r in history(tmp_path).load_all().records)
    assert statuses == [WorkoutStatus.IN_PROGRESS, WorkoutStatus.STOPPED_EARLY]


def test_a_workout_run_by_its_path_can_be_resumed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = elsewhere / "mine.toml"
    path.write_text(PLANKS.format(name="Mine"), encoding="utf-8")
    home = tmp_path / "home"
    interrupt(home, load_routine(path), 6)

    async def body() -> None:
        harness = build(home)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("r")
            await pilot.pause()
            assert workout(pilot).session.index == 1

    asyncio.run(body())


def test_a_renamed_routine_s_workout_ends_once_in_one_file(tmp_path: Path) -> None:
    path = write_routine(tmp_path, "planks", PLANKS.format(name="Planks"))
    interrupt(tmp_path, load_routine(path), 6)
    path.write_text(PLANKS.format(name="Morning planks"), encoding="utf-8")

    async def resume_and_finish() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("r")
            await pilot.pause()
            for _ in range(10 + 5 + 5 + 5 + 1):  # a get ready of 10 s instead of the rest
                await advance(pilot, harness.clock, 1)
            assert isinstance(pilot.app.screen, SummaryScreen)

    asyncio.run(resume_and_finish())
    [name] = history_files(tmp_path)
    assert "--morning-planks--" in name and not name.endswith(".inprogress.toml")
    [record] = history(tmp_path).load_all().records
    assert (record.status, record.sets_done) == (WorkoutStatus.COMPLETED, 3)

    async def next_start() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, MenuScreen)  # nothing left to offer

    asyncio.run(next_start())
