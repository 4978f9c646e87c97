"""Words in letters three rows tall, readable from a mat two metres away.

Textual's `Digits` draws numbers only. What to do now (HOLD, REST, SWITCH SIDES) and which leg
is working (RIGHT, LEFT) are the words a runner must not misread, so they get the same size in
a small box-drawing font of their own, which also has the digits for "rep 3 of 12".
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

GLYPHS = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "B": ("┳━┓", "┣━┫", "┻━┛"),
    "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("┳━┓", "┃ ┃", "┻━┛"),
    "E": ("┏━╸", "┣━ ", "┗━╸"),
    "F": ("┏━╸", "┣━ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("━┳━", " ┃ ", "━┻━"),
    "J": ("  ╻", "  ┃", "┗━┛"),
    "K": ("╻┏╸", "┣┫ ", "╹┗╸"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹╹╹"),
    "N": ("┏┓╻", "┃┗┫", "╹ ╹"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "Q": ("┏━┓", "┃ ┃", "┗━╋"),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━╸", "┗━┓", "╺━┛"),
    "T": ("━┳━", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "┃ ┃", "┗┳┛"),
    "W": ("╻╻╻", "┃┃┃", "┗┻┛"),
    "X": ("┓ ┏", " ╋ ", "┛ ┗"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    "Z": ("━━┓", "┏━┛", "┗━━"),
    "0": ("┏━┓", "┃ ┃", "┗━┛"),
    "1": ("╺┓ ", " ┃ ", "╺┻╸"),
    "2": ("╺━┓", "┏━┛", "┗━╸"),
    "3": ("╺━┓", " ━┫", "╺━┛"),
    "4": ("╻ ╻", "┗━┫", "  ╹"),
    "5": ("┏━╸", "┗━┓", "╺━┛"),
    "6": ("┏━╸", "┣━┓", "┗━┛"),
    "7": ("╺━┓", "  ┃", "  ╹"),
    "8": ("┏━┓", "┣━┫", "┗━┛"),
    "9": ("┏━┓", "┗━┫", "╺━┛"),
    " ": (" ", " ", " "),
}


def render_big(word: str) -> str:
    """Three lines of box-drawing letters; letters the font lacks stay as they are."""
    rows = ["", "", ""]
    for letter in word.upper():
        glyph = GLYPHS.get(letter, (letter, " ", " "))
        for row in range(3):
            rows[row] += glyph[row] + " "
    return "\n".join(row.rstrip() for row in rows)


def big_width(word: str) -> int:
    """How many cells wide `render_big(word)` is."""
    lines = render_big(word).splitlines() or [""]
    return max(len(line) for line in lines)


class BigWord(Widget):
    DEFAULT_CSS = """
    BigWord { width: auto; height: 3; }
    """

    def __init__(
        self, word: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._word = word

    @property
    def word(self) -> str:
        return self._word

    def update(self, word: str) -> None:
        """Show another word; the screen is laid out again only if it needs other room."""
        if word != self._word:
            resized = big_width(word) != big_width(self._word) or bool(word) != bool(self._word)
            self._word = word
            self.refresh(layout=resized)

    def render(self) -> Text:
        return Text(render_big(self._word), no_wrap=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return big_width(self._word)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 if self._word else 0
