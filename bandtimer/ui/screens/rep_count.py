"""After a time-boxed set: how many reps did you do? A number typed, or Enter alone to skip.

A small box at the bottom of the workout screen. It does not pause anything: the rest that
follows the set counts down above it, and the answer is recorded whenever it comes
(`Session.record_reps`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

MAX_DIGITS = 3


def reps_from(text: str) -> int | None:
    """The reps typed, or None for nothing typed."""
    text = text.strip()
    return int(text) if text.isdigit() else None


class RepCountScreen(ModalScreen[int | None]):
    DEFAULT_CSS = """
    RepCountScreen { align: center bottom; background: transparent; }
    RepCountScreen > Vertical {
        width: auto; max-width: 70; height: auto; margin-bottom: 2;
        border: thick $success; background: $surface; padding: 0 2;
    }
    RepCountScreen #rep-question { text-style: bold; width: auto; }
    RepCountScreen #rep-detail { color: $text-muted; width: auto; }
    RepCountScreen Input { width: 12; }
    """
    BINDINGS = [Binding("escape", "skip", "Skip", id="rep-count-skip")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question, id="rep-question", markup=False)
            yield Static("type the number, then Enter · Enter alone skips", id="rep-detail")
            yield Input(
                placeholder="reps",
                restrict=rf"\d{{0,{MAX_DIGITS}}}",
                max_length=MAX_DIGITS,
                id="rep-count",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(reps_from(event.value))

    def action_skip(self) -> None:
        self.dismiss(None)
