"""Which plan a person is following, and since when: a small file in the data dir.

The plan's progress is never kept here: it is worked out from the history each time (a plan
advances when sessions are logged, and the history is the one record of that, synced between
devices). This file only says which plan and from when to count, so it is tiny, written
atomically, and a broken one is reported and treated as no plan rather than fatal.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli_w

from bandtimer.storage.atomic import make_folder, write_atomically
from bandtimer.storage.bounded_file import UnreadableFile, read_bounded

MAX_STATE_BYTES = 64 * 1024
HEADER = "# The plan bandtimer is following: `bandtimer plan stop` ends it.\n"


@dataclass(frozen=True)
class ActivePlan:
    name: str
    """The plan's name, as its file gives it."""
    started: datetime
    """Aware: workouts from this moment on count for the plan."""


class PlanStateError(Exception):
    """The state file exists but cannot be used; the message says why, with its path."""


def read_active_plan(path: Path) -> ActivePlan | None:
    """The plan being followed, or None; raises PlanStateError for a file that is broken."""
    try:
        data = read_bounded(path, MAX_STATE_BYTES, kind="plan state file")
    except UnreadableFile as error:
        if error.missing:
            return None
        raise PlanStateError(f"{path}: {error.reason}") from None
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        raise PlanStateError(f"{path}: is not a plan state file ({error})") from None
    name, started = document.get("plan"), document.get("started")
    if not isinstance(name, str) or not name.strip():
        raise PlanStateError(f"{path}: `plan` must name the plan being followed")
    if not isinstance(started, datetime) or started.utcoffset() is None:
        raise PlanStateError(f"{path}: `started` must be a date and time with its offset")
    return ActivePlan(name, started)


def write_active_plan(path: Path, active: ActivePlan) -> None:
    """Replace the state file in one step; raises OSError with the old file untouched."""
    text = HEADER + tomli_w.dumps({"plan": active.name, "started": active.started})
    make_folder(path.parent)
    write_atomically(path, text.encode("utf-8"))


def clear_active_plan(path: Path) -> bool:
    """Stop following any plan; False when none was being followed."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
