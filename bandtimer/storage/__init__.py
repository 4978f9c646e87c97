"""Files on disk: where they are (`locations`), routine files (`routines/`), the workout
history (`history/`), settings (`config`), reading safely (`bounded_file`) and writing safely
(`atomic`). No screens, no coach.

Callers import from here; each name is imported on first use (see `bandtimer.lazy_face`), so
importing the package costs nothing until something is asked for.
"""

from __future__ import annotations

from bandtimer.lazy_face import lazy_face

_WHERE = {
    "Config": "config",
    "load_config": "config",
    "HistoryLoad": "history",
    "HistoryProblem": "history",
    "HistoryStore": "history",
    "HistoryWriteError": "history",
    "default_device_name": "history",
    "new_record_id": "history",
    "routine_slug": "history",
    "Locations": "locations",
    "shipped_routines_dir": "locations",
    "sounds_dir": "locations",
    "RoutineCache": "routines",
    "RoutineEntry": "routines",
    "RoutineError": "routines",
    "RoutineNotFound": "routines",
    "discover_routines": "routines",
    "load_routine": "routines",
    "resolve_routine": "routines",
    "UnreadableFile": "bounded_file",
    "read_bounded": "bounded_file",
}

__all__ = [
    "Config",
    "HistoryLoad",
    "HistoryProblem",
    "HistoryStore",
    "HistoryWriteError",
    "Locations",
    "RoutineCache",
    "RoutineEntry",
    "RoutineError",
    "RoutineNotFound",
    "UnreadableFile",
    "default_device_name",
    "discover_routines",
    "load_config",
    "load_routine",
    "new_record_id",
    "read_bounded",
    "resolve_routine",
    "routine_slug",
    "shipped_routines_dir",
    "sounds_dir",
]

__getattr__ = lazy_face(__name__, _WHERE)
