"""Offering to pick up a workout that a crash, a closed terminal or a kill interrupted.

Resuming is only offered when the routine can still be found and still plans the same segments
as the ones already recorded; otherwise the person can only keep it as stopped early, so a
changed routine never gets half a workout grafted onto it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bandtimer.coach import plural
from bandtimer.domain.history import WorkoutRecord, matches_plan
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine
from bandtimer.storage.routines import RoutineEntry


def find_resumable(record: WorkoutRecord, entries: list[RoutineEntry]) -> Routine | None:
    """The routine `record` was following, if it exists unchanged enough to carry on."""
    if record.resume_at is None:
        return None
    wanted_file = record.routine.file
    candidates = [
        entry.routine
        for entry in entries
        if entry.routine is not None
        and (entry.routine.name.casefold() == record.routine.name.casefold()
             or (wanted_file is not None and entry.path.resolve() == wanted_file))
    ]
    for routine in candidates:
        plan = build_plan(routine)
        if record.resume_at < len(plan) and matches_plan(record, plan):
            return routine
    return None


def describe_unfinished(record: WorkoutRecord) -> str:
    when = record.started.strftime("%a %d %b at %H:%M")
    return (
        f"{record.routine.name}, started {when}, stopped after "
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
