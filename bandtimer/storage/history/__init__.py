"""The workout history: one TOML file per workout, read and written safely.

Callers import from here; behind it are `store` (the folder of records: list, load, save, and
`HeldWorkout`, the one writer of a workout in progress), `lock` (which process that is),
`codec` (record <-> TOML), `fields` (reading one field of a record), `files` (bounded reads and
the parsed-file cache), `names` (file names, slugs, this device's name) and `index` (what every
file parsed to, in SQLite in the cache dir, so a long history reads fast).
"""

from __future__ import annotations

from bandtimer.storage.history.index import HistoryIndex, Progress, Rendering
from bandtimer.storage.history.lock import WorkoutInUse
from bandtimer.storage.history.names import default_device_name, routine_slug
from bandtimer.storage.history.store import (
    HeldWorkout,
    HistoryLoad,
    HistoryProblem,
    HistoryStore,
    HistoryWriteError,
    new_record_id,
)

__all__ = [
    "HeldWorkout",
    "HistoryIndex",
    "HistoryLoad",
    "HistoryProblem",
    "HistoryStore",
    "HistoryWriteError",
    "Progress",
    "Rendering",
    "WorkoutInUse",
    "default_device_name",
    "new_record_id",
    "routine_slug",
]
