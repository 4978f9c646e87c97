"""Every phase of a workout as it looks at the four sizes issue 16 tried it at.

40×12 (a phone propped on the mat), 60×20 (a split pane), 100×30 (a laptop) and 200×60 (a
wall-sized window): get ready, a timed hold, a held rep holding and releasing, tempo reps, a
rest saying what is up next, a side switch, and the last three seconds of a hold in red. The
80×24 and 120×40 pictures of the same screens are in test_snapshots.py. Regenerate with
`--snapshot-update` after a deliberate change, and look at every picture before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.harness import quick_try
from tests.ui.test_snapshots import PLANK, after, build, home, own_routine, snap

__all__ = ["home"]  # the fixture, used by name

SIZES = [
    pytest.param((40, 12), id="40x12"),
    pytest.param((60, 20), id="60x20"),
    pytest.param((100, 30), id="100x30"),
    pytest.param((200, 60), id="200x60"),
]

QUICK_TRY_MOMENTS = {
    # name: (seconds moved on in turn, the phase shown, the number shown)
    "get_ready": ((1,), "GET READY", "4"),
    "held_rep_hold": ((5, 2), "HOLD", "1"),
    "held_rep_release": ((5, 5.5), "RELEASE", "1"),
    "rest_up_next": ((5, 19, 10, 19, 4), "REST", "6"),
    "tempo_reps": ((5, 48, 10, 3), "REPS", "2"),
    "switch_sides": ((5, 48, 10, 8, 1), "SWITCH SIDES", "2"),
}
PLANK_MOMENTS = {
    "timed_hold": ((5, 12), "HOLD", "18"),
    "last_three_seconds": ((5, 27), "HOLD", "3"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(QUICK_TRY_MOMENTS))
def test_quick_try(snap_compare: Any, home: Path, size: tuple[int, int], moment: str) -> None:
    seconds, phase, number = QUICK_TRY_MOMENTS[moment]
    harness = build(home, quick_try())
    snap(snap_compare, harness, size, after(harness, *seconds, phase=phase, digits=number))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(PLANK_MOMENTS))
def test_plank(snap_compare: Any, home: Path, size: tuple[int, int], moment: str) -> None:
    seconds, phase, number = PLANK_MOMENTS[moment]
    harness = build(home, own_routine(home, PLANK))
    snap(snap_compare, harness, size, after(harness, *seconds, phase=phase, digits=number))
