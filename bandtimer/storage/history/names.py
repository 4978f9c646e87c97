"""The names of history files, which carry enough to answer questions without opening them.

`2025-03-01T07-30-00--mini-band-workouts--laptop-1a2b3c4d.toml` says when a workout started,
which routine it was, and which device wrote it. That is what makes the menu's "last done" cost
one folder listing however long the history, lets `bandtimer history` open only the newest files
(names sort by time), and means two devices syncing the folder never write the same file: each
puts its own name in every file it writes.
"""

from __future__ import annotations

import hashlib
import re
import socket
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bandtimer.domain.history import WorkoutRecord

FINAL_SUFFIX = ".toml"
IN_PROGRESS_SUFFIX = ".inprogress.toml"
MAX_SLUG_LENGTH = 48
"""Keeps a file name well under every file system's limit of 255 bytes."""

_NAME = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)T(?P<time>\d\d-\d\d-\d\d)"
    r"--(?P<routine>[a-z0-9-]+?)--(?P<device>[a-z0-9-]+)-(?P<id>[a-z0-9]+)"
    r"(?P<in_progress>\.inprogress)?\.toml$"
)


def slug(text: str, fallback: str) -> str:
    """`"Mini Band Workouts!"` -> `mini-band-workouts`: lower-case ASCII words joined by `-`.

    Never contains `--`, which separates the parts of a file name. Text with no ASCII letters at
    all (a routine named in Greek) gets `fallback` and a short hash of the text, so two such
    routines still get names of their own.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    words = words[:MAX_SLUG_LENGTH].rstrip("-")
    if words:
        return words
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{fallback}-{digest}"


def routine_slug(routine_name: str) -> str:
    """The routine's part of a history file name; `HistoryStore.last_done()` is keyed by it."""
    return slug(routine_name, "routine")


def device_slug(device: str) -> str:
    return slug(device, "device")


def default_device_name() -> str:
    """This computer's host name, without its domain, made safe for a file name."""
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    return device_slug(host.split(".")[0]) if host.split(".")[0] else "this-device"


def record_path(history_dir: Path, record: WorkoutRecord) -> Path:
    """Where `record` lives: `history_dir/YYYY/<name>`, with the in-progress suffix if it is.

    The year is written with four digits by hand: `strftime("%Y")` gives `1` for year 1, a
    folder the listing would never look in.
    """
    suffix = FINAL_SUFFIX if record.status.is_final else IN_PROGRESS_SUFFIX
    started = record.started
    name = (
        f"{started.year:04d}-{started:%m-%dT%H-%M-%S}--{routine_slug(record.routine.name)}"
        f"--{device_slug(record.device)}-{_short_id(record)}{suffix}"
    )
    return _year_folder(history_dir, record) / name


def lock_path(history_dir: Path, record: WorkoutRecord) -> Path:
    """The lock of `record`'s workout (see lock.py): named by device and id alone, so it
    stays the same file when a renamed routine moves the workout to a file of another name."""
    device, short_id = workout_of(record)
    return _year_folder(history_dir, record) / f".{device}-{short_id}.lock"


def workout_of(record: WorkoutRecord) -> tuple[str, str]:
    """(device, id) as file names carry them: `HistoryFileName.workout` of its every file."""
    return device_slug(record.device), _short_id(record)


def _year_folder(history_dir: Path, record: WorkoutRecord) -> Path:
    return history_dir / f"{record.started.year:04d}"


def _short_id(record: WorkoutRecord) -> str:
    return re.sub(r"[^a-z0-9]", "", record.id.lower())[:16] or "0"


@dataclass(frozen=True)
class HistoryFileName:
    """What a history file's name says, read without opening it."""

    day: date
    routine_slug: str
    device: str
    in_progress: bool
    record_id: str
    """As cut short for the name; with `device`, the same for every file of one workout."""

    @property
    def workout(self) -> tuple[str, str]:
        """(device, id): which workout the file holds, whatever its routine was called."""
        return self.device, self.record_id

    @classmethod
    def parse(cls, name: str) -> HistoryFileName | None:
        """None for a name that is not one bandtimer writes (a note, a sync tool's conflict)."""
        match = _NAME.match(name)
        if match is None:
            return None
        try:
            day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            return None
        return cls(
            day, match["routine"], match["device"], bool(match["in_progress"]), match["id"]
        )
