"""Past workouts: how regular the training has been, every workout, and each exercise's trend.

The history is read in a thread, through the history index (`HistoryStore.summaries`), so the
screen opens at once saying "Reading history…" and fills in when it is read. With the index up
to date that is a fraction of a second however long the history; the first read after many
files were added (or with no index yet) parses them, and a progress bar shows how far it got.
What a person reads first (streak, totals, calendar, the newest workouts) is shown as soon as the
history is read; the trends, below them and the one part whose work grows with every exercise
ever done, follow when worked out. The list of workouts makes rows a page at a time, as the
cursor or the scrolling comes near the end of those made: ten thousand rows of `Text` cost
seconds, and a person reads the newest first.
Everything is worked out from the records by the domain
(`streaks`), `history_export` (the rows `bandtimer history` prints too) and the trends widget;
this screen only lays it out. Names of routines, exercises and devices come from files, so all
of it is shown as `Text`, never as markup. A file that could not be read is listed with the
reason, its path relative to the history folder, and left as it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import get_current_worker

from bandtimer.coach import NO_WORKOUTS, listing_row, streak_line, totals_line
from bandtimer.domain.history import Workout, WorkoutStatus, WorkoutSummary
from bandtimer.domain.streaks import Regularity, regularity
from bandtimer.domain.text import visible_controls
from bandtimer.storage.history import HistoryLoad, HistoryProblem
from bandtimer.ui.services import Services
from bandtimer.ui.widgets.calendar import CalendarHeatmap
from bandtimer.ui.widgets.trends import ExerciseTrend, TrendsPanel, exercise_trends

READING = "Reading history…"
INDEXING = "Reading history: indexing {total:,} new or changed files…"
PROGRESS_FROM = 20
ROWS_PAGE = 100
"""Rows the list of workouts makes at a time; the next page once the cursor or the scrolling
comes within `ROWS_AHEAD` of the last row made."""
ROWS_AHEAD = 20
"""Fewer files to parse than this take well under a second: no bar."""
NARROW_BELOW_COLUMNS = 80
"""Under this width the figures go above the calendar instead of beside it."""
COLUMNS = ("Date", "Routine", "Status", "Sets", "Active", "Device")
RIGHT_ALIGNED = {"Sets", "Active"}
STATUS_STYLES = {
    WorkoutStatus.COMPLETED: "",
    WorkoutStatus.PARTIAL: "",
    WorkoutStatus.STOPPED_EARLY: "italic",
    WorkoutStatus.IN_PROGRESS: "dim italic",
}


@dataclass(frozen=True)
class HistoryView:
    """What the screen shows first, worked out in the reading thread, off the event loop (the
    trends follow on their own)."""

    records: list[WorkoutSummary]
    problems: list[HistoryProblem]
    today: date
    regularity: Regularity
    plan: str = ""
    """Where the person stands in the plan being followed (`coach.plans`), if any."""


class HistoryScreen(Screen[None]):
    DEFAULT_CSS = """
    HistoryScreen #history-loading { padding: 1 2; color: $text-muted; }
    HistoryScreen #history-progress { padding: 0 2; display: none; }
    HistoryScreen #history-progress.-shown { display: block; }
    HistoryScreen #history-body { height: 1fr; padding: 0 2; }
    HistoryScreen .history-heading { margin-top: 1; text-style: bold; color: $accent; }
    HistoryScreen #overview { height: auto; }
    HistoryScreen #figures { width: 44; height: auto; margin-right: 2; }
    HistoryScreen #calendar-box { width: 1fr; height: auto; }
    HistoryScreen.-narrow #overview { layout: vertical; }
    HistoryScreen.-narrow #figures { width: 100%; }
    HistoryScreen #streak { text-style: bold; margin: 2 0 1 0; }
    HistoryScreen #plan-progress { margin-bottom: 1; color: $success; }
    HistoryScreen .figures-label { color: $text-muted; }
    HistoryScreen #problems-note { color: $warning; margin-top: 1; }
    HistoryScreen #workouts { max-height: 14; }
    HistoryScreen #trends-box { height: auto; }
    HistoryScreen #problems { color: $text-muted; }
    HistoryScreen #no-workouts { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="history-back", tooltip="back to the menu"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.view: HistoryView | None = None

    def compose(self) -> ComposeResult:
        yield Static(READING, id="history-loading")
        yield ProgressBar(id="history-progress", show_eta=False)
        yield VerticalScroll(id="history-body")
        yield Footer()

    def on_mount(self) -> None:
        self._read_history()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_BELOW_COLUMNS, "-narrow")

    def action_back(self) -> None:
        self.dismiss(None)

    # -- reading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self) -> None:
        worker = get_current_worker()
        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // total
            if total >= PROGRESS_FROM and percent != shown[0] and not worker.is_cancelled:
                shown[0] = percent
                self.app.call_from_thread(self._progress, done, total)

        load = self.services.history.summaries(progress=progress, exercises=True)
        view = build_view(load, self.services)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._show, view)
        trends = exercise_trends(view.records, self.services.config.bands)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_trends, trends)

    def _progress(self, done: int, total: int) -> None:
        if not self.is_attached:
            return
        self.query_one("#history-loading", Static).update(INDEXING.format(total=total))
        bar = self.query_one("#history-progress", ProgressBar)
        bar.add_class("-shown")
        bar.update(total=total, progress=done)

    def _show(self, view: HistoryView) -> None:
        if not self.is_attached:
            return
        self.view = view
        self.query_one("#history-loading").display = False
        self.query_one("#history-progress").display = False
        body = self.query_one("#history-body", VerticalScroll)
        body.mount_all(list(self._sections(view)))

    def _show_trends(self, trends: list[ExerciseTrend]) -> None:
        if not self.is_attached or not trends:
            return
        box = self.query_one("#trends-box", Vertical)
        box.mount_all([
            heading("Trends: best set's reps, hold and band, per workout"),
            TrendsPanel(trends, id="trends"),
        ])

    # -- what is shown ------------------------------------------------------------------------

    def _sections(self, view: HistoryView) -> Iterator[Widget]:
        if not view.records:
            yield Static(NO_WORKOUTS, id="no-workouts", markup=False)
        else:
            yield Horizontal(
                Vertical(*self._figures(view), id="figures"),
                Vertical(
                    heading("Workout days"),
                    CalendarHeatmap(view.records, today=view.today, id="calendar"),
                    id="calendar-box",
                ),
                id="overview",
            )
            yield heading("Workouts")
            yield WorkoutsTable(view.records)
            yield Vertical(id="trends-box")
        if view.problems:
            yield heading("Files that could not be read")
            history_dir = self.services.history.history_dir
            yield Static(problems_list(view.problems, history_dir), id="problems")

    def _figures(self, view: HistoryView) -> Iterator[Widget]:
        yield Static(streak_line(view.regularity), id="streak", markup=False)
        if view.plan:
            yield Static(view.plan, id="plan-progress", markup=False)
        yield Static("All time, completed workouts:", classes="figures-label")
        yield Static(totals_line(view.regularity.totals), id="totals", markup=False)
        if view.problems:
            yield Static(problems_note(view.problems), id="problems-note", markup=False)


