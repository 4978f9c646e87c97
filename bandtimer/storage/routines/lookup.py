"""Finding the one routine a person named on the command line."""

from __future__ import annotations

from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines.loading import discover_routines, find_routine


class RoutineNotFound(Exception):
    """The name matched nothing, or matched a routine that does not validate."""


def resolve_routine(locations: Locations, name_or_path: str) -> Routine:
    entries = discover_routines(shipped_routines_dir(), locations.user_routines_dir)
    entry = find_routine(entries, name_or_path)
    if entry is None:
        known = ", ".join(repr(e.name) for e in entries) or "none"
        raise RoutineNotFound(f"No routine called {name_or_path!r}. Known routines: {known}")
    if entry.routine is None:
        problems = "\n".join(str(problem) for problem in entry.problems)
        path = visible_controls(str(entry.path))  # a file name is shown, never obeyed
        raise RoutineNotFound(f"{path} can't be used until it is fixed:\n{problems}")
    return entry.routine
