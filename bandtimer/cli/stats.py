"""`bandtimer stats`: how regularly the band work gets done, and what it adds up to.

The figures are `bandtimer.domain.streaks`' (the workouts that count, ISO weeks), the same the
history screen shows. Only "today" comes from the wall clock, in `show_stats`; everything under
it takes `today` as an argument, so the tests pin it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bandtimer.cli.console import make_console
from bandtimer.cli.history import open_history, problems_text
from bandtimer.cli.progress import stderr_progress
from bandtimer.coach import NO_WORKOUTS, streak_line, totals_line
from bandtimer.domain.history import Workout, WorkoutStatus
from bandtimer.domain.streaks import regularity
from bandtimer.domain.text import visible_controls
from bandtimer.storage.history import HistoryLoad
from bandtimer.storage.locations import Locations

WHAT_COUNTS = (
    "Workouts followed to the end (completed, or partial with some sets skipped) count towards "
    "the streak and the totals; a routine that is not a workout, such as Quick try, does not."
)


@dataclass(frozen=True)
class RoutineCount:
    """How often one routine was done, by how each time ended."""

    routine: str
    completed: int
    partial: int
    stopped_early: int
    in_progress: int
    last: date


def show_stats(locations: Locations) -> int:
    store, config = open_history(locations)
    today = datetime.now().astimezone().date()
    load = store.summaries(progress=stderr_progress())
    print_stats(make_console(), load, weekly_target=config.weekly_target, today=today)
    return 0


def print_stats(
    console: Console, load: HistoryLoad[Any], *, weekly_target: int, today: date
) -> None:
    if not load.records:
        console.print(NO_WORKOUTS)
    else:
        figures = regularity(load.records, today=today, weekly_target=weekly_target)
        console.print(Text(streak_line(figures), style="bold"))
        console.print(Text(f"All time: {totals_line(figures.totals)}"))
        console.print(routines_table(routine_counts(load.records)))
        console.print(Text(WHAT_COUNTS, style="dim"))
    if load.problems:
        console.print(problems_text(load.problems))


def routine_counts(records: Iterable[Workout]) -> list[RoutineCount]:
    """One entry per routine name, the most completed first."""
    by_routine: dict[str, list[Workout]] = {}
    for record in records:
        by_routine.setdefault(record.routine.name, []).append(record)
    counts = [
        RoutineCount(
            routine=name,
            completed=_with(done, WorkoutStatus.COMPLETED),
            partial=_with(done, WorkoutStatus.PARTIAL),
            stopped_early=_with(done, WorkoutStatus.STOPPED_EARLY),
            in_progress=_with(done, WorkoutStatus.IN_PROGRESS),
            last=max(record.started.date() for record in done),
        )
        for name, done in by_routine.items()
    ]
    return sorted(counts, key=lambda count: (-count.completed, count.routine.casefold()))


def routines_table(counts: Sequence[RoutineCount]) -> Table:
    table = Table(title="Routines", title_justify="left")
    table.add_column("routine", overflow="fold")
    for column in ("completed", "partial", "stopped early", "in progress"):
        table.add_column(column, justify="right")
    table.add_column("last done")
    for count in counts:
        table.add_row(
            Text(visible_controls(count.routine)),
            str(count.completed),
            str(count.partial),
            str(count.stopped_early),
            str(count.in_progress),
            count.last.isoformat(),
        )
    return table


def _with(records: Sequence[Workout], status: WorkoutStatus) -> int:
    return sum(record.status is status for record in records)
