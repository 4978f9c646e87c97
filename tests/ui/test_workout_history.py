"""What the workout screens record: bands, how it felt, resuming, and advice for next time."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from textual.geometry import Region

from bandtimer.domain.history import Feel, WorkoutStatus
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.routine_list import RoutineList
from tests.ui.harness import advance, build, quick_try, save_workout, text_of, workout

SIZE = (100, 30)
FRAMES = 50
"""A bound on the event loop turns waited for a save made after a frame; not a clock."""


def store_in(home: Path) -> HistoryStore:
    return HistoryStore(Locations.under(home).history_dir, default_device_name())


def test_band_and_feel_are_picked_with_one_key_and_saved(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            assert text_of(pilot, "#band-choice") == "band: not chosen (c)"
            await pilot.press("c", "home", "down", "enter")
            assert text_of(pilot, "#band-choice") == "band: blue (light) · c changes"
            assert text_of(pilot, "#feel") == ""
            await advance(pilot, harness.clock, 5 + 19 + 10 + 19)
            assert text_of(pilot, "#feel").startswith("How did Glute bridge feel?")
            await pilot.press("1")
            assert text_of(pilot, "#feel") == ""
            [record] = store_in(tmp_path).unfinished()
            bridge = record.exercise("Glute bridge")[0]
            assert (bridge.band, bridge.feel, bridge.sets_done) == ("blue", Feel.EASY, 2)

    asyncio.run(body())


def test_the_summary_says_where_it_was_saved_and_what_to_do_next_time(tmp_path: Path) -> None:
    save_workout(tmp_path, quick_try(), datetime(2026, 3, 2, 7, tzinfo=UTC), band="blue",
                 feel=Feel.EASY)

    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            for _ in range(100):
                if isinstance(pilot.app.screen, SummaryScreen):
                    break
                await advance(pilot, harness.clock, 1)
            summary = pilot.app.screen
            assert isinstance(summary, SummaryScreen)
            assert text_of(pilot, "#recorded").startswith("Saved to your history in ")
            assert "How did Lateral banded walk feel?" in text_of(pilot, "#feel")
            assert walk_row(pilot).split()[-1] != "hard"
            await pilot.press("3")  # shown at once, in the row and under the table
            assert text_of(pilot, "#feel").startswith("Lateral banded walk felt hard.")
            # Easy last time: up a band this time; hard this time: back to blue next time.
            row = walk_row(pilot)
            assert "yellow" in row and " hard " in row
            assert "blue band next time, back from yellow" in row
            await pilot.press("1")  # and changed
            assert text_of(pilot, "#feel").startswith("Lateral banded walk felt easy.")
            assert " easy " in walk_row(pilot) and "back from" not in walk_row(pilot)
            records = store_in(tmp_path).load_all().records
            assert [r.status for r in records] == [WorkoutStatus.COMPLETED] * 2
            newest = max(records, key=lambda record: record.started)
            assert {e.feel for e in newest.exercise("Lateral banded walk")} == {Feel.EASY}

    asyncio.run(body())


def walk_row(pilot) -> str:
    """The summary's row of the lateral walk (its right side), as the terminal shows it."""
    rows = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
    [row] = [row for row in rows if "Lateral banded walk" in row and "/" in row]
    return row


def test_an_unfinished_workout_can_be_kept_as_stopped_early(tmp_path: Path) -> None:
    async def interrupt() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 19)

    asyncio.run(interrupt())  # the app is torn down mid-workout, as a closed terminal would
    assert len(store_in(tmp_path).unfinished()) == 1

    async def next_start() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(pilot.app.screen, MenuScreen)

    asyncio.run(next_start())
    store = store_in(tmp_path)
    assert store.unfinished() == []
    [record] = store.load_all().records
    assert record.status is WorkoutStatus.STOPPED_EARLY
    assert record.sets_done == 1


def test_a_finished_set_is_saved_even_if_the_app_closes_straight_after(
    tmp_path: Path,
) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 19)
            for _ in range(FRAMES):  # the save follows the frame that shows the set's end
                if store_in(tmp_path).unfinished()[0].sets_done == 1:
                    break
                await pilot.pause()
            [record] = store_in(tmp_path).unfinished()
            assert record.sets_done == 1
            harness.clock.advance(10 + 19)
            workout(pilot).sync()  # the second set ends, and the app closes before a frame

    asyncio.run(body())
    [record] = store_in(tmp_path).unfinished()
    assert record.sets_done == 2


def test_back_on_the_menu_the_routine_just_done_says_so(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()  # the menu has read the (empty) history's dates
            await pilot.press("slash", *"quick", "enter")
            await advance(pilot, harness.clock, 5 + 19)
            await pilot.press("q", "y")
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            await advance(pilot, harness.clock, 2)
            await pilot.press("q")
            await pilot.pause()
            rows = pilot.app.screen.query_one(RoutineList)
            assert isinstance(pilot.app.screen, MenuScreen)
            width, height = rows.region.size
            lines = [strip.text for strip in rows.render_lines(Region(0, 0, width, height))]
            [quick_row] = [i for i, line in enumerate(lines) if "  Quick try  " in line]
            assert "last done" in lines[quick_row + 1], lines

    asyncio.run(body())
