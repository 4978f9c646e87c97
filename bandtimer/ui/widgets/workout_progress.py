"""The workout's progress bar, told a new fraction only when it would draw it differently.

The fraction done grows a little every instant, but the bar draws it in half cells: across a
100-column terminal that is one visible step every half second or so of a two-minute routine,
and one every few seconds of a longer one. Handing Textual's `ProgressBar` every new fraction
would run its reactive updates and ETA sampling for nothing, so this only passes on the ones
that move the bar.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import ProgressBar


class WorkoutProgress(ProgressBar):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(total=1.0, show_eta=False, show_percentage=False, id=id)
        self._bar: Widget | None = None
        self._drawn: tuple[int, float] | None = None

    @property
    def steps(self) -> int:
        """How many positions the bar can show now: it draws in half cells (0 before layout)."""
        if self._bar is None:
            self._bar = self.query("#bar").first() if self.children else None
        return self._bar.size.width * 2 if self._bar is not None else 0

    def show(self, fraction: float) -> None:
        steps = self.steps
        drawn = (steps, int(fraction * steps) if steps else fraction)
        if drawn != self._drawn:
            self._drawn = drawn
            self.update(progress=fraction)
