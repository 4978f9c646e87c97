"""The big number in the middle of the workout screen, with a line saying what it counts.

It shows time left for holds and pauses, the hold of the current rep for held reps, and reps
done for reps that are counted; the caption under it tells which.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { height: auto; width: 100%; }
    Countdown Digits { width: 100%; text-align: center; }
    Countdown #caption { width: 100%; text-align: center; }
    """

    _caption = ""

    def compose(self) -> ComposeResult:
        yield Digits("", id="digits")
        yield Static("", id="caption", markup=False)

    def show(self, big: str, caption: str) -> None:
        digits = self.query_one("#digits", Digits)
        if digits.value != big:
            digits.update(big)
        if caption != self._caption:
            self._caption = caption
            self.query_one("#caption", Static).update(caption)
