"""Reading one history file, safely, and remembering what was read while the file is unchanged.

Reading never writes: whatever is wrong with a file becomes an `UnreadableRecord` with a reason
a person can act on, and the file stays as it is. Parsing is the expensive part of the history
(a long routine's record is ~13 KiB of TOML, a few milliseconds to parse), and the menu asks the
same newest files again and again as the cursor moves (last band, suggestions), so parsed
records are kept in a small cache that a change to the file's size, time or inode invalidates.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from bandtimer.domain.history import WorkoutRecord
from bandtimer.storage.bounded_file import UnreadableFile, file_details, read_bounded
from bandtimer.storage.history.codec import (
    HistoryFormatError,
    document_from_toml,
    record_from_document,
)

MAX_RECORD_BYTES = 4 * 1024 * 1024
"""A workout is a few kilobytes; anything this big is not one, and is not read into memory."""
KIND = "workout file"

_Stamp = tuple[int, int, int]
"""(inode, size, modification time in ns): changes whenever the file's content may have."""


class UnreadableRecord(Exception):
    """Why one history file could not be read."""


def read_record(path: Path) -> WorkoutRecord:
    """The record in the file at `path`; raises UnreadableRecord with a reason a person reads."""
    return _parse(path)


def os_reason(error: OSError) -> str:
    """`permission denied`, `no space left on device`: the system's words, as a clause."""
    return (error.strerror or type(error).__name__).lower()


class RecordCache:
    """Parsed records of recently read files, least recently used dropped first; thread-safe."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._records: OrderedDict[Path, tuple[_Stamp, WorkoutRecord]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, path: Path) -> WorkoutRecord:
        """Like `read_record`, without parsing again a file that has not changed."""
        info = _stat(path)
        stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
        with self._lock:
            cached = self._records.get(path)
            if cached is not None and cached[0] == stamp:
                self._records.move_to_end(path)
                return cached[1]
        record = _parse(path)
        with self._lock:
            self._records[path] = (stamp, record)
            self._records.move_to_end(path)
            while len(self._records) > self._size:
                self._records.popitem(last=False)
        return record


def stat_record(path: Path | str) -> os.stat_result:
    """The file's status, if it may be a record at all; raises UnreadableRecord if not."""
    return _stat(path)


def _stat(path: Path | str) -> os.stat_result:
    try:
        return file_details(path, MAX_RECORD_BYTES, kind=KIND)
    except UnreadableFile as error:
        raise UnreadableRecord(error.reason) from None


def _parse(path: Path) -> WorkoutRecord:
    document = read_document(path)
    try:
        return record_from_document(document)
    except (HistoryFormatError, ValueError) as error:
        raise UnreadableRecord(str(error)) from None


def read_document(path: Path | str) -> dict[str, Any]:
    """What the TOML in the file at `path` parses to, not yet checked to be a record; raises
    UnreadableRecord as `read_record` does."""
    try:
        data = read_bounded(Path(path), MAX_RECORD_BYTES, kind=KIND)
    except UnreadableFile as error:
        raise UnreadableRecord(error.reason) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableRecord(
            f"is not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None
    if not text.strip():
        raise UnreadableRecord("is empty")
    try:
        return document_from_toml(text)
    except HistoryFormatError as error:
        raise UnreadableRecord(str(error)) from None
