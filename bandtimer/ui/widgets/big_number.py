"""Numbers in solid blocks, as large as the space allows, for a countdown read from the mat.

Textual's `Digits` is three rows tall: fine on a desk, small from two metres. When there is
room, the countdown uses this instead: a 3×5 pixel font drawn in full blocks, each pixel two
cells wide and one row tall, scaled up whole while it fits. With less room the countdown falls
back to `Digits` (see `Countdown`).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

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
}
FONT_ROWS = 5
PIXEL_WIDTH = 2
"""Terminal cells are about twice as tall as wide; two cells a pixel keeps the digits square."""


def pixels(text: str) -> list[str]:
    """The text as rows of `#` and `.`, one column of `.` between characters."""
    glyphs = [FONT[character] for character in text if character in FONT]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(FONT_ROWS)]


def size_at(text: str, scale: int) -> Size:
    width = len(pixels(text)[0]) if text else 0
    return Size(width * PIXEL_WIDTH * scale, FONT_ROWS * scale)


def render_blocks(text: str, scale: int) -> str:
    lines = []
    for row in pixels(text):
        line = "".join(("█" if pixel == "#" else " ") * PIXEL_WIDTH * scale for pixel in row)
        lines.extend([line] * scale)  # equal widths, so centring keeps the glyphs whole
    return "\n".join(lines)


class BigNumber(Widget):
    DEFAULT_CSS = """
    BigNumber { width: 100%; height: auto; text-align: center; }
    """

    def __init__(
        self, *, scale: int = 1, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._value = ""
        self._scale = scale

    @property
    def value(self) -> str:
        return self._value

    @property
    def scale(self) -> int:
        return self._scale

    def update(self, value: str, scale: int | None = None) -> None:
        scale = self._scale if scale is None else scale
        if value != self._value or scale != self._scale:
            resized = scale != self._scale or len(value) != len(self._value)
            self._value, self._scale = value, scale
            self.refresh(layout=resized)

    def render(self) -> Text:
        return Text(render_blocks(self._value, self._scale), justify="center", no_wrap=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return FONT_ROWS * self._scale if self._value else 0
