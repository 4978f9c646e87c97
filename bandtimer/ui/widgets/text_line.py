"""Text that changes while the workout runs, redrawn in place when it needs no new room.

`Static.update` lays the whole screen out again on every change, in case the new text is wider
or wraps onto another line. The clock and the caption under the countdown change every second
or on a key press, and their new text nearly always takes exactly the room the old one did, so
a whole layout pass there is pure waste on the path from a key press to the screen.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static


class TextLine(Static):
    """A `Static` whose `show` skips the layout pass when the text keeps its size.

    Without a layout the widget keeps its width and height, so that is only safe when the
    size cannot change: a widget sized to its text (`width: auto`) keeps it while the text is
    as wide as before, and any other widget while the old and the new text each fit on one line.
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, markup=False)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> None:
        if text == self._text:
            return
        old, self._text = self._text, text
        self.update(text, layout=not self._same_room(old, text))

    def _same_room(self, old: str, new: str) -> bool:
        if "\n" in old or "\n" in new:
            return False
        old_width, new_width = cell_len(old), cell_len(new)
        width = self.styles.width
        if width is None or width.is_auto:
            return old_width == new_width
        room = self.content_size.width
        return 0 < old_width <= room and 0 < new_width <= room
