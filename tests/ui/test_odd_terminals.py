"""Small, tiny and restless terminals: a phone propped on the mat, a split pane, a window dragged.

What must survive is what the runner reads from two metres: the phase, the side, the digits and
the exercise. The steps give way first. Resizing redraws, and never touches the time.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

from textual.events import Resize
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from bandtimer.storage.routines import load_routine
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.ui.widgets.routine_list import RoutineList
from tests.ui.harness import Harness, advance, build, quick_try, workout, write_routine

PLANK = """
name = "Plank"
[timing]
get_ready = 5
[[exercise]]
name = "Banded plank"
sets = 1
hold = 30
steps = ["Forearms under the shoulders.", "Hold."]
"""

QUICK_TRY_SECONDS = 82
INTO_THE_WALK = 5 + 48 + 10 + 1
"""Quick try's lateral walk, right side, one second in."""


def shows(widget: Widget) -> bool:
    """On screen for real: displayed, with an area, inside the screen and above the footer."""
    screen = widget.screen
    inside = screen.region.contains_region(widget.region)
    above_footer = widget.region.bottom <= screen.region.bottom - 1
    return widget.display and widget.visible and widget.region.area > 0 and inside and above_footer


def digits(pilot: Pilot[Any]) -> str:
    return workout(pilot).query_one(Countdown).value


async def start_from_the_menu(pilot: Pilot[Any], name: str) -> None:
    """Filter for the routine and press Enter, as a person would."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, MenuScreen)
    await pilot.press("slash", *name.lower(), "enter")
    await pilot.pause()
    workout(pilot)


async def finish(pilot: Pilot[Any], harness: Harness) -> None:
    """Quick try to its end, ten seconds at a time (the session catches up across segments)."""
    for _ in range(QUICK_TRY_SECONDS // 10 + 2):
        if not isinstance(pilot.app.screen, WorkoutScreen):
            break
        await advance(pilot, harness.clock, 10)
    assert isinstance(pilot.app.screen, SummaryScreen)


def run(harness: Harness, size: tuple[int, int], body: Any) -> None:
    async def main() -> None:
        async with harness.app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(main())


# -- small terminals ----------------------------------------------------------------------------


def test_sixty_by_twenty_is_usable_from_menu_to_summary(tmp_path: Path) -> None:
    harness = build(tmp_path)

    async def body(pilot: Pilot[Any]) -> None:
        routines = pilot.app.screen.query_one(RoutineList)
        assert shows(routines)
        assert "Quick try" in [entry.name for entry in routines.entries]
        await start_from_the_menu(pilot, "Quick try")
        await advance(pilot, harness.clock, INTO_THE_WALK)
        screen = workout(pilot)
        for selector in ("#phase-big", "#side", "#countdown", "#exercise", "#set-line"):
            assert shows(screen.query_one(selector)), f"{selector} is not visible at 60×20"
        assert screen.query_one("#side").word == "RIGHT"
        assert str(screen.query_one("#exercise").render()) == "Lateral banded walk"
        assert screen.query_one(Countdown).has_class("-blocks"), "room for the block digits"
        await finish(pilot, harness)

    run(harness, (60, 20), body)


def test_thirty_by_ten_stays_up_from_menu_to_summary_and_back(tmp_path: Path) -> None:
    harness = build(tmp_path)

    async def body(pilot: Pilot[Any]) -> None:
        await start_from_the_menu(pilot, "Quick try")
        for _ in range(7):
            await advance(pilot, harness.clock, 1)
        assert shows(workout(pilot).query_one("#countdown"))
        await pilot.press("space", "space", "question_mark")
        await pilot.pause()
        await pilot.press("escape", "s", "b")
        await finish(pilot, harness)
        await advance(pilot, harness.clock, 2)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)

    run(harness, (30, 10), body)


def test_on_a_short_terminal_the_steps_fold_away_before_the_digits(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, 5)
        screen = workout(pilot)
        assert shows(screen.query_one("#steps-row")), "80×24 has room for the steps"
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        assert not screen.query_one("#steps-row").display
        assert shows(screen.query_one("#countdown"))
        assert shows(screen.query_one("#exercise"))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert shows(screen.query_one("#steps-row"))

    run(harness, (80, 24), body)


def test_the_help_fills_its_box_at_every_size(tmp_path: Path) -> None:
    """The key table once measured zero columns wide in its auto-sized box: an empty frame."""
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        for width, height in [(80, 24), (120, 40), (60, 20), (30, 10)]:
            await pilot.resize_terminal(width, height)
            keys = help_screen.query_one(Static)
            assert keys.region.width >= min(60, width - 16), f"at {width}×{height}"
            assert keys.region.height >= 6, f"at {width}×{height}"

    run(harness, (80, 24), body)


# -- resizing -----------------------------------------------------------------------------------


def test_resizing_during_a_countdown_keeps_the_time(tmp_path: Path) -> None:
    harness = build(tmp_path, load_routine(write_routine(tmp_path, "plank", PLANK)))

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, 5 + 7.5)
        session = workout(pilot).session
        remaining = session.remaining()
        assert remaining == 22.5
        assert digits(pilot) == "23"
        for size in [(60, 20), (120, 40), (30, 10), (200, 60), (79, 23), (100, 30)]:
            await pilot.resize_terminal(*size)
            assert pilot.app.size == Size(*size)
            assert digits(pilot) == "23", f"at {size}"
            assert session.remaining() == remaining, f"at {size}"
        assert shows(workout(pilot).query_one("#countdown"))
        await advance(pilot, harness.clock, 1)
        assert digits(pilot) == "22"

    run(harness, (80, 24), body)


def test_a_storm_of_resizes_does_not_raise_on_any_screen(tmp_path: Path) -> None:
    harness = build(tmp_path)
    sizes = random.Random(2025)

    async def blow(pilot: Pilot[Any], count: int) -> None:
        """`count` resizes between 20×6 and 300×100, the corners first. Every fifth is waited
        for (a full layout at that size); the rest come in a burst, as a dragged window sends
        them. Waiting for all fifty would take seconds for no more coverage."""
        corners = [(20, 6), (300, 100), (20, 100), (300, 6)]
        storm = corners + [(sizes.randint(20, 300), sizes.randint(6, 100)) for _ in range(count)]
        for number, (width, height) in enumerate(storm[:count]):
            if number % 5 == 1:
                await pilot.resize_terminal(width, height)
            else:
                pilot.app.post_message(Resize(Size(width, height), Size(width, height)))
        await pilot.resize_terminal(80, 24)

    async def body(pilot: Pilot[Any]) -> None:
        await blow(pilot, 10)  # the menu
        await start_from_the_menu(pilot, "Quick try")
        await advance(pilot, harness.clock, 5 + 2)
        session = workout(pilot).session
        remaining, shown = session.remaining(), digits(pilot)
        await blow(pilot, 50)  # the workout
        assert session.remaining() == remaining
        assert digits(pilot) == shown
        assert shows(workout(pilot).query_one("#countdown"))
        await pilot.press("question_mark")
        await pilot.pause()
        await blow(pilot, 10)  # the help over the workout
        await pilot.press("escape")
        await pilot.pause()
        await finish(pilot, harness)
        await blow(pilot, 10)  # the summary

    run(harness, (80, 24), body)
