"""`c` on the workout: a short list of the person's bands and "not chosen", not a blind cycle."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import OptionList

from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.ui.screens.band_picker import BandPickerScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from tests.ui.harness import advance, build, quick_try, text_of, workout

SIZE = (100, 30)
GLUTE_BRIDGE_SECONDS = 5 + 19 + 10 + 19
"""Get ready, two sets of the glute bridge and the rest between them."""


def store_in(home: Path) -> HistoryStore:
    return HistoryStore(Locations.under(home).history_dir, default_device_name())


def picker_lines(pilot) -> list[str]:
    listing = pilot.app.screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_c_lists_the_bands_and_not_chosen_and_pausing_meanwhile(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 2)
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(pilot.app.screen, BandPickerScreen)
            assert picker_lines(pilot) == [
                "green (extra light)", "blue (light)", "yellow (medium)", "red (heavy)",
                "black (extra heavy)", "not chosen",
            ]  # fmt: skip
            listing = pilot.app.screen.query_one(OptionList)
            assert listing.highlighted == 5, "nothing chosen yet: the cursor is on not chosen"
            await advance(pilot, harness.clock, 30)  # the clock stands while the list is up
            await pilot.press("escape")
            await pilot.pause()
            assert workout(pilot).session.index == 0
            assert text_of(pilot, "#band-choice") == "band: not chosen (c)"

    asyncio.run(body())


def test_a_band_picked_carries_to_the_next_exercise_with_that_kind_of_band(
    tmp_path: Path,
) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            await pilot.pause()
            await pilot.press("home", "down", "down", "enter")  # yellow
            await pilot.pause()
            assert isinstance(pilot.app.screen, WorkoutScreen)
            assert text_of(pilot, "#band-choice") == "band: yellow (medium) · c changes"
            await advance(pilot, harness.clock, GLUTE_BRIDGE_SECONDS + 1)
            assert workout(pilot).session.current.exercise.name == "Lateral banded walk"
            assert text_of(pilot, "#band-choice") == "band: yellow (medium) · c changes"

    asyncio.run(body())


def test_not_chosen_takes_a_remembered_band_back(tmp_path: Path) -> None:
    async def first() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "home", "down", "enter")  # blue, for both exercises
            await advance(pilot, harness.clock, GLUTE_BRIDGE_SECONDS)

    asyncio.run(first())
    [record] = store_in(tmp_path).unfinished()
    assert record.exercise("Glute bridge")[0].band == "blue"

    async def second() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("k")  # keep the first as stopped early
            await pilot.pause()
            harness.app.start_workout(quick_try())
            await pilot.pause()
            assert text_of(pilot, "#band-choice") == "band: blue (light) · c changes"
            await pilot.press("c")
            await pilot.pause()
            assert pilot.app.screen.query_one(OptionList).highlighted == 1  # on blue
            await pilot.press("end", "enter")
            await pilot.pause()
            assert text_of(pilot, "#band-choice") == "band: not chosen (c)"

    asyncio.run(second())
