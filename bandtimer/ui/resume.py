"""Offering to pick up a workout that a crash, a closed terminal or a kill interrupted.

Whether it can be resumed is decided in `bandtimer.coach.resume`; this screen only asks: resume,
keep what was done as stopped early, or (Escape) decide later, leaving it to be offered again.
"""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bandtimer.coach import plural
from bandtimer.domain.history import WorkoutRecord
from bandtimer.domain.text import visible_controls


class ResumeChoice(Enum):
    RESUME = "resume"
    KEEP = "keep"
    """Close it as stopped early, with what was done."""
    LATER = "later"
    """Leave it as it is, to be offered again."""


def describe_unfinished(record: WorkoutRecord) -> str:
    """The record's routine name comes from a history file, maybe a synced one: shown, never
    obeyed."""
    when = record.started.strftime("%a %d %b at %H:%M")
    return (
        f"{visible_controls(record.routine.name)}, started {when}, stopped after "
        f"{plural(record.sets_done, 'set')}."
    )


class ResumeScreen(ModalScreen[ResumeChoice]):
    """Resume where it stopped, keep what was done as stopped early, or decide later."""

    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen > Vertical {
        width: auto; max-width: 70; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ResumeScreen #resume-question { text-style: bold; width: auto; }
    ResumeScreen #resume-detail { width: auto; margin-bottom: 1; }
    ResumeScreen Horizontal { height: auto; width: auto; }
    ResumeScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("r", "answer('resume')", "Resume", id="resume-yes"),
        Binding("k", "answer('keep')", "Keep as stopped", id="resume-no"),
        Binding("escape", "answer('later')", "Decide later", id="resume-later"),
    ]

    def __init__(self, record: WorkoutRecord, *, can_resume: bool) -> None:
        super().__init__()
        self._record = record
        self._can_resume = can_resume

    def compose(self) -> ComposeResult:
        detail = describe_unfinished(self._record)
        if not self._can_resume:
            detail += "\nIts routine has changed or is gone, so it can only be kept as it is."
        with Vertical():
            yield Static("An unfinished workout was found", id="resume-question")
            yield Static(detail, id="resume-detail", markup=False)
            with Horizontal():
                if self._can_resume:
                    yield Button("Resume (r)", variant="primary", id="resume")
                yield Button("Keep as stopped early (k)", id="keep")
                yield Button("Later (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or "later")

    def action_answer(self, choice: str) -> None:
        answer = ResumeChoice(choice)
        if answer is ResumeChoice.RESUME and not self._can_resume:
            return
        self.dismiss(answer)
