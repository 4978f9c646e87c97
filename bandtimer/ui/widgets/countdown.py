"""The big number in the middle of the workout screen, with a line saying what it counts.

It shows time left for holds and pauses, the hold of the current rep for held reps, and reps
done for reps that are counted; the caption under it tells which. With room to spare the number
is drawn in solid blocks (`BigNumber`), scaled to the terminal; on a small terminal it is
Textual's three-row `Digits`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from bandtimer.ui.widgets.big_number import BigNumber
from bandtimer.ui.widgets.text_line import TextLine


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { height: auto; width: 100%; }
    Countdown Digits { width: 100%; text-align: center; }
    Countdown #caption { width: 100%; text-align: center; }
    Countdown.-blocks Digits { display: none; }
    Countdown BigNumber { display: none; }
    Countdown.-blocks BigNumber { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = ""
        self._digits = Digits("", id="digits", classes="number")
        self._blocks = BigNumber(id="big-number", classes="number")
        self._caption = TextLine("", id="caption")

    def compose(self) -> ComposeResult:
        yield self._digits
        yield self._blocks
        yield self._caption

    @property
    def value(self) -> str:
        """What the number shows right now, whichever way it is drawn."""
        return self._value

    def use_blocks(self, scale: int) -> None:
        """Draw with blocks `scale` times the base size, or with `Digits` for 0."""
        self.set_class(scale > 0, "-blocks")
        if scale > 0:
            self._blocks.update(self._value, scale)
        else:
            self._digits.update(self._value)

    def show(self, big: str, caption: str) -> None:
        if big != self._value:
            self._value = big
            if self.has_class("-blocks"):
                self._blocks.update(big)
            else:
                self._digits.update(big)
        self._caption.show(caption)
