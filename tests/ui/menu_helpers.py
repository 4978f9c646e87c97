"""Drives the menu of the real app built by `create_app`, for the test_menu* modules.

`run` opens the app on the menu in a temporary BANDTIMER_HOME and records the `StartRoutine`
messages the menu posts (run_test's message hook); the other helpers read what the menu shows,
as the terminal would render it, and move its highlight with the keys a person presses.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget

from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.messages import StartRoutine
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.widgets.routine_list import RoutineList
from bandtimer.ui.widgets.routine_preview import RoutinePreview
from tests.ui.harness import build

SIZE = (100, 30)
SHIPPED = [
    "Band circuit",
    "Marathoner deep strength",
    "Mini band weekday",
    "Mini band workouts",
    "Quick try",
    "Resistance band workouts",
]


def routine_toml(name: str, exercise: str = "Clamshell", tags: str = "[]") -> str:
    return f"""
name = {json.dumps(name, ensure_ascii=False)}
tags = {tags}
[[exercise]]
name = {json.dumps(exercise, ensure_ascii=False)}
sets = 2
reps = 10
"""


BROKEN = """
name = "Broken one"
[[exercise]]
name = "Clamshell"
sets = "three"
reps = 0
"""


def menu(pilot: Pilot[Any]) -> MenuScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MenuScreen), f"expected the menu, got {screen!r}"
    return screen


def routine_list(pilot: Pilot[Any]) -> RoutineList:
    return menu(pilot).query_one(RoutineList)


def shown_names(pilot: Pilot[Any]) -> list[str]:
    return [entry.name for entry in routine_list(pilot).entries]


def highlighted(pilot: Pilot[Any]) -> RoutineEntry:
    entry = routine_list(pilot).highlighted_entry
    assert entry is not None
    return entry


def preview_text(pilot: Pilot[Any]) -> str:
    return menu(pilot).query_one(RoutinePreview).text


def rendered(widget: Widget) -> list[str]:
    """The lines the terminal would show for `widget`, as text."""
    width, height = widget.region.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


async def highlight(pilot: Pilot[Any], name: str) -> None:
    """Move the list's highlight to the routine called `name` with the arrow keys."""
    names = shown_names(pilot)
    await pilot.press("home")
    for _ in range(len(names)):
        if highlighted(pilot).name == name:
            return
        await pilot.press("down")
    assert highlighted(pilot).name == name, f"{name!r} is not in {names}"


def run(
    home: Path,
    body: Callable[[Pilot[Any], list[StartRoutine]], Any],
    *,
    size: tuple[int, int] = SIZE,
    app: App[Any] | None = None,
) -> None:
    """Open the real app (or `app`) on the menu in `home` and run `body(pilot, starts)`."""
    starts: list[StartRoutine] = []

    def hook(message: Message) -> None:
        # A bubbling message is posted once to each node on its way up: count it once.
        if isinstance(message, StartRoutine) and all(m is not message for m in starts):
            starts.append(message)

    async def main() -> None:
        tested = app or build(home).app
        async with tested.run_test(size=size, message_hook=hook) as pilot:
            await pilot.pause()
            await body(pilot, starts)

    asyncio.run(main())
