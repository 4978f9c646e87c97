"""`bandtimer list`: every routine found, the broken ones included with their errors."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from bandtimer.cli.console import make_console
from bandtimer.coach import clock_time
from bandtimer.domain.plan import build_plan
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import discover_routines


def list_routines(locations: Locations) -> int:
    console = make_console()
    entries = discover_routines(shipped_routines_dir(), locations.user_routines_dir)
    table = Table(title="Routines", title_justify="left")
    for column in ("routine", "exercises", "planned", "tags", "from"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        origin = Text(f"{entry.origin}: {visible_controls(entry.path.name)}", style="dim")
        if entry.routine is None:
            errors = Text("\n".join(str(problem) for problem in entry.problems), style="red")
            invalid = Text("invalid", style="red")
            table.add_row(Text(entry.name, style="red"), invalid, "", errors, origin)
            continue
        routine = entry.routine
        table.add_row(
            Text(routine.name, style="bold"),
            str(len(routine.exercises)),
            clock_time(build_plan(routine).total_seconds),
            Text(", ".join(routine.tags)),
            origin,
        )
    console.print(table)
    folder = visible_controls(str(locations.user_routines_dir))
    console.print(Text(f"Your own routines go in {folder}", style="dim"))
    return 0
