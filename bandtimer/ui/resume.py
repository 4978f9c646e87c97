"""Offering to pick up a workout that a crash, a closed terminal or a kill interrupted.

Whether it can be resumed, and what was done and is left, is decided in
`bandtimer.coach.resume`; this screen only asks: resume, keep what was done as stopped early, or
(Escape) decide later, leaving it to be offered again. Its text wraps to the terminal, from a
phone's 40 columns up: a sentence cut off at the dialog's edge tells nobody anything.
"""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bandtimer.coach.resume import describe_unfinished
from bandtimer.domain.history import WorkoutRecord
from bandtimer.domain.routine import Routine

NARROW_BELOW_COLUMNS = 60
SHORT_BELOW_ROWS = 20
"""Smaller than this, the dialog fills the terminal and its buttons take one row each."""


def is_small(size: Size) -> bool:
    return size.width < NARROW_BELOW_COLUMNS or size.height < SHORT_BELOW_ROWS


def keep_label(small: bool) -> str:
    return "Keep (k)" if small else "Keep as stopped early (k)"


class ResumeChoice(Enum):
    RESUME = "resume"
    KEEP = "keep"
    """Close it as stopped early, with what was done."""
    LATER = "later"
    """Leave it as it is, to be offered again."""


class ResumeScreen(ModalScreen[ResumeChoice]):
    """Resume where it stopped, keep what was done as stopped early, or decide later."""

    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen > Vertical {
        width: 100%; max-width: 72; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ResumeScreen #resume-question { text-style: bold; }
    ResumeScreen #resume-detail { margin-bottom: 1; }
    ResumeScreen Horizontal { height: auto; width: 100%; }
    ResumeScreen Button { margin-right: 2; }
    ResumeScreen > Vertical.-small { max-width: 100%; padding: 0 1; }
    ResumeScreen .-small #resume-detail { margin-bottom: 0; }
    ResumeScreen .-small Horizontal { margin-top: 1; }
    ResumeScreen .-small Button { margin-right: 1; min-width: 0; }
    """
    BINDINGS = [
        Binding("r", "answer('resume')", "Resume", id="resume-yes"),
        Binding("k", "answer('keep')", "Keep as stopped", id="resume-no"),
        Binding("escape", "answer('later')", "Decide later", id="resume-later"),
    ]

    def __init__(self, record: WorkoutRecord, routine: Routine | None) -> None:
        """`routine`: the routine to carry on with, or None when it cannot be resumed."""
        super().__init__()
        self._record = record
        self._routine = routine

    @property
    def can_resume(self) -> bool:
        return self._routine is not None

    def compose(self) -> ComposeResult:
        lines = describe_unfinished(self._record, self._routine)
        if not self.can_resume:
            lines.append("Its routine has changed or is gone, so it can only be kept as it is.")
        # Laid out right the first time: a class set on the screen itself now costs a frame.
        small = is_small(self.app.size)
        with Vertical(classes="-small" if small else None):
            yield Static("An unfinished workout was found", id="resume-question")
            yield Static("\n".join(lines), id="resume-detail", markup=False)
            with Horizontal():
                if self.can_resume:
                    yield Button("Resume (r)", variant="primary", id="resume", compact=small)
                yield Button(keep_label(small), id="keep", compact=small)
                yield Button("Later (esc)", id="later", compact=small)

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_resize(self, event: Resize) -> None:
        small = is_small(event.size)
        box = self.query_one(Vertical)
        if small == box.has_class("-small"):
            return
        box.set_class(small, "-small")
        for button in self.query(Button):
            button.compact = small
        self.query_one("#keep", Button).label = keep_label(small)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or "later")

    def action_answer(self, choice: str) -> None:
        answer = ResumeChoice(choice)
        if answer is ResumeChoice.RESUME and not self.can_resume:
            return
        self.dismiss(answer)
