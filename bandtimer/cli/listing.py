"""`bandtimer list`: every routine found, the broken ones included with their errors.

A file name is something a person copies into an editor's command line, so it is never broken
across lines: its column is as wide as the longest name, and the other columns wrap instead.
A broken file's problems are sentences that name file, line and field; squeezed into a table
cell they become unreadable, so the table only says the file is broken and the problems follow
it, one to a line, at the terminal's full width.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from bandtimer.cli.console import make_console
from bandtimer.coach import clock_time, plural, shown_path
from bandtimer.domain.plan import build_plan
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineEntry, discover_routines


def list_routines(locations: Locations) -> int:
    console = make_console()
    entries = discover_routines(shipped_routines_dir(), locations.user_routines_dir)
    console.print(routines_table(entries))
    broken = [entry for entry in entries if entry.routine is None]
    for entry in broken:
        console.print()
        console.print(problems_text(entry), soft_wrap=True)
    console.print()
    folder = Text(f"Your own routines go in {shown_path(locations.user_routines_dir)}")
    console.print(folder, style="dim", soft_wrap=True)
    return 0


def routines_table(entries: list[RoutineEntry]) -> Table:
    """One row per file: the name with the file under it, then size and tags."""
    files = [visible_controls(entry.path.name) for entry in entries]
    table = Table(title="Routines", title_justify="left", box=box.SIMPLE_HEAD)
    # At least as wide as the longest file name, so none is broken: the tags give way.
    table.add_column("routine and file", min_width=max(map(len, files), default=7))
    table.add_column("exercises", justify="right")
    table.add_column("planned", justify="right")
    table.add_column("tags", overflow="fold")
    for entry, file in zip(entries, files, strict=True):
        if entry.routine is None:
            name = Text.assemble((entry.name, "red"), "\n", (file, "dim"))
            count = plural(len(entry.problems), "problem")
            table.add_row(name, "", "", Text(f"invalid: {count}, listed below", style="red"))
            continue
        routine = entry.routine
        yours = (" · yours", "italic") if entry.origin == "user" else ""
        table.add_row(
            Text.assemble((routine.name, "bold"), yours, "\n", (file, "dim")),
            str(len(routine.exercises)),
            clock_time(build_plan(routine).total_seconds),
            Text(", ".join(routine.tags)),
        )
    return table


def problems_text(entry: RoutineEntry) -> Text:
    """`broken.toml can't be used until it is fixed:` and each problem on its own line."""
    text = Text(f"{visible_controls(entry.path.name)} can't be used until it is fixed:", "red")
    for problem in entry.problems:
        text.append(f"\n  {visible_controls(str(problem))}")
    return text
