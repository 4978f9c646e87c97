"""The big number in the middle of the workout screen, with a line saying what it counts.

It shows time left for holds and pauses, the hold of the current rep for held reps, and reps
done for reps that are counted; the caption under it tells which. With room to spare the number
is drawn in solid blocks (`BigNumber`), scaled to the terminal; on a small terminal it is
Textual's three-row `Digits`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from bandtimer.ui.widgets.big_number import BigNumber


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { height: auto; width: 100%; }
    Countdown Digits { width: 100%; text-align: center; }
    Countdown #caption { width: 100%; text-align: center; }
    Countdown.-blocks Digits { display: none; }
    Countdown BigNumber { display: none; }
    Countdown.-blocks BigNumber { display: block; }
    """

    _caption = ""
    _value = ""

    def compose(self) -> ComposeResult:
        yield Digits("", id="digits", classes="number")
        yield BigNumber(id="big-number", classes="number")
        yield Static("", id="caption", markup=False)

    @property
    def value(self) -> str:
        """What the number shows right now, whichever way it is drawn."""
        return self._value

    def use_blocks(self, scale: int) -> None:
        """Draw with blocks `scale` times the base size, or with `Digits` for 0."""
        self.set_class(scale > 0, "-blocks")
        if scale > 0:
            self.query_one(BigNumber).update(self._value, scale)
        else:
            self.query_one(Digits).update(self._value)

    def show(self, big: str, caption: str) -> None:
        if big != self._value:
            self._value = big
            if self.has_class("-blocks"):
                self.query_one(BigNumber).update(big)
            else:
                self.query_one(Digits).update(big)
        if caption != self._caption:
            self._caption = caption
            self.query_one("#caption", Static).update(caption)
