"""How the workout screen folds to fit the terminal: a phone on the mat, a split pane, 80×24.

What the runner reads from two metres (phase, side, number, exercise) keeps its room; the steps,
then the band and set lines, give way first, and the number is drawn as large as the rows allow.
The thresholds and the arithmetic live here so the screen only applies them on a resize.
"""

from __future__ import annotations

from bandtimer.ui.widgets.big_number import size_at

COMPACT_BELOW_ROWS = 24
"""Under this many rows the steps fold away, so the digits keep their room. A classic 80×24
terminal still has four rows for them: at 26, they were hidden there above ten empty rows."""
TINY_BELOW_ROWS = 17
BIG_PHASE_MIN_COLUMNS = 78
"""Narrower than this, the phase is written in plain letters so RIGHT or LEFT keeps its size."""


def fold_classes(width: int, height: int) -> dict[str, bool]:
    """The screen's size classes (see bandtimer.tcss), each on or off for this size."""
    return {
        "-narrow": width < BIG_PHASE_MIN_COLUMNS,
        "-compact": height < COMPACT_BELOW_ROWS,
        "-tiny": height < TINY_BELOW_ROWS,
    }


def block_scale(width: int, height: int) -> int:
    """How large the countdown can be drawn: 0 for `Digits`, else the block font's scale.

    The number takes at most about a quarter of the rows, so the phase, the side and the
    exercise stay on screen with it, and must fit "10:00" across.
    """
    if height < COMPACT_BELOW_ROWS:
        return 0
    scale = max(1, height // 18)
    while scale > 1 and size_at("10:00", scale).width > width - 4:
        scale -= 1
    return scale if size_at("10:00", scale).width <= width - 4 else 0
