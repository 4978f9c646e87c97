"""What a person sees on each screen, at a laptop's usual 80×24 and a roomier 120×40.

The pictures live in `__snapshots__/`; after a deliberate change to the look, regenerate them
with `pytest tests/ui/test_snapshots.py --snapshot-update` and look at them before committing.
Every picture is made with a fake clock, a fixed date, a player that only writes cues down (so
no "no sound" notification appears) and a fresh BANDTIMER_HOME that is also $HOME, so a path on
screen reads `~/history` wherever the tests run. Each one moves time to an exact moment, so the
same code always draws the same picture.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from bandtimer.domain.routine import Routine
from bandtimer.storage.routines import load_routine
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.big_word import BigWord
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.ui.widgets.routine_list import RoutineList
from tests.ui import harness
from tests.ui.harness import (
    Harness,
    advance,
    quick_try,
    text_of,
    workout,
    write_routine,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

PLANK = """
name = "Banded plank"
[timing]
get_ready = 5
[[exercise]]
name = "Banded plank"
band = "loop"
placement = "around the wrists"
sets = 2
hold = 30
steps = [
    "Forearms under the shoulders, body in one straight line.",
    "Press the hands apart against the band and hold.",
]
"""

COUNTED = """
name = "Counted clamshells"
[timing]
get_ready = 5
[[exercise]]
name = "Clamshell"
band = "mini"
placement = "around the thighs"
sides = "each"
sets = 2
reps = [10, 12]
steps = ["Lie on your side, knees bent.", "Open the top knee, keeping the feet together."]
"""

NOON = datetime(2025, 3, 3, 12, 0, tzinfo=UTC)
QUICK_TRY_SECONDS = 82
"""5 get ready + (19 + 10 + 19) glute bridge + 10 rest + (8 + 3 + 8) lateral walk."""

Setup = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def build(home: Path, routine: Routine | None = None) -> Harness:
    """The harness's app, with the date fixed too: records and advice are dated by it."""
    return harness.build(home, routine, wall_clock=lambda: NOON)


def own_routine(home: Path, text: str) -> Routine:
    return load_routine(write_routine(home, "mine", text))


def snap(
    snap_compare: Any,
    harness: Harness,
    size: tuple[int, int],
    setup: Setup,
    press: tuple[str, ...] = (),
) -> None:
    assert snap_compare(harness.app, press=press, terminal_size=size, run_before=setup)


def after(harness: Harness, *seconds: float, phase: str = "", digits: str = "") -> Setup:
    """Settle on the workout, move the clock on by each of `seconds` in turn, and check that
    the moment reached is the one meant (`phase`, `digits`), so a changed plan cannot quietly
    turn a picture into one of something else."""

    async def setup(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        workout(pilot)
        for step in seconds:
            await advance(pilot, harness.clock, step)
        if phase:
            assert text_of(pilot, "#phase") == phase
        if digits:
            assert pilot.app.screen.query_one(Countdown).value == digits

    return setup


@pytest.mark.parametrize("size", SIZES)
def test_menu_with_quick_try_highlighted(
    snap_compare: Any, home: Path, size: tuple[int, int]
) -> None:
    harness = build(home)

    async def setup(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)
        routines = pilot.app.screen.query_one(RoutineList)
        routines.highlighted = [entry.name for entry in routines.entries].index("Quick try")
        await pilot.pause()

    snap(snap_compare, harness, size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_timed_hold(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, own_routine(home, PLANK))
    snap(snap_compare, harness, size, after(harness, 5, 12, phase="HOLD", digits="18"))


@pytest.mark.parametrize("size", SIZES)
def test_held_reps_mid_hold(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())
    # Rep 2 of 3 of the glute bridge, 3 s of its 5 s hold left.
    snap(snap_compare, harness, size, after(harness, 5, 7 + 2, phase="HOLD", digits="2"))


@pytest.mark.parametrize("size", SIZES)
def test_counted_reps(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, own_routine(home, COUNTED))
    setup = after(harness, 5, 1, phase="REPS", digits="0")
    snap(snap_compare, harness, size, setup, press=("enter", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_rest_shows_what_is_up_next(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())

    async def setup(pilot: Pilot[Any]) -> None:
        # The rest between the glute bridge and the walk, 6 s of 10 left.
        await after(harness, 5, 19, 10, 19, 4, phase="REST", digits="6")(pilot)
        assert text_of(pilot, "#exercise") == "Up next: Lateral banded walk"
        assert workout(pilot).query_one("#side", BigWord).word == "RIGHT"

    snap(snap_compare, harness, size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_switch_sides(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())
    setup = after(harness, 5, 48, 10, 8, 1, phase="SWITCH SIDES", digits="2")
    snap(snap_compare, harness, size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_paused(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, own_routine(home, PLANK))
    setup = after(harness, 5, 12, phase="HOLD", digits="18")
    snap(snap_compare, harness, size, setup, press=("space",))


@pytest.mark.parametrize("size", SIZES)
def test_summary_after_quick_try(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())

    async def setup(pilot: Pilot[Any]) -> None:
        # Ten seconds at a time: the session catches up across segments as it would after a
        # stall, and the summary is the same as after eighty-two one-second steps.
        await after(harness, *[10] * (QUICK_TRY_SECONDS // 10 + 1))(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)

    snap(snap_compare, harness, size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_help_over_the_workout(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())

    async def setup(pilot: Pilot[Any]) -> None:
        await after(harness, 5, 2, phase="HOLD")(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)

    snap(snap_compare, harness, size, setup)
