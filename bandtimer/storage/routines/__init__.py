"""Routine files: finding them, reading TOML into a `Routine`, and saying what is wrong.

Every problem names the file, the line, the exercise and the field. Callers import from here;
the modules behind it are `loading` (read and discover), `validation` (document -> Routine),
`fields` (one field at a time), `problems` (the errors and how values are quoted in them),
`toml_lines` (which line each key is on), `cache` (parsed files kept between starts) and
`lookup` (a routine named on the command line).
"""

from __future__ import annotations

from bandtimer.storage.routines.cache import RoutineCache
from bandtimer.storage.routines.loading import (
    MAX_ROUTINE_BYTES,
    RoutineEntry,
    discover_routines,
    find_routine,
    load_entry,
    load_routine,
    parse_routine,
)
from bandtimer.storage.routines.lookup import RoutineNotFound, resolve_routine
from bandtimer.storage.routines.problems import Problem, RoutineError, quoted, shown

__all__ = [
    "MAX_ROUTINE_BYTES",
    "Problem",
    "RoutineCache",
    "RoutineEntry",
    "RoutineError",
    "RoutineNotFound",
    "discover_routines",
    "find_routine",
    "load_entry",
    "load_routine",
    "parse_routine",
    "quoted",
    "resolve_routine",
    "shown",
]
