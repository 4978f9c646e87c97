"""The end of a workout: what was done against the plan, with which band, how it felt, what
next time holds, and how long it took.

It only renders a `WorkoutSummary` (every figure is worked out in `bandtimer.domain.summary`),
the recorder's bands and ratings, and the next doses it is handed. A Rich table rather than a
`DataTable`, because the next dose is a phrase that has to wrap to fit 80 columns. Names come
from routine files, so every cell is a `Text` and none of it is read as markup.

Enter, space and the other keys of the workout do nothing here: a rep pressed as the workout
ends must not throw the summary away unread. For its first two seconds (on the app's clock) not
even Esc or q leave it. The heading is in the workout's big letters where they fit, to be read
from the mat.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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

from bandtimer.coach import WorkoutRecorder, clock_time, whole_seconds
from bandtimer.domain.clock import Clock, MonotonicClock
from bandtimer.domain.history import Feel
from bandtimer.domain.summary import ExerciseSummary, SetResult, WorkoutSummary
from bandtimer.domain.text import visible_controls
from bandtimer.ui.feel_bindings import FEEL_BINDINGS, feel_question
from bandtimer.ui.widgets.big_word import big_width, render_big

NOT_RECORDED = "Not recorded: the history could not be written (see the message above)."
SHORT_BELOW_ROWS = 16
"""Under this many rows the heading shrinks to one line, leaving the rows to the table."""
NARROW_BELOW_COLUMNS = 60
"""Under this many columns (a phone propped on the mat) the band and next-time columns fold
away, and next time is listed under the table."""
WIDE_FROM_COLUMNS = 100
"""From this many columns the side has a column of its own."""
DISMISS_AFTER_SECONDS = 2.0
"""How long the summary stays whatever is pressed: a rep key pressed as the workout ends."""
SET_SEPARATOR = " · "
UNDONE_STYLE = "dim"
"""Sets reached but not done (skipped, gone back from or stopped) are shown, but faintly."""
NOT_RATED = "–"
RATING_STYLE = "bold reverse"
"""The row that 1, 2 and 3 rate."""


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
    SummaryScreen #times { margin-bottom: 1; text-style: bold; }
    SummaryScreen #recorded { margin-top: 1; color: $text-muted; }
    SummaryScreen #feel { margin-top: 1; text-style: bold; color: $accent; }
    SummaryScreen #advice { margin-top: 1; }
    SummaryScreen.-short #routine-name { margin-top: 0; }
    SummaryScreen.-short #times { margin-bottom: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "done", "Done", id="summary-done", tooltip="back to the menu"),
        *FEEL_BINDINGS,
        Binding("up", "move_rating(-1)", "Rate another", id="rate-previous", show=False),
        Binding("down", "move_rating(1)", "Rate another", id="rate-next", show=False),
    ]

    def __init__(
        self,
        summary: WorkoutSummary,
        recorded_to: str | None = None,
        *,
        recorder: WorkoutRecorder | None = None,
        next_time: Callable[[], Mapping[int, str]] | None = None,
        clock: Clock | None = None,
    ) -> None:
        """`next_time`: the next dose of each exercise, by number, read afresh on each call
        (a rating moves it). `clock`: the app's, so the first seconds are timed as the
        workout was."""
        super().__init__()
        self.summary = summary
        self.recorded_to = recorded_to
        self.recorder = recorder
        self._next_time = next_time
        self._next: Mapping[int, str] = {}
        self._clock = clock or MonotonicClock()
        self._shown_at = self._clock.now()
        self._width: int | None = None
        rated = [e for e in summary.exercises if not e.skipped]
        target = recorder.rating_target if recorder is not None else None
        self._rating: ExerciseSummary | None = next(
            (e for e in rated if e.name == target), None
        )

    def _heading(self) -> str:
        return "Workout complete" if self.summary.completed else "Stopped early"

    def compose(self) -> ComposeResult:
        summary = self.summary
        yield Static(self._heading(), id="summary-heading", markup=False)
        with VerticalScroll(id="summary-body"):
            yield Static(Text(summary.routine_name), id="routine-name")
            yield Static(times_line(summary), id="times")
            yield Static("", id="exercises")
            yield Static("", id="feel", markup=False)
            yield Static("", id="advice", markup=False)
            yield Static(recorded_line(self.recorded_to), id="recorded")
        yield Footer()

    def on_mount(self) -> None:
        self._shown_at = self._clock.now()
        self.set_class(not self.summary.completed, "-stopped")
        self._next = self._next_time() if self._next_time is not None else {}
        self.set_timer(DISMISS_AFTER_SECONDS, self.refresh_bindings)  # the footer's Done lights

    # -- keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Done is greyed out, and does nothing, for the first seconds."""
        if action == "done" and self._clock.now() - self._shown_at < DISMISS_AFTER_SECONDS:
            return None
        return True

    def action_done(self) -> None:
        self.dismiss(None)

    def action_rate(self, feel: str) -> None:
        recorder, exercise = self.recorder, self._rating
        if recorder is None or exercise is None:
            return
        if recorder.rate(Feel(feel), exercise.name) is None:
            return
        if self._next_time is not None:
            self._next = self._next_time()
        self._redraw()
        problem = recorder.take_problem()  # the first failed save may be this one
        if problem:
            self.notify(problem, title="History", severity="error", timeout=10, markup=False)

    def action_move_rating(self, step: int) -> None:
        """Up and down pick which exercise 1, 2 and 3 rate: any that was done."""
        rated = [e for e in self.summary.exercises if not e.skipped]
        if self.recorder is None or not rated:
            return
        position = rated.index(self._rating) if self._rating in rated else -1
        self._rating = rated[max(0, min(len(rated) - 1, position + step))]
        self._redraw()

    # -- drawing ------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        short = event.size.height < SHORT_BELOW_ROWS
        self.set_class(short, "-short")
        heading = self._heading()
        fits = not short and big_width(heading) <= event.size.width
        self.query_one("#summary-heading", Static).update(render_big(heading) if fits else heading)
        if event.size.width != self._width:
            self._width = event.size.width
            self._redraw()

    def _redraw(self) -> None:
        width = self._width or 80
        narrow = width < NARROW_BELOW_COLUMNS
        table = exercise_table(
            self.summary,
            narrow=narrow,
            sides_column=width >= WIDE_FROM_COLUMNS,
            band=self._band_of,
            feel=self._feel_of,
            next_time=self._next,
            rating=self._rating,
        )
        self.query_one("#exercises", Static).update(table)
        question = self._question()
        self.query_one("#feel", Static).update(question)
        self.query_one("#feel").display = bool(question)
        listed = next_time_list(self.summary, self._next) if narrow else ""
        self.query_one("#advice", Static).update(listed)
        self.query_one("#advice").display = bool(listed)

    def _question(self) -> str:
        exercise = self._rating
        if self.recorder is None or exercise is None:
            return ""
        name = visible_controls(exercise.name)
        feel = self.recorder.feel_of(exercise.name)
        if feel is None:
            return feel_question(name)
        return f"{name} felt {feel}.  1 · 2 · 3 change it · ↑↓ another exercise"

    def _band_of(self, name: str) -> str:
        band = self.recorder.band_for(name) if self.recorder is not None else None
        return visible_controls(band) if band else NOT_RATED

    def _feel_of(self, name: str) -> Feel | None:
        return self.recorder.feel_of(name) if self.recorder is not None else None


