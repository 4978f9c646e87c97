"""The person's dose on the preview and the get-ready screen: each step shown before it happens,
and taken back with k, which the workout's record then holds."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bandtimer.domain.dose import Dose
from bandtimer.domain.history import Feel
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from tests.ui.harness import advance, build, save_workout, text_of, workout, write_routine
from tests.ui.menu_helpers import highlight, preview_text, run

SHORT_PLANK = """name = "Short plank"
[timing]
get_ready = 5
[[exercise]]
name = "Plank"
sets = 1
hold = 5
progression = [5, 12]
"""


def earned(home: Path) -> None:
    """One easy workout at 5 s: the plank has earned its 12 s."""
    path = write_routine(home, "short-plank", SHORT_PLANK)
    save_workout(home, load_routine(path), datetime(2026, 3, 2, 7, tzinfo=UTC), feel=Feel.EASY)


def first_hold(pilot: Pilot[Any]) -> float:
    plan = workout(pilot).session.plan
    return next(segment for segment in plan.segments if segment.is_work).planned_seconds


def test_the_preview_shows_the_step_and_k_keeps_last_time_s_dose(tmp_path: Path) -> None:
    earned(tmp_path)

    async def body(pilot: Pilot[Any], starts: list[Any]) -> None:
        await highlight(pilot, "Short plank")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = preview_text(pilot)
        assert "Plank: 12 s this time, up from 5 s" in text
        assert "1 set × 12 s hold" in text and "0:17 planned at your doses" in text
        await pilot.press("k")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = preview_text(pilot)
        assert "Plank: 1 set of 5 s again, by choice (not 12 s)" in text
        assert "1 set × 5 s hold" in text
        await pilot.press("enter")
        await pilot.pause()
        assert first_hold(pilot) == 5
        assert "k keeps" not in text_of(pilot, "#band-choice")  # taken back already
        recorder = workout(pilot).recorder
        await advance(pilot, harness.clock, 5 + 5 + 1)
        assert recorder is not None and recorder.record is not None
        [plank] = recorder.record.exercises
        assert (plank.hold_seconds, plank.offered) == (5, Dose(1, 12))

    harness = build(tmp_path)
    run(tmp_path, body, app=harness.app)


def test_the_get_ready_screen_offers_the_step_and_k_keeps_it_and_the_record_says_so(
    tmp_path: Path,
) -> None:
    earned(tmp_path)
    routine = load_routine(tmp_path / "routines" / "short-plank.toml")

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert first_hold(pilot) == 12
            assert "Plank: 12 s this time, up from 5 s · k keeps 5 s" in text_of(
                pilot, "#band-choice"
            )
            await pilot.press("k")
            await pilot.pause()
            assert first_hold(pilot) == 5
            assert "k keeps" not in text_of(pilot, "#band-choice")
            await advance(pilot, harness.clock, 5 + 5 + 1)
        store = HistoryStore(Locations.under(tmp_path).history_dir, "x")
        [record, _] = store.load_all().records
        [plank] = record.exercises
        assert (plank.hold_seconds, plank.held_seconds) == (5, (5.0,))
        assert plank.offered == Dose(1, 12)  # the choice, kept in the file
        [file] = [p for p in store.history_dir.rglob("*.toml") if record.id[:4] in p.name]
        assert "offered_hold_seconds = 12" in file.read_text()

    asyncio.run(body())


def test_without_an_earned_step_there_is_nothing_to_take_back(tmp_path: Path) -> None:
    path = write_routine(tmp_path, "short-plank", SHORT_PLANK)

    async def body() -> None:
        harness = build(tmp_path, load_routine(path))
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "k keeps" not in text_of(pilot, "#band-choice")
            await pilot.press("k")
            await pilot.pause()
            assert first_hold(pilot) == 5

    asyncio.run(body())
