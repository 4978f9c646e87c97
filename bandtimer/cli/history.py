"""`bandtimer history`: the newest workouts as a table, or every set as CSV or JSON.

Everything is read through the history index (`storage.history.index`): the table from the
workouts' summaries, CSV and JSON from each record's rows and text as the index keeps them, so
only new or changed files are parsed. Building the index for many files draws a progress bar on
stderr, when stderr is a terminal. CSV and JSON are data for other programs: stdout holds nothing
else, and files that could not be read are reported on stderr. Sent to a pipe or a file they
hold the files' text exactly (CSV's formula guard aside, see `history_export`); printed on a
terminal, a control character in them is shown as a symbol, as everywhere else on a terminal.
Either way an unreadable file is named with the reason, left exactly as it is, and the command
still succeeds with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from bandtimer.cli.progress import stderr_progress
from bandtimer.coach import (
    CSV_ROWS,
    JSON_TEXT,
    LISTING_COLUMNS,
    NO_WORKOUTS,
    csv_pieces,
    json_pieces,
    listing_row,
)
from bandtimer.domain.history import Workout, WorkoutStatus, WorkoutSummary
from bandtimer.domain.text import visible_controls
from bandtimer.storage.config import Config, load_config
from bandtimer.storage.history import HistoryLoad, HistoryProblem, HistoryStore, default_device_name
from bandtimer.storage.locations import Locations

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

# Rich is imported where a table is printed: CSV and JSON, which are piped to other programs
# and timed against `bandtimer check`, never load it.

DEFAULT_LIMIT = 20
RIGHT_ALIGNED = ("sets", "active")
STATUS_STYLES = {
    WorkoutStatus.COMPLETED: "green",
    WorkoutStatus.PARTIAL: "cyan",
    WorkoutStatus.STOPPED_EARLY: "yellow",
    WorkoutStatus.IN_PROGRESS: "dim",
}


def open_history(locations: Locations) -> tuple[HistoryStore, Config]:
    """The store and settings the app would use; settings problems go to stderr."""
    config, problems = load_config(locations.config_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    store = HistoryStore.at(locations, config.device or default_device_name())
    return store, config


def show_history(
    locations: Locations, *, output_format: str, limit: int | None, every: bool
) -> int:
    """The table lists the newest `limit` (20 unless given); CSV and JSON hold every workout
    unless `limit` is given. `every` lists them all either way."""
    store, _ = open_history(locations)
    progress = stderr_progress()
    if output_format == "table":
        shown = None if every else limit or DEFAULT_LIMIT
        print_table(store.summaries(shown, progress), limit=shown)
        return 0
    newest = None if every or limit is None else limit
    if output_format == "csv":
        rows = store.rendered(CSV_ROWS, newest, progress)
        report_problems_to_stderr(rows.problems)
        return write_data(csv_pieces(rows.records))
    texts = store.rendered(JSON_TEXT, newest, progress)
    report_problems_to_stderr(texts.problems)
    return write_data(json_pieces(texts.records))


def print_table(load: HistoryLoad[WorkoutSummary], *, limit: int | None) -> None:
    from rich.text import Text

    from bandtimer.cli.console import make_console
    from bandtimer.cli.long_table import print_long_table

    console = make_console()
    if not load.records:
        console.print(NO_WORKOUTS)
    else:
        records = load.records
        print_long_table(
            console, [listing_row(record) for record in records],
            [column in RIGHT_ALIGNED for column in LISTING_COLUMNS],
            lambda indexes: workouts_table([records[index] for index in indexes]),
        )
        if limit is not None and len(load.records) >= limit:
            console.print(Text(f"The newest {limit}; --all lists every workout.", style="dim"))
    if load.problems:
        console.print(problems_text(load.problems))


def workouts_table(records: Sequence[Workout]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Workouts, newest first", title_justify="left")
    for column in LISTING_COLUMNS:
        justify = "right" if column in RIGHT_ALIGNED else "left"
        table.add_column(column, justify=justify, overflow="fold")
    for record in records:
        cells = [Text(cell) for cell in listing_row(record)]
        cells[2].stylize(STATUS_STYLES[record.status])
        table.add_row(*cells)
    return table


def problems_text(problems: Sequence[HistoryProblem]) -> Text:
    """Every unreadable file with its reason; paths and reasons are data, never markup."""
    from rich.text import Text

    if len(problems) == 1:
        heading = "1 history file could not be read and was left as it is:"
    else:
        heading = f"{len(problems)} history files could not be read and were left as they are:"
    text = Text(heading + "\n", style="yellow")
    for problem in problems:
        text.append(f"  {visible_controls(str(problem))}\n")
    text.rstrip()
    return text


def report_problems_to_stderr(problems: Sequence[HistoryProblem]) -> None:
    for problem in problems:
        shown = visible_controls(str(problem))
        print(f"bandtimer: skipped {shown} (left as it is)", file=sys.stderr)


def write_data(pieces: Iterable[bytes]) -> int:
    """The export (UTF-8, each piece whole characters) as its reader needs it, written piece
    by piece as it comes. For a program (a pipe or a file): the files' text exactly, in UTF-8
    whatever the locale says, written as it is. For a person (a terminal): control characters
    shown as symbols instead of obeyed, in the terminal's own encoding. (A closed pipe is
    `cli.streams`' to handle.)"""
    out = sys.stdout
    binary = None if _is_terminal(out) else getattr(out, "buffer", None)
    if binary is None:  # a terminal, or a text-only stream (a test's, say)
        show = visible_controls if _is_terminal(out) else str
        for piece in pieces:
            out.write(show(piece.decode()))
        return 0
    out.flush()
    for piece in pieces:
        binary.write(piece)
    return 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False
