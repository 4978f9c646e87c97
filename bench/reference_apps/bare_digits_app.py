"""The reference for start-up, key latency, CPU and memory: a bare Textual app, a Digits clock.

It is the least a Textual countdown can be: one `Digits` counting down from 5:00 and redrawn
at 10 Hz by `set_interval` (the same rate as bandtimer's workout screen), and a one-line label
that space toggles between "running" and "paused · space resumes" (the same words bandtimer's
caption shows when paused), freezing the clock as bandtimer does. No CSS file, no other widgets.

Run it as a file: `python bench/reference_apps/bare_digits_app.py`.
"""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Static

COUNT_FROM = 300.0
REDRAW_SECONDS = 0.1
PAUSED = "paused · space resumes"
RUNNING = "running"


def clock_text(seconds: float) -> str:
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class BareDigitsApp(App[None]):
    CSS = """
    Screen { align: center middle; }
    Digits { width: auto; }
    #label { width: auto; }
    """
    BINDINGS = [("space", "toggle", "Pause"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self._deadline = time.monotonic() + COUNT_FROM
        self._paused_left: float | None = None

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(COUNT_FROM), id="clock")
        yield Static(RUNNING, id="label", markup=False)

    def on_mount(self) -> None:
        self.set_interval(REDRAW_SECONDS, self.redraw)

    def left(self) -> float:
        if self._paused_left is not None:
            return self._paused_left
        return self._deadline - time.monotonic()

    def redraw(self) -> None:
        self.query_one(Digits).update(clock_text(self.left()))

    def action_toggle(self) -> None:
        if self._paused_left is None:
            self._paused_left = self.left()
            self.query_one("#label", Static).update(PAUSED)
        else:
            self._deadline = time.monotonic() + self._paused_left
            self._paused_left = None
            self.query_one("#label", Static).update(RUNNING)
        self.redraw()


if __name__ == "__main__":
    BareDigitsApp().run()
