"""The menu as a new user first sees it, and the filter finding routines by their equipment.

Made as `test_snapshots.py` makes its pictures (a fake clock, a fixed date, a player that only
writes cues down, a fresh BANDTIMER_HOME that is also $HOME), at a laptop's 100×30 and a small
40×12, where the preview folds away and the list's rows wrap. Regenerate with
`pytest tests/ui/test_menu_snapshots.py --snapshot-update` and look at them before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from bandtimer.ui.screens.menu import MenuScreen
from tests.ui.menu_helpers import highlighted, shown_names
from tests.ui.test_snapshots import build, snap

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((40, 12), id="40x12")]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("size", SIZES)
def test_menu_at_first_start(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    async def setup(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)
        assert highlighted(pilot).name == "Quick try"

    snap(snap_compare, build(home), size, setup)


@pytest.mark.parametrize("size", SIZES)
def test_filter_by_equipment(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    async def setup(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("slash", *"hip circle")
        await pilot.pause()
        assert shown_names(pilot) == ["Marathoner deep strength"]

    snap(snap_compare, build(home), size, setup)