def times_line(summary: WorkoutSummary) -> Text:
    """`Total 12:40 = work 9:00 + rests 2:00 + paused 1:40 · planned 12:00`: parts that add up."""
    totals = summary.totals
    return Text(
        f"Total {clock_time(totals.total)} = work {clock_time(totals.work)}"
        f" + rests {clock_time(totals.rests)} + paused {clock_time(totals.paused)}"
        f" · planned {clock_time(summary.planned_seconds)}"
    )


def recorded_line(recorded_to: str | None) -> Text:
    if recorded_to is None:
        return Text(NOT_RECORDED)
    return Text.assemble("Saved to your history in ", (recorded_to, "bold"))


def next_time_list(summary: WorkoutSummary, next_time: Mapping[int, str]) -> str:
    lines = [
        f"  {visible_controls(exercise.name)}: {next_time[exercise.number]}"
        for exercise in summary.exercises
        if exercise.number in next_time
    ]
    return "\n".join(["Next time:", *lines]) if lines else ""


def exercise_table(
    summary: WorkoutSummary,
    *,
    narrow: bool = False,
    sides_column: bool = False,
    band: Callable[[str], str] = lambda name: NOT_RATED,
    feel: Callable[[str], Feel | None] = lambda name: None,
    next_time: Mapping[int, str] | None = None,
    rating: ExerciseSummary | None = None,
) -> Table:
    """One row per exercise, or per side of an exercise done on each side: sets done of
    planned, each set's figure, the band, how it felt and the next dose.

    Narrow, the band and next dose are left out (next time is listed under the table); the
    side goes under the exercise's name unless it has a column (`sides_column`).
    """
    next_time = next_time or {}
    show_sides = sides_column and any(side for ex in summary.exercises for side in ex.sides)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    if not narrow:
        table.add_column("#", justify="right")
    table.add_column("Exercise", overflow="fold", min_width=len("Exercise"), ratio=narrow or None)
    if show_sides:
        table.add_column("Side", overflow="fold")
    table.add_column("Sets", justify="right")
    table.add_column("Each set", overflow="fold")
    if not narrow:
        table.add_column("Band", overflow="fold")
    table.add_column("Feel")
    if not narrow:
        table.add_column("Next time", overflow="fold", ratio=1)
    for exercise in summary.exercises:
        for row, side in enumerate(exercise.sides):
            first = row == 0
            name = Text(exercise.name if first else "")
            if first and exercise is rating:
                name.stylize(RATING_STYLE)
            cells = [name] if narrow else [Text(str(exercise.number) if first else ""), name]
            if show_sides:
                cells.append(Text(side))
            elif side:
                name.append(f"\n{side}" if first else side, style="italic")
            cells.append(Text(f"{exercise.sets_done[row]}/{exercise.planned_sets}", style="bold"))
            cells.append(each_set(exercise, exercise.results[row]))
            if not narrow:
                cells.append(Text(band(exercise.name) if first and exercise.reached else ""))
            felt = (feel(exercise.name) or NOT_RATED) if first and exercise.reached else ""
            cells.append(Text(str(felt), style="bold"))
            if not narrow:
                cells.append(Text(next_time.get(exercise.number, "") if first else ""))
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
