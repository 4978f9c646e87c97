"""A bar under "rep 3 of 12" that fills through each rep and starts again with the next.

A set whose reps count themselves moves on its own; from the mat the bar shows the rhythm (how
far into this rep, when the next begins) where a number going up by one every two seconds looks
like any other count. It fills in steps of at most a tenth of a second, so drawing it costs a
redraw ten times a second at most, and says when its next step is due so the screen redraws
then rather than polling.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

STEPS_A_SECOND = 10
EMPTY_STYLE = Style(color="grey30")


class RepBar(Widget):
    DEFAULT_CSS = """
    RepBar { width: 100%; height: 1; max-width: 60; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._step = 0
        self._steps = 1

    def steps_for(self, seconds: float) -> int:
        """How many steps a rep of `seconds` fills in across this bar (1 before layout)."""
        cells = self.size.width
        return max(1, min(cells, round(seconds * STEPS_A_SECOND))) if cells else 1

    def show(self, fraction: float, seconds: float) -> None:
        steps = self.steps_for(seconds)
        step = min(steps, int(fraction * steps))
        if (step, steps) != (self._step, self._steps):
            self._step, self._steps = step, steps
            self.refresh()

    def until_next_step(self, fraction: float, seconds: float) -> float | None:
        """Seconds until the bar fills one step more, if the rep goes on; None once full."""
        steps = self.steps_for(seconds)
        step = int(fraction * steps)
        if step >= steps:
            return None
        return max(0.0, ((step + 1) / steps - fraction) * seconds)

    @property
    def filled(self) -> int:
        """Cells drawn full now."""
        return round(self.size.width * self._step / self._steps)

    def render(self) -> Text:
        cells = self.size.width
        filled = self.filled
        text = Text("█" * filled, no_wrap=True)
        text.append("█" * (cells - filled), EMPTY_STYLE)
        return text
