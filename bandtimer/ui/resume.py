"""Offering to pick up a workout that a crash, a closed terminal or a kill interrupted.

Whether it can be resumed is decided in `bandtimer.coach.resume`; this screen only asks.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bandtimer.coach import plural
from bandtimer.domain.history import WorkoutRecord
from bandtimer.domain.text import visible_controls


def describe_unfinished(record: WorkoutRecord) -> str:
    """The record's routine name comes from a history file, maybe a synced one: shown, never
    obeyed."""
    when = record.started.strftime("%a %d %b at %H:%M")
    return (
        f"{visible_controls(record.routine.name)}, started {when}, stopped after "
        f"{plural(record.sets_done, 'set')}."
    )


class ResumeScreen(ModalScreen[bool]):
    """True: resume where it stopped. False: keep what was done as stopped early."""

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
        Binding("r", "answer(True)", "Resume", id="resume-yes"),
        Binding("k,escape", "answer(False)", "Keep as stopped", id="resume-no"),
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

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume and self._can_resume)
