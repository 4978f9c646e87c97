"""The resume dialog: it wraps to any width from 40 columns, says what was done and what is
left, and resuming starts with a get ready before the set it picks up at."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.containers import Vertical
from textual.pilot import Pilot

from bandtimer.ui.resume import ResumeScreen
from tests.ui.harness import advance, quick_try, text_of, workout
from tests.ui.test_snapshots import build, home

__all__ = ["home"]  # the fixture, used by name

SWITCHING_SIDES = 5 + 19 + 10 + 19 + 10 + 8 + 1
"""Into the switch of sides after the lateral walk's right side: three sets done of four."""
FRAMES = 50
DETAIL = [
    "Quick try, started Mon 03 Mar at 12:00.",
    "Done: 3 of 4 sets: Glute bridge and Lateral banded walk in part.",
    "Left: 1 set, about 0:18, from Lateral banded walk, set 1, left side, after a 10 s get ready.",
]


def interrupt(home: Path, seconds: float) -> None:
    """Quick try, `seconds` in, then the app torn down as a closed terminal would."""

    async def body() -> None:
        harness = build(home, quick_try())
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await advance(pilot, harness.clock, seconds)

    asyncio.run(body())


async def offered(pilot: Pilot[Any]) -> None:
    """Wait (a bounded number of event-loop turns, not a clock) for the dialog to be laid out."""
    for _ in range(FRAMES):
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, ResumeScreen) and screen.query_one(Vertical).region.height:
            return
    raise AssertionError(f"no resume dialog on screen: {pilot.app.screen!r}")


def screen_rows(pilot: Pilot[Any]) -> list[str]:
    """The dialog's rows as the terminal shows them, its border taken off."""
    x, y, width, height = pilot.app.screen.query_one(Vertical).region
    rows = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
    return [row[x : x + width].strip(" █▀▄") for row in rows[y : y + height]]


def dialog_text(pilot: Pilot[Any]) -> str:
    """The dialog's words as one line each, however they wrapped."""
    return text_of(pilot, "#resume-detail")


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 60)])
def test_the_dialog_says_what_was_done_and_left_and_nothing_is_cut_off(
    home: Path, size: tuple[int, int]
) -> None:
    interrupt(home, SWITCHING_SIDES)

    async def body() -> None:
        harness = build(home)
        async with harness.app.run_test(size=size) as pilot:
            await offered(pilot)
            assert dialog_text(pilot).splitlines() == DETAIL
            shown = " ".join(" ".join(screen_rows(pilot)).split())
            for line in DETAIL:
                assert line in shown, (line, screen_rows(pilot))
            for button in ("Resume (r)", "Later (esc)"):
                assert button in shown

    asyncio.run(body())


def test_resuming_starts_with_a_get_ready_before_the_set_it_stopped_at(home: Path) -> None:
    interrupt(home, SWITCHING_SIDES)

    async def body() -> None:
        harness = build(home)
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            assert text_of(pilot, "#phase") == "GET READY"
            assert workout(pilot).session.remaining() == 10
            await advance(pilot, harness.clock, 9)
            assert text_of(pilot, "#phase") == "GET READY"
            await advance(pilot, harness.clock, 1)
            assert text_of(pilot, "#phase") == "REPS"
            assert workout(pilot).session.current.side is not None
            assert workout(pilot).session.current.side.value == "left"

    asyncio.run(body())
