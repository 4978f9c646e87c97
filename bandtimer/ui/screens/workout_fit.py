"""How the workout screen folds to fit the terminal: a phone on the mat, a split pane, 80×24, a
wall-sized window.

What the runner reads from two metres keeps its room at every size: what to do (the coloured
banner), which side, the number, the exercise and its set, and the time the workout has left.
As rows run out the steps go first, then the band chosen and the progress bar (the time left
says as much), then the big letters of the banner and the blocks of the number; the digits
take whatever height is left after that, up to two fifths of the screen. Narrow terminals close
up the footer; slim ones lose the routine's name from the header and swap the footer for a
one-line key hint.
The thresholds and the arithmetic live here so the screen only applies them on a resize.
"""

from __future__ import annotations

from bandtimer.ui.widgets.big_number import FONT_ROWS, size_at

COMPACT_BELOW_ROWS = 24
"""Under this many rows the steps fold away."""
SHORT_BELOW_ROWS = 20
"""Under this, the band chosen and the progress bar go too (the time left says as much), and
the gaps between lines close."""
TINY_BELOW_ROWS = 15
"""Under this, the banner is one line of plain letters and the number is Textual's `Digits`."""
TALL_FROM_ROWS = 40
"""From this many rows the banner gets a row of colour above and below its letters."""
NARROW_BELOW_COLUMNS = 80
"""Narrower than this the footer closes up its gaps, so every key still fits at 60 columns."""
SLIM_BELOW_COLUMNS = 50
"""Narrower than this the footer's key list cannot fit; a short hint replaces it."""
NUMBER_SHARE = 2 / 5
"""At most this share of the rows goes to the digits, so the steps keep some room."""
WIDEST_NUMBER = "0:00"


def fold_classes(width: int, height: int) -> dict[str, bool]:
    """The screen's size classes (see workout.tcss), each on or off for this size."""
    return {
        "-narrow": width < NARROW_BELOW_COLUMNS,
        "-slim": width < SLIM_BELOW_COLUMNS,
        "-compact": height < COMPACT_BELOW_ROWS,
        "-short": height < SHORT_BELOW_ROWS,
        "-tiny": height < TINY_BELOW_ROWS,
        "-tall": height >= TALL_FROM_ROWS,
    }


def rows_besides_number(height: int) -> int:
    """Rows every other line takes at this height, footer included (see workout.tcss)."""
    # header, banner, exercise, set, rep bar, caption, band, feel question, footer
    rows = 1 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 1
    if height >= SHORT_BELOW_ROWS:
        rows += 2 + 2  # progress bar, band chosen; the gaps under the banner and above the number
    if height >= TALL_FROM_ROWS:
        rows += 2  # the banner's own top and bottom rows
    return rows


def block_scale(width: int, height: int) -> int:
    """How large the number can be drawn: 0 for `Digits`, else the block font's scale.

    As large as the rows left by everything else allow, but no more than two fifths of the
    screen, and never wider than the screen with "0:00" on it.
    """
    if height < TINY_BELOW_ROWS:
        return 0
    rows = min(height - rows_besides_number(height), int(height * NUMBER_SHARE))
    scale = rows // FONT_ROWS
    while scale > 1 and size_at(WIDEST_NUMBER, scale).width > width - 4:
        scale -= 1
    return scale if scale >= 1 and size_at(WIDEST_NUMBER, scale).width <= width - 4 else 0
