"""Finding the one routine a person named on the command line, for `run` and `show` alike.

People type the least that says what they mean: `bandtimer run quick`, `bandtimer show deep`.
So after a file path, a full name or a file stem (`find_routine`), a routine is also found by the
start of its name or file stem, or by a whole word of its name, ignoring case, when exactly one
routine fits. When several fit, guessing would start the wrong workout: the candidates are
listed instead, and the person picks one.
"""

from __future__ import annotations

from collections.abc import Sequence

from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines.loading import RoutineEntry, discover_routines, find_routine

EXIT_NOT_FOUND = 1
EXIT_AMBIGUOUS = 2


class RoutineNotFound(Exception):
    """The name matched nothing, several routines, or a routine that does not validate.

    `exit_status` is what the command exits with: 2 when the name fits several routines (a
    usage mistake, as argparse's own), 1 otherwise."""

    def __init__(self, message: str, exit_status: int = EXIT_NOT_FOUND) -> None:
        super().__init__(message)
        self.exit_status = exit_status


def resolve_routine(locations: Locations, name_or_path: str) -> Routine:
    entries = discover_routines(shipped_routines_dir(), locations.user_routines_dir)
    entry = lookup_entry(entries, name_or_path)
    if entry.routine is None:
        problems = "\n".join(str(problem) for problem in entry.problems)
        path = visible_controls(str(entry.path))  # a file name is shown, never obeyed
        raise RoutineNotFound(f"{path} can't be used until it is fixed:\n{problems}")
    return entry.routine


def lookup_entry(entries: Sequence[RoutineEntry], name_or_path: str) -> RoutineEntry:
    """The one entry `name_or_path` means; raises RoutineNotFound for none or several."""
    exact = find_routine(entries, name_or_path)
    if exact is not None:
        return exact
    candidates = [entry for entry in entries if _fits(entry, name_or_path)]
    if len(candidates) == 1:
        return candidates[0]
    shown = visible_controls(name_or_path)
    if candidates:
        raise RoutineNotFound(_ambiguous(shown, candidates), EXIT_AMBIGUOUS)
    known = ", ".join(repr(e.name) for e in entries) or "none"
    raise RoutineNotFound(f"No routine called {shown!r}. Known routines: {known}")


def _fits(entry: RoutineEntry, typed: str) -> bool:
    """`typed` starts the routine's name or file stem, or is a whole word (or run of words)
    of its name; case and surrounding spaces are ignored."""
    wanted = " ".join(typed.casefold().split())
    if not wanted:
        return False
    name = " ".join(entry.name.casefold().split())
    return (
        name.startswith(wanted)
        or entry.path.stem.casefold().startswith(wanted)
        or f" {wanted} " in f" {name} "
    )


def _ambiguous(typed: str, candidates: Sequence[RoutineEntry]) -> str:
    lines = [f"{typed!r} could be any of {len(candidates)} routines; say which one:"]
    width = max(len(entry.name) for entry in candidates)
    for entry in candidates:
        lines.append(f"  {entry.name:<{width}}  ({visible_controls(entry.path.name)})")
    lines.append(f"Type more of the name, for example {candidates[0].name!r}.")
    return "\n".join(lines)
