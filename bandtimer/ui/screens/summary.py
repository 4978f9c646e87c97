"""The end of a workout: what was done against the plan, how long it took, and where it went.

It only renders a `WorkoutSummary`; every figure is worked out in `bandtimer.domain.summary`.
A Rich table rather than a `DataTable`, because the planned dose is a phrase that has to wrap
to fit 80 columns, and there is nothing here to select. Names come from routine files, so every
cell is a `Text` and none of it is read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static

from bandtimer.coach import WorkoutRecorder, clock_time, describe_dose, whole_seconds
from bandtimer.domain.history import Feel
from bandtimer.domain.summary import ExerciseSummary, SetResult, WorkoutSummary
from bandtimer.ui.feel_bindings import FEEL_BINDINGS, feel_question

NOT_RECORDED = "Not recorded: the history could not be written (see the message above)."
SHORT_BELOW_ROWS = 16
"""Under this many rows the heading shrinks to one line, leaving the rows to the table."""
NARROW_BELOW_COLUMNS = 60
"""Under this many columns (a phone propped on the mat) the planned dose column folds away."""
SET_SEPARATOR = " · "
UNDONE_STYLE = "dim"
"""Sets reached but not done (skipped, gone back from or stopped) are shown, but faintly."""


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    SummaryScreen { layout: vertical; }
    SummaryScreen #summary-heading {
        width: 100%; height: 3; content-align: center middle;
        text-style: bold; background: $success; color: $text;
    }
    SummaryScreen.-stopped #summary-heading { background: $warning; }
    SummaryScreen.-short #summary-heading { height: 1; }
    SummaryScreen #summary-body { height: 1fr; padding: 0 1; }
    SummaryScreen #routine-name { text-style: bold; margin-top: 1; }
    SummaryScreen #times { margin-bottom: 1; }
    SummaryScreen #recorded { margin-top: 1; color: $text-muted; }
    SummaryScreen #feel { margin-top: 1; text-style: bold; color: $accent; }
    SummaryScreen #advice { margin-top: 1; }
    SummaryScreen.-short #routine-name { margin-top: 0; }
    SummaryScreen.-short #times { margin-bottom: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "done", "Done", id="summary-done"),
        *FEEL_BINDINGS,
    ]

    def __init__(
        self,
        summary: WorkoutSummary,
        recorded_to: str | None = None,
        *,
        recorder: WorkoutRecorder | None = None,
        advice: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.recorded_to = recorded_to
        self.recorder = recorder
        self._advice = advice
        self._narrow: bool | None = None

    def compose(self) -> ComposeResult:
        summary = self.summary
        heading = "Workout complete" if summary.completed else "Stopped early"
        yield Static(heading, id="summary-heading", markup=False)
        with VerticalScroll(id="summary-body"):
            yield Static(Text(summary.routine_name), id="routine-name")
            yield Static(times_line(summary), id="times")
            yield Static("", id="exercises")
            yield Static("", id="feel", markup=False)
            yield Static("", id="advice", markup=False)
            yield Static(recorded_line(self.recorded_to), id="recorded")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(not self.summary.completed, "-stopped")
        self._show_progress()

    def _show_progress(self) -> None:
        """The last exercise's how-did-it-feel question, and advice for next time."""
        awaiting = self.recorder.awaiting_feel if self.recorder is not None else None
        question = feel_question(awaiting)
        self.query_one("#feel", Static).update(question)
        self.query_one("#feel").display = bool(question)
        lines = self._advice() if self._advice is not None else []
        advice = "\n".join(["Next time:", *(f"  {line}" for line in lines)]) if lines else ""
        self.query_one("#advice", Static).update(advice)
        self.query_one("#advice").display = bool(advice)

    def action_rate(self, feel: str) -> None:
        if self.recorder is not None and self.recorder.rate(Feel(feel)) is not None:
            self._show_progress()
            problem = self.recorder.take_problem()  # the first failed save may be this one
            if problem:
                self.notify(problem, title="History", severity="error", timeout=10, markup=False)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < SHORT_BELOW_ROWS, "-short")
        narrow = event.size.width < NARROW_BELOW_COLUMNS
        if narrow != self._narrow:
            self._narrow = narrow
            table = exercise_table(self.summary, narrow=narrow)
            self.query_one("#exercises", Static).update(table)

    def action_done(self) -> None:
        self.dismiss(None)


def times_line(summary: WorkoutSummary) -> Text:
    return Text(
        f"Total {clock_time(summary.total_seconds)}"
        f" (planned {clock_time(summary.planned_seconds)})"
        f" · active {clock_time(summary.active_seconds)}"
        f" · paused {clock_time(summary.paused_seconds)}"
    )


def recorded_line(recorded_to: str | None) -> Text:
    if recorded_to is None:
        return Text(NOT_RECORDED)
    return Text.assemble("Saved to your history in ", (recorded_to, "bold"))


def exercise_table(summary: WorkoutSummary, *, narrow: bool = False) -> Table:
    """One row per exercise, or per side of an exercise done on each side.

    Narrow, the planned dose is left out and the side goes under the exercise's name.
    """
    show_sides = not narrow and any(side for ex in summary.exercises for side in ex.sides)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("#", justify="right")
    table.add_column("Exercise", overflow="fold", min_width=len("Exercise"))
    if show_sides:
        table.add_column("Side", overflow="fold")
    if not narrow:
        table.add_column("Planned", overflow="fold")
    table.add_column("Sets", justify="right")
    table.add_column("Each set", overflow="fold")
    for exercise in summary.exercises:
        for row, side in enumerate(exercise.sides):
            first = row == 0
            name = Text(exercise.name if first else "")
            cells = [Text(str(exercise.number) if first else ""), name]
            if show_sides:
                cells.append(Text(side))
            elif side:
                name.append(f"\n{side}" if first else side, style="italic")
            if not narrow:
                cells.append(Text(describe_dose(exercise.exercise) if first else ""))
            cells.append(Text(f"{exercise.sets_done[row]}/{exercise.planned_sets}"))
            cells.append(each_set(exercise, exercise.results[row]))
            table.add_row(*cells, style=UNDONE_STYLE if exercise.skipped else None)
    return table


def each_set(exercise: ExerciseSummary, results: tuple[SetResult, ...]) -> Text:
    """`12 · 12 · 10` for reps, `30 · 30 s` for holds; `skipped` or `not reached` for nothing;
    `–` for a time-boxed set whose reps were not given."""
    if exercise.skipped:
        return Text("skipped" if exercise.reached else "not reached", style="italic")
    text = Text()
    for position, result in enumerate(results):
        if position:
            text.append(SET_SEPARATOR)
        if exercise.is_timed_hold:
            figure: object = whole_seconds(result.seconds)
        else:  # a time-boxed set whose reps were not given has none to show
            figure = result.reps if result.reps is not None else "–"
        text.append(str(figure), style=None if result.done else UNDONE_STYLE)
    if exercise.is_timed_hold and results:
        text.append(" s")
    return text
