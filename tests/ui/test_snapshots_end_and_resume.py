"""Issue 12's screens as a person sees them: the resume dialog at a laptop's 80×24 and a
phone's 40×12, and the band list that `c` opens. Made like test_snapshots.py's pictures (fake
clock, fixed date, fresh home); regenerate with `--snapshot-update` after a deliberate change,
and look at every picture before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.band_picker import BandPickerScreen
from bandtimer.ui.screens.summary import SummaryScreen
from tests.ui.harness import quick_try
from tests.ui.test_resume_dialog import SWITCHING_SIDES, interrupt
from tests.ui.test_snapshots import after, build, home, snap

__all__ = ["home"]  # the fixture, used by name

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((40, 12), id="40x12")]


@pytest.mark.parametrize("size", SIZES)
def test_resume_dialog(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    interrupt(home, SWITCHING_SIDES)
    harness = build(home)

    async def setup(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ResumeScreen)

    snap(snap_compare, harness, size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_band_picker(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    harness = build(home, quick_try())

    async def setup(pilot: Pilot[Any]) -> None:
        await after(harness, 2, phase="GET READY")(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BandPickerScreen)

    snap(snap_compare, harness, size, setup)


def test_summary_at_40x12_after_a_rating(snap_compare: Any, home: Path) -> None:
    harness = build(home, quick_try())

    async def setup(pilot: Pilot[Any]) -> None:
        await after(harness, *[10] * 9)(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("3")
        await pilot.pause()

    snap(snap_compare, harness, (40, 12), setup)
