"""What each routine file parsed to last time, so a folder of hundreds of routines opens quickly.

Parsing TOML and finding the line of every key is most of the cost of reading a routine: about
190 of 280 ms for 500 files, all of it before the menu can be drawn. This cache keeps, per file,
the document tomllib made of it and its line index, and hands them back while the file's size,
inode and modification and change times (in nanoseconds) are all unchanged. Any write to a file
moves its change time, which no program can set back, so an edit is always seen. Validation
still runs on every start: a newer bandtimer that checks more still finds every problem.

It is only ever a shortcut. A cache file that is missing, unreadable, corrupt, or written by
another version of bandtimer or Python is ignored and replaced; one that cannot be written is
skipped without a word, as the routines were read all the same. A file changed in the last two
seconds is not cached: on a file system with coarse timestamps, a second save in the same tick
could otherwise look unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bandtimer import __version__
from bandtimer.storage.bounded_file import UnreadableFile, read_bounded
from bandtimer.storage.routines.toml_lines import KeyPath, LineIndex

CACHE_FORMAT = 1
"""Bumped whenever what is cached, or how lines are found, changes."""
MAX_CACHE_BYTES = 64 * 1024 * 1024
"""Far more than the routines a person keeps (500 files make about 1 MB); bigger is not ours."""
SETTLED_NS = 2_000_000_000
"""A file last changed longer ago than this is trusted to change its times on its next write."""

Document = dict[str, Any]
_Stamp = list[int]


def file_stamp(info: os.stat_result) -> _Stamp:
    """What must all be unchanged for a file's cached parse to be used."""
    return [info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns]


class RoutineCache:
    """Parsed routine files by path, read from `file` once and written back if anything new."""

    def __init__(self, file: Path, now_ns: Callable[[], int] = time.time_ns) -> None:
        """`now_ns` is the wall clock that file times are compared with (tests move it on)."""
        self.file = file
        self._now_ns = now_ns
        self._version = [CACHE_FORMAT, __version__, *sys.version_info[:2]]
        self._known = self._read()
        self._used: dict[str, Any] = {}
        self._changed = False

    def parsed(self, path: Path, info: os.stat_result) -> tuple[Document, LineIndex] | None:
        """The document and lines of the file at `path`, if it is as it was when cached."""
        key = str(path)
        entry = self._known.get(key)
        if not isinstance(entry, dict) or entry.get("stamp") != file_stamp(info):
            return None
        try:
            document = entry["document"]
            lines = {tuple(path_): line for path_, line in entry["lines"]}
        except (KeyError, TypeError, ValueError):
            return None
        if not isinstance(document, dict) or not all(
            isinstance(line, int) and _entry(key) for key, line in lines.items()
        ):
            return None  # not what `remember` writes: edited by hand, or damaged
        self._used[key] = entry
        return document, LineIndex(lines)

    def remember(
        self, path: Path, info: os.stat_result, document: Document, lines: LineIndex
    ) -> None:
        """Keep what the file at `path` parsed to, unless it might still be changing.

        Only files that made a valid routine are remembered, so only the lines of their
        `[[exercise]]` headers are kept: a routine carries those (`Exercise.line`), and the line
        of any other key only ever places a problem. A cached file that has problems after all
        (it cannot, for one version of bandtimer) is read afresh by the loader."""
        if self._now_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_NS:
            return
        self._used[str(path)] = {
            "stamp": file_stamp(info),
            "document": document,
            "lines": [[list(key), line] for key, line in lines.lines.items() if _entry(key)],
        }
        self._changed = True

    def save(self) -> None:
        """Write the files used in this reading, if any is new or any has gone; never raises.

        Each file is encoded on its own, so one that JSON cannot hold (a TOML date) is only
        left out, to be parsed again next time."""
        if not self._changed and self._used.keys() == self._known.keys():
            return
        files = []
        for key, entry in self._used.items():
            try:  # ASCII escapes: even a lone surrogate from a damaged cache cannot fail to encode
                files.append(f"{json.dumps(key)}: {json.dumps(entry)}")
            except (TypeError, ValueError):
                continue
        text = f'{{"version": {json.dumps(self._version)}, "files": {{{", ".join(files)}}}}}'
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            _replace(self.file, text.encode("ascii"))
        except OSError:
            pass  # only a shortcut: the routines were read all the same

    def _read(self) -> dict[str, Any]:
        try:  # a FIFO would block the start, a huge file fill the memory: the bounded reader
            data = json.loads(read_bounded(self.file, MAX_CACHE_BYTES, kind="cache"))
        except (UnreadableFile, ValueError, RecursionError, MemoryError):
            return {}
        if not isinstance(data, dict) or data.get("version") != self._version:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}


def _replace(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a cache.

    Not synced to disk as history files are: after a power cut a cache that is stale or
    empty is only read past and written again."""
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _entry(key: KeyPath) -> bool:
    """Whether `key` is an entry of an array of tables, such as `("exercise", 3)`."""
    return isinstance(key[-1], int)
