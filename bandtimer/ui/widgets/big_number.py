"""Numbers in solid blocks, as large as the space allows, for a countdown read from the mat.

Textual's `Digits` is three rows tall: fine on a desk, small from two metres. When there is
room, the countdown uses this instead: a 3×5 pixel font drawn in full blocks, each pixel two
cells wide and one row tall, scaled up whole while it fits. With less room the countdown falls
back to `Digits` (see `Countdown`).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from bandtimer.ui.widgets.big_word import big_width, render_big

FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
}
FONT_ROWS = 5
PIXEL_WIDTH = 2
"""Terminal cells are about twice as tall as wide; two cells a pixel keeps the digits square."""
WORD_GAP = 3
"""Cells between the blocks and a word beside them."""


def pixels(text: str) -> list[str]:
    """The text as rows of `#` and `.`, one column of `.` between characters."""
    glyphs = [FONT[character] for character in text if character in FONT]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(FONT_ROWS)]


def size_at(text: str, scale: int) -> Size:
    width = len(pixels(text)[0]) if text else 0
    return Size(width * PIXEL_WIDTH * scale, FONT_ROWS * scale)


def render_blocks(text: str, scale: int, before: str = "", after: str = "") -> str:
    """`text` in blocks; `before` and `after` in `BigWord` letters beside it, on its baseline,
    so "rep 3 of 12" reads as one line with the 3 as large as the countdown digits."""
    lines = []
    for row in pixels(text):
        line = "".join(("█" if pixel == "#" else " ") * PIXEL_WIDTH * scale for pixel in row)
        lines.extend([line] * scale)  # equal widths, so centring keeps the glyphs whole
    if before or after:
        lines = _beside(lines, before, after)
    return "\n".join(lines)


def _beside(lines: list[str], before: str, after: str) -> list[str]:
    left = _word_rows(before, len(lines))
    right = _word_rows(after, len(lines))
    gap = " " * WORD_GAP
    return [
        (f"{prefix}{gap}" if before else "") + line + (f"{gap}{suffix}" if after else "")
        for prefix, line, suffix in zip(left, lines, right, strict=True)
    ]


def _word_rows(word: str, height: int) -> list[str]:
    """The word's three rows, padded to one width and pushed to the bottom of `height` rows."""
    rows = render_big(word).split("\n") if word else []
    width = max((len(row) for row in rows), default=0)
    rows = [row.ljust(width) for row in rows][-height:]
    return [" " * width] * (height - len(rows)) + rows


def _runs(line: str) -> list[str]:
    """The line cut where blank cells meet drawn ones, so blanks can be drawn unstyled."""
    runs: list[str] = []
    for character in line:
        if runs and runs[-1][-1].isspace() == character.isspace():
            runs[-1] += character
        else:
            runs.append(character)
    return runs


def size_beside(text: str, scale: int, before: str, after: str) -> Size:
    """The size of `render_blocks(text, scale, before, after)`."""
    size = size_at(text, scale)
    extra = sum(big_width(word) + WORD_GAP for word in (before, after) if word)
    return Size(size.width + extra, size.height)


class BigNumber(Widget):
    DEFAULT_CSS = """
    BigNumber { width: 100%; height: auto; }
    """

    def __init__(
        self, *, scale: int = 1, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._value = ""
        self._scale = scale
        self._words = ("", "")
        self._drawn: tuple[object, list[str]] = (None, [])

    @property
    def value(self) -> str:
        return self._value

    @property
    def scale(self) -> int:
        return self._scale

    def update(
        self, value: str, scale: int | None = None, words: tuple[str, str] | None = None
    ) -> None:
        """Show `value` at `scale` (kept if None), with `words` (before, after) beside it."""
        scale = self._scale if scale is None else scale
        words = self._words if words is None else words
        if (value, scale, words) != (self._value, self._scale, self._words):
            resized = scale != self._scale or len(value) != len(self._value)
            self._value, self._scale, self._words = value, scale, words
            self.refresh(layout=resized)

    def render_line(self, y: int) -> Strip:
        """One row, centred by padding every row alike and drawn as it is: a `Text` is
        wrapped and trimmed line by line, which moved rows that start or end in blank pixels
        apart from the others."""
        lines = self._lines()
        width = self.size.width
        line = lines[y] if 0 <= y < len(lines) else ""
        pad = max(0, (width - len(lines[0])) // 2) if lines else 0
        style = self.rich_style
        blank = Style(bgcolor=style.bgcolor)
        segments = [
            Segment(run, blank if run.isspace() else style)
            for run in _runs((" " * pad + line)[:width].ljust(width))
        ]
        return Strip(segments, width)

    def _lines(self) -> list[str]:
        key = (self._value, self._scale, self._words)
        if self._drawn[0] != key:
            self._drawn = (key, render_blocks(self._value, self._scale, *self._words).split("\n"))
        return self._drawn[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return FONT_ROWS * self._scale if self._value else 0
