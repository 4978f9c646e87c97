"""The big number in the middle of the workout screen, with a line saying what it counts.

It shows time left for holds, rests and pauses, the reps counted by hand, and for reps that
count themselves "rep 3 of 12" with a bar filling through the rep; the caption under it tells
which. With room to spare the number is drawn in solid blocks (`BigNumber`), scaled to the
terminal; on a small terminal it is Textual's three-row `Digits`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Digits

from bandtimer.coach import RepCount
from bandtimer.ui.widgets.big_number import BigNumber, size_at, size_beside
from bandtimer.ui.widgets.big_word import BigWord, big_width
from bandtimer.ui.widgets.rep_bar import RepBar
from bandtimer.ui.widgets.text_line import TextLine


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { height: auto; width: 100%; }
    Countdown Digits { width: 100%; text-align: center; }
    Countdown #caption { width: 100%; text-align: center; }
    Countdown.-blocks Digits { display: none; }
    Countdown BigNumber { display: none; }
    Countdown.-blocks BigNumber { display: block; }
    Countdown Center { height: auto; display: none; }
    Countdown.-counting Center { display: block; }
    Countdown.-counting Digits { display: none; }
    Countdown.-counting.-blocks #count-word { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = ""
        self._count: RepCount | None = None
        self._scale = 0
        self._width = 0
        self._digits = Digits("", id="digits", classes="number")
        self._blocks = BigNumber(id="big-number", classes="number")
        self._word = BigWord(id="count-word", classes="number")
        self._bar = RepBar(id="rep-bar")
        self._caption = TextLine("", id="caption")

    def compose(self) -> ComposeResult:
        yield self._digits
        yield self._blocks
        with Center():
            yield self._word
        with Center():
            yield self._bar
        yield self._caption

    @property
    def value(self) -> str:
        """What the number shows right now, whichever way it is drawn."""
        return self._value

    @property
    def words(self) -> tuple[str, str]:
        """The words drawn beside the number ("REP", "OF 12"), or two empty strings."""
        return self._blocks_words()

    def use_blocks(self, scale: int, width: int) -> None:
        """Draw with blocks `scale` times the base size, or with `Digits` for 0, in `width`."""
        self._scale, self._width = scale, width
        self.set_class(scale > 0, "-blocks")
        self._draw()

    def show(self, big: str, caption: str, count: RepCount | None = None) -> None:
        changed = big != self._value or _rep_of(count) != _rep_of(self._count)
        self._value, self._count = big, count
        if changed:
            self._draw()
        self.set_class(count is not None, "-counting")
        if count is not None:
            self._bar.show(count.fraction, count.seconds)
        self._caption.show(caption)

    def until_next_step(self, count: RepCount) -> float | None:
        """Seconds until the bar through the rep moves (see `RepBar.until_next_step`)."""
        return self._bar.until_next_step(count.fraction, count.seconds)

    def _blocks_words(self) -> tuple[str, str]:
        count = self._count
        if count is None or not self._scale:
            return ("", "")
        words = ("REP", f"OF {count.of}")
        if size_beside(self._value, self._scale, *words).width > self._width:
            return ("", "")
        return words

    def _draw(self) -> None:
        count, value = self._count, self._value
        if not self._scale:
            self._digits.update(value)
            if count is not None:  # Digits has no letters: REP 3 OF 12 in box letters
                word = f"REP {value} OF {count.of}"
                if big_width(word) > self._width:
                    word = f"{value} OF {count.of}"
                self._word.update(word)
            return
        words = self._blocks_words()
        if count is not None and not any(words):
            value = f"{value}/{count.of}"  # no room for the words: still a count, not a time
        scale = self._scale
        while scale > 1 and size_at(value, scale).width > self._width:
            scale -= 1
        self._blocks.update(value, scale, words)


def _rep_of(count: RepCount | None) -> tuple[int, int] | None:
    return (count.rep, count.of) if count is not None else None