def build_view(load: HistoryLoad[WorkoutSummary], services: Services) -> HistoryView:
    today = services.wall_clock().date()
    return HistoryView(
        records=load.records,
        problems=load.problems,
        today=today,
        regularity=regularity(
            load.records, today=today, weekly_target=services.config.weekly_target
        ),
        plan=plan_progress(services, today),
    )


def plan_progress(services: Services, today: date) -> str:
    """`Plan · Six weeks…: week 2 of 6 · …`, or why the plan cannot be followed; "" without."""
    from bandtimer.coach.plans import PlanUnavailable, plan_status

    try:
        status = plan_status(services.locations, services.routines(), services.history, today)
    except PlanUnavailable as unavailable:
        return str(unavailable)
    return f"Plan · {status.progress_line()}" if status is not None else ""


def heading(title: str) -> Static:
    return Static(title, classes="history-heading", markup=False)


def workout_cells(record: Workout) -> tuple[Text, ...]:
    cells = []
    for column, cell in zip(COLUMNS, listing_row(record), strict=True):
        justify = "right" if column in RIGHT_ALIGNED else "left"
        style = STATUS_STYLES[record.status] if column == "Status" else ""
        cells.append(Text(cell, style=style, justify=justify))
    return tuple(cells)


class WorkoutsTable(DataTable[Text]):
    """Every workout, newest first, its rows made a page at a time as they come into reach."""

    def __init__(self, records: Sequence[Workout]) -> None:
        super().__init__(id="workouts", cursor_type="row", zebra_stripes=True)
        self._records = records
        for column in COLUMNS:
            self.add_column(Text(column, justify="right" if column in RIGHT_ALIGNED else "left"))
        self.add_rows([workout_cells(record) for record in records[:ROWS_PAGE]])

    def _add_page(self) -> None:
        made = self.row_count
        self.add_rows(workout_cells(record) for record in self._records[made : made + ROWS_PAGE])

    def _more_if_near_the_end(self, last_in_reach: int) -> None:
        if self.row_count < len(self._records) and last_in_reach >= self.row_count - ROWS_AHEAD:
            self._add_page()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._more_if_near_the_end(event.cursor_row)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._more_if_near_the_end(int(new) + self.scrollable_content_region.height)


def problems_note(problems: Sequence[HistoryProblem]) -> str:
    if len(problems) == 1:
        return "1 history file could not be read and was left as it is: see the end."
    count = len(problems)
    return f"{count} history files could not be read and were left as they are: see the end."


def problems_list(problems: Sequence[HistoryProblem], history_dir: Path) -> Text:
    """`2025/….toml: reason` for each; paths are shown inside the history folder."""
    text = Text()
    for problem in problems:
        path = problem.path
        shown = path.relative_to(history_dir) if path.is_relative_to(history_dir) else path
        text.append(visible_controls(f"{shown}: {problem.reason}") + "\n")
    text.rstrip()
    return text
