"""The history index: what every history file parsed to, in SQLite, so a long history reads fast.

Parsing is what a long history costs (a full workout is ~13 KiB of TOML, several milliseconds to
parse), and everything that reads the whole history used to parse every file on every read. The
TOML files stay the one source of truth: they are what syncs between devices and what a person
reads. The index is only a cache of what they parse to. Per file, by its path inside the history
folder, it keeps the file's size, inode and modification and change times (ns), the workout's
summary (what listings and streaks read), the document TOML made of the file (so a full record is
rebuilt through exactly the checks reading the file applies) and, asked for by name, what an
export made of the record (its CSV rows, its JSON text).

Each read stats the files it is given, parses only those that are new or whose stamp changed,
and, when given the whole folder, drops the rows of files that have gone. Any write to a file
moves its change time, which no program can set back, so an edit is always seen; a file changed
in the last two seconds is stored with a stamp that never matches, so a second save within one
tick of a coarse clock is read again too.

It is never fatal and never in the way. The database is opened on the first read, not at start.
A corrupt index, or one written by another version of the index or of the code that fills it,
is deleted and built again; one that cannot be opened or written (a read-only cache dir, another
process holding the lock past `BUSY_TIMEOUT_MS`) is bypassed for this read with an in-memory copy.
Two processes share it through SQLite's WAL journal and one short write transaction per read;
parsing happens before the transaction, so the lock is held for milliseconds. Files that cannot be
read are not indexed: they are read, and reported, every time, exactly as without an index.
Deleting the index file is always safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from bandtimer import __version__
from bandtimer.domain import history as domain_history
from bandtimer.domain.history import (
    ExerciseRecord,
    Feel,
    RoutineRef,
    SetRecord,
    WorkoutRecord,
    WorkoutStatus,
    WorkoutSummary,
)
from bandtimer.domain.records import SetOutcome
from bandtimer.domain.routine import Side
from bandtimer.storage.history import codec as history_codec
from bandtimer.storage.history import fields as history_fields
from bandtimer.storage.history.codec import HistoryFormatError, record_from_document
from bandtimer.storage.history.files import (
    UnreadableRecord,
    read_document,
    read_record,
    stat_record,
)

INDEX_FORMAT = 3
"""Bumped when the tables change; the code that fills them is fingerprinted as well.
2: `counts_toward_streak`, and each exercise's sets in `exercises`. 3: each record's CSV and JSON
bytes, written out as they are."""
INDEX_FILE_NAME = "history-index.sqlite3"
BUSY_TIMEOUT_MS = 1500
"""How long a read waits for another bandtimer's write before going on without the index."""
SETTLED_NS = 2_000_000_000
"""A file changed more recently than this may change again within its clock's tick."""
_NEVER = -1
WRITE_BATCH = 250
"""Files parsed between two writes of the index: about 10 MB of it."""
FEW_FILES = 500
"""Reads of this many files or fewer ask SQLite for their rows alone."""
"""Files parsed between two writes of the index: about 10 MB of it."""
_MOMENTS = ("started", "ended")
_STATUSES = {status.value: status for status in WorkoutStatus}
_SIDES = {side.value: side for side in Side}
_FEELS = {feel.value: feel for feel in Feel}
_OUTCOMES = {outcome.value: outcome for outcome in SetOutcome}

Progress = Callable[[int, int], None]
"""Called with (files parsed so far, files to parse) while new or changed files are parsed."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    id TEXT NOT NULL,
    device TEXT NOT NULL,
    routine TEXT NOT NULL,
    routine_file TEXT,
    routine_sha256 TEXT,
    counts_toward_streak INTEGER NOT NULL,
    started TEXT NOT NULL,
    started_us INTEGER NOT NULL,
    ended TEXT NOT NULL,
    status TEXT NOT NULL,
    active_seconds REAL NOT NULL,
    paused_seconds REAL NOT NULL,
    sets_done INTEGER NOT NULL,
    exercises TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rendering (
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    text BLOB NOT NULL,
    PRIMARY KEY (path, name)
) WITHOUT ROWID;
"""
_SUMMARY_COLUMNS = (
    "path, id, device, routine, routine_file, routine_sha256, started, ended, status,"
    " active_seconds, paused_seconds, sets_done, counts_toward_streak"
)


@dataclass(frozen=True)
class Rendering:
    """What an export makes of one record (CSV rows, JSON text), kept beside it in the index.

    `version` must change whenever `render`'s output would: a rendering kept under another
    version is made again. `fingerprint()` gives one from the source of the modules involved.
    The index keeps and hands back the text as UTF-8 bytes: an export of ten thousand JSON
    records is 400 MB, and decoding it from SQLite and encoding it again for stdout took
    seconds of the export's time.
    """

    name: str
    version: str
    render: Callable[[WorkoutRecord], str]


def fingerprint(modules: Iterable[ModuleType]) -> str:
    """A short hash of these modules' source: changes whenever their code does."""
    digest = hashlib.sha256(__version__.encode())
    for module in modules:
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            digest.update(module.__name__.encode())
    return digest.hexdigest()[:16]


class HistoryIndex:
    """The index in `file` (None: in memory only, for this process's life). Thread-safe."""

    def __init__(
        self, file: Path | None, *, now_ns: Callable[[], int] = time.time_ns,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        """`now_ns` is the wall clock file times are compared with (tests move it on)."""
        self.file = file
        self._now_ns = now_ns
        self._busy_timeout_ms = busy_timeout_ms
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.bypassed: str | None = None
        """Why the index file is not being used, once a read found it could not be."""

    # -- reading -----------------------------------------------------------------------------

    def read(
        self, files: Mapping[str, str], *, complete: bool, progress: Progress | None = None,
        renderings: Sequence[Rendering] = (),
    ) -> IndexedFiles:
        """Bring the rows of `files` up to date and return them, with the files that failed.

        `files` maps each file's key (its path inside the history folder, `2025/….toml`) to its
        path; paths are kept as text here, as ten thousand `Path`s cost more than the reading.
        `complete`: `files` is the whole history, so rows of any other file are dropped.
        `renderings` are made of each file parsed now, while its record is at hand.
        """
        problems: dict[str, str] = {}
        stamps: dict[str, tuple[str, list[int]]] = {}
        for key, path in files.items():
            try:
                info = stat_record(path)
            except UnreadableRecord as error:
                problems[path] = str(error)
                continue
            stamps[key] = (path, self._stamp(info))
        if not stamps and self._db is None:  # nothing to keep: no index file is made for it
            return IndexedFiles(self, {}, {}, problems)
        with self._lock:
            db = self._connection()
            try:
                known = _known_stamps(db)
            except sqlite3.Error as error:
                known = _known_stamps(self._bypass(db, error))
        stale = [key for key, (_, stamp) in stamps.items() if known.get(key) != stamp]
        stored = {key: self._stored(stamps[key][1]) for key in stale}
        uncached: dict[str, WorkoutRecord] = {}
        kept: set[str] = set()
        # Parsed outside the lock, so another thread's read of a few files never waits for a
        # long build, and written a batch at a time: memory stays small, and a build that is
        # stopped halfway keeps what it did.
        batches = _parse_all(stamps, stale, problems, progress, stored, renderings, uncached)
        for batch in batches:
            kept.update(batch)
            self._write(batch, [])
        gone = [key for key in stale if key not in kept]
        if complete:
            gone += [key for key in known if key not in stamps]
        if gone:
            self._write({}, gone)
        wanted = {key: path for key, (path, _) in stamps.items() if path not in uncached}
        wanted = {key: path for key, path in wanted.items() if path not in problems}
        return IndexedFiles(self, wanted, uncached, problems)

    def _write(self, parsed: dict[str, _Parsed], gone: list[str]) -> None:
        with self._lock:
            db = self._connection()
            try:
                _write(db, parsed, gone)
            except sqlite3.Error as error:
                _write(self._bypass(db, error), parsed, gone)

    @staticmethod
    def _stamp(info: os.stat_result) -> list[int]:
        return [info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns]

    def _stored(self, stamp: list[int]) -> list[int]:
        """The stamp to keep: one that never matches for a file that may still be changing."""
        if self._now_ns() - max(stamp[2], stamp[3]) < SETTLED_NS:
            return [*stamp[:3], _NEVER]
        return stamp

    # -- the database ------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.file is None:
            self._db = _open_memory()
            return self._db
        try:
            self._db = _open_file(self.file, self._busy_timeout_ms)
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                return self._bypass(None, error)
            with contextlib.suppress(OSError):  # corrupt: start again from nothing
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.file}{suffix}").unlink(missing_ok=True)
            try:
                self._db = _open_file(self.file, self._busy_timeout_ms)
            except (sqlite3.Error, OSError) as again:
                return self._bypass(None, again)
        except (sqlite3.Error, OSError) as error:
            return self._bypass(None, error)
        return self._db

    def _bypass(self, db: sqlite3.Connection | None, error: Exception) -> sqlite3.Connection:
        """Go on in memory, starting from whatever of the file can still be read."""
        memory = _open_memory()
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.rollback()
            with contextlib.suppress(sqlite3.Error):
                if _version_of(db) == _index_version():
                    db.backup(memory)
            with contextlib.suppress(sqlite3.Error):
                db.close()
        self.bypassed = str(error) or type(error).__name__
        self._db = memory
        return memory

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None


class IndexedFiles:
    """The result of one `HistoryIndex.read`: indexed files, files read around it, problems."""

    def __init__(
        self, index: HistoryIndex, indexed: dict[str, str],
        uncached: dict[str, WorkoutRecord], problems: dict[str, str],
    ) -> None:
        self._index = index
        self._indexed = indexed
        self._uncached = uncached
        self.problems = problems
        """Path -> why the file could not be read; the file is left as it is."""
        self._keys: dict[str, str] | None = None

    def summaries(self, *, exercises: bool = False) -> list[tuple[str, WorkoutSummary]]:
        """Every file's summary; with each exercise's figures if `exercises` (trends, advice)."""
        columns = _SUMMARY_COLUMNS + (", exercises" if exercises else "")
        rows = self._select(f"SELECT {columns} FROM file")
        found = []
        for row in rows:
            try:
                found.append((self._indexed[row[0]], _summary(row, exercises)))
            except (TypeError, ValueError, KeyError, IndexError):
                continue  # not what this code wrote: the file is read instead, below
        listed = {path for path, _ in found}
        found += [
            (path, _summary_of(record, exercises)) for path, record in self._unindexed(listed)
        ]
        return found

    def records(self, paths: Iterable[str] | None = None) -> list[tuple[str, WorkoutRecord]]:
        """Full records (of `paths`, or of every file), rebuilt from the kept documents through
        the file reader's own checks."""
        among = None if paths is None else set(paths)
        keys = None if among is None else [self._key_of[p] for p in among if p in self._key_of]
        found = []
        listed = set()
        for key, document in self._select("SELECT path, document FROM file", keys=keys):
            path = self._indexed[key]
            try:
                found.append((path, record_from_document(_restored(document))))
            except (TypeError, ValueError, KeyError):
                continue  # not what this code wrote: the file is read instead, below
            listed.add(path)
        return found + self._unindexed(listed, among)

    def _unindexed(
        self, listed: set[str], among: set[str] | None = None
    ) -> list[tuple[str, WorkoutRecord]]:
        """Records of the files kept out of the index, and of any whose row has gone missing
        since this read (another process found the file gone): read from the file itself."""
        found = [
            (path, record) for path, record in self._uncached.items()
            if among is None or path in among
        ]
        for path in self._indexed.values():
            if path in listed or (among is not None and path not in among):
                continue
            try:
                found.append((path, read_record(path)))
            except UnreadableRecord as error:
                self.problems[path] = str(error)
        return found

    def rendered(self, rendering: Rendering, paths: Sequence[str]) -> list[bytes]:
        """`rendering` of each of `paths`' records, in UTF-8, in that order; made and kept when
        missing, a batch at a time, so a first export of ten thousand never holds their records."""
        key_of = self._key_of
        kept = dict(self._select(
            "SELECT path, text FROM rendering WHERE name = ? AND version = ?",
            (rendering.name, rendering.version), keys=[key_of[p] for p in paths if p in key_of],
        ))
        missing = [path for path in paths if path in key_of and key_of[path] not in kept]
        for start in range(0, len(missing), WRITE_BATCH):
            made = {
                key_of[path]: rendering.render(record).encode()
                for path, record in self.records(missing[start : start + WRITE_BATCH])
                if path in key_of
            }
            self._store_renderings(
                [(key, rendering.name, rendering.version, text) for key, text in made.items()]
            )
            kept.update(made)
        return [
            rendering.render(self._uncached[path]).encode() if path in self._uncached
            else kept[key_of[path]]
            for path in paths
        ]

    @property
    def _key_of(self) -> dict[str, str]:
        if self._keys is None:
            self._keys = {path: key for key, path in self._indexed.items()}
        return self._keys

    def _select(
        self, sql: str, parameters: tuple[Any, ...] = (), *, keys: Sequence[str] | None = None
    ) -> list[tuple[Any, ...]]:
        """Rows of `keys` (this read's files if None); the first column must be the key.

        A few files are asked for by key; all of this read's files, by one scan of the table.
        """
        wanted = list(self._indexed) if keys is None else list(keys)
        if not wanted:
            return []
        if len(wanted) > FEW_FILES and len(wanted) == len(self._indexed):
            queries = [(sql, parameters)]
        else:
            joint = " AND" if " WHERE " in sql else " WHERE"
            queries = [
                (f"{sql}{joint} path IN ({', '.join('?' * len(chunk))})", (*parameters, *chunk))
                for chunk in (wanted[i : i + FEW_FILES] for i in range(0, len(wanted), FEW_FILES))
            ]
        index = self._index
        rows: list[tuple[Any, ...]] = []
        with index._lock:
            for query, values in queries:
                db = index._connection()
                try:
                    rows += db.execute(query, values).fetchall()
                except sqlite3.Error as error:
                    rows += index._bypass(db, error).execute(query, values).fetchall()
        return [row for row in rows if row[0] in self._indexed]

    def _store_renderings(self, rows: list[tuple[str, str, str, bytes]]) -> None:
        index = self._index
        with index._lock:
            db = index._connection()
            try:
                with db:
                    db.executemany(
                        "INSERT OR REPLACE INTO rendering VALUES (?, ?, ?, ?)", rows
                    )
            except sqlite3.Error:
                pass  # only a shortcut: they are made again next time


# -- parsing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Parsed:
    stamp: list[int]
    summary: WorkoutSummary
    document: str
    renderings: list[tuple[str, str, bytes]]
    """(name, version, UTF-8 text) of each rendering asked for."""


def _parse_all(
    stamps: dict[str, tuple[str, list[int]]], stale: list[str], problems: dict[str, str],
    progress: Progress | None, stored: dict[str, list[int]], renderings: Sequence[Rendering],
    uncached: dict[str, WorkoutRecord],
) -> Iterator[dict[str, _Parsed]]:
    """Batches of what the `stale` files parse to; unreadable files go to `problems` and files
    the index cannot hold exactly to `uncached`."""
    parsed: dict[str, _Parsed] = {}
    for done, key in enumerate(stale, start=1):
        path = stamps[key][0]
        try:
            document = read_document(path)
            record = record_from_document(document)
        except UnreadableRecord as error:
            problems[path] = str(error)
        except (HistoryFormatError, ValueError) as error:
            problems[path] = str(error)
        else:
            kept = _kept(document)
            if kept is None:
                uncached[path] = record
            else:
                made = [(r.name, r.version, r.render(record).encode()) for r in renderings]
                parsed[key] = _Parsed(stored[key], record.summary, kept, made)
        if progress is not None:
            progress(done, len(stale))
        if len(parsed) >= WRITE_BATCH:
            yield parsed
            parsed = {}
    if parsed:
        yield parsed


def _kept(document: dict[str, Any]) -> str | None:
    """The document as JSON, its two moments as ISO text; None if JSON cannot hold it exactly.

    Only the offset-carrying `started` and `ended` are turned into text and back. Any other date
    or time (or a moment without an offset, which is read in the local zone of the day it is
    read) keeps the file out of the index: it is parsed on every read instead.
    """
    top = dict(document)
    moments = {}
    for key in _MOMENTS:
        value = top.get(key)
        if isinstance(value, datetime) and value.utcoffset() is not None:
            moments[key] = top.pop(key).isoformat()
    try:
        return json.dumps({"moments": moments, "document": top}, default=_not_json,
                          ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        return None


def _not_json(value: object) -> Any:
    raise TypeError(f"{type(value).__name__} is kept out of the index")


def _restored(text: str) -> dict[str, Any]:
    kept = json.loads(text)
    document = kept["document"]
    for key, value in kept["moments"].items():
        document[key] = datetime.fromisoformat(value)
    return document


def _summary_of(record: WorkoutRecord, exercises: bool) -> WorkoutSummary:
    summary = record.summary
    return summary if exercises else replace(summary, exercises=())


def _summary(row: tuple[Any, ...], exercises: bool) -> WorkoutSummary:
    (_, id_, device, routine, routine_file, sha256, started, ended, status, active, paused,
     sets, counts) = row[:13]
    return WorkoutSummary(
        id=id_,
        routine=_routine_ref(routine, routine_file, sha256, bool(counts)),
        started=datetime.fromisoformat(started),
        ended=datetime.fromisoformat(ended),
        status=_STATUSES[status],
        device=device,
        active_seconds=active,
        paused_seconds=paused,
        sets_done=sets,
        exercises=_exercises(row[13]) if exercises else (),
    )


@functools.lru_cache(maxsize=256)
def _routine_ref(
    name: str, file: str | None, sha256: str | None, counts_toward_streak: bool
) -> RoutineRef:
    """One (frozen) `RoutineRef` for all the rows that name the same routine: a long history
    is a few routines done many times, and a `Path` costs more than the rest of a row."""
    return RoutineRef(
        name, Path(file) if file is not None else None, sha256, counts_toward_streak
    )


def _exercise_row(entry: ExerciseRecord) -> list[Any]:
    return [
        entry.number, entry.name, entry.side, entry.sets_planned,
        [[done.number, done.outcome, done.reps, done.seconds, done.held_seconds, done.round]
         for done in entry.sets],
        entry.hold_seconds, entry.band, entry.feel,
    ]


def _exercises(text: str) -> tuple[ExerciseRecord, ...]:
    return tuple(
        _exercise(
            number, name, side, planned,
            tuple(
                (set_number, outcome, reps, seconds, tuple(held), round_)
                for set_number, outcome, reps, seconds, held, round_ in sets
            ),
            hold, band, feel,
        )
        for number, name, side, planned, sets, hold, band, feel in json.loads(text)
    )


@functools.lru_cache(maxsize=4096)
def _exercise(
    number: int, name: str, side: str | None, planned: int,
    sets: tuple[tuple[int, str, int | None, float | None, tuple[float, ...], int], ...],
    hold: int | None, band: str | None, feel: str | None,
) -> ExerciseRecord:
    """One (frozen) record for every row alike: the same exercise done the same way, with the
    same band, comes back week after week, and making the record is most of reading the row."""
    return ExerciseRecord(
        number=number, name=name, side=_SIDES[side] if side is not None else None,
        sets_planned=planned,
        sets=tuple(
            SetRecord(set_number, _OUTCOMES[outcome], reps, seconds, held, round_)
            for set_number, outcome, reps, seconds, held, round_ in sets
        ),
        hold_seconds=hold, band=band, feel=_FEELS[feel] if feel is not None else None,
    )


# -- the database ----------------------------------------------------------------------------

def _index_version() -> str:
    """Everything whose change would make the rows mean something else."""
    code = fingerprint([history_codec, history_fields, domain_history, sys.modules[__name__]])
    return f"{INDEX_FORMAT}:{code}:{sys.version_info[0]}.{sys.version_info[1]}"


def _open_memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    db.executescript(_SCHEMA)
    db.execute("INSERT INTO meta VALUES ('version', ?)", (_index_version(),))
    return db


def _open_file(file: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """The index at `file`, made empty first if it was written by another version."""
    file.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(
        file, timeout=busy_timeout_ms / 1000, check_same_thread=False, isolation_level=None
    )
    try:
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise sqlite3.OperationalError("the index needs a WAL journal")
        db.execute("PRAGMA synchronous = NORMAL")  # a cache: losing the last write is harmless
        version = _index_version()
        if _version_of(db) != version:
            _start_again(db, version)
    except BaseException:
        db.close()
        raise
    return db


def _start_again(db: sqlite3.Connection, version: str) -> None:
    """Empty tables for this version, unless another process made them in the meantime."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if _version_of(db) != version:
            for table in ("meta", "file", "rendering"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _version_of(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return row[0] if row else None


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _known_stamps(db: sqlite3.Connection) -> dict[str, list[int]]:
    rows = db.execute("SELECT path, size, inode, mtime_ns, ctime_ns FROM file").fetchall()
    return {row[0]: list(row[1:]) for row in rows}


def _write(db: sqlite3.Connection, parsed: dict[str, _Parsed], gone: list[str]) -> None:
    """One short transaction: new and changed files in, gone and unreadable ones out."""
    rows = [
        (
            key, *entry.stamp, entry.summary.id, entry.summary.device,
            entry.summary.routine.name,
            str(entry.summary.routine.file) if entry.summary.routine.file is not None else None,
            entry.summary.routine.sha256, int(entry.summary.routine.counts_toward_streak),
            entry.summary.started.isoformat(), _microseconds(entry.summary.started),
            entry.summary.ended.isoformat(), entry.summary.status.value,
            entry.summary.active_seconds, entry.summary.paused_seconds, entry.summary.sets_done,
            json.dumps([_exercise_row(e) for e in entry.summary.exercises], ensure_ascii=False),
            entry.document,
        )
        for key, entry in parsed.items()
    ]
    db.execute("BEGIN IMMEDIATE")
    try:
        dropped = [(key,) for key in [*gone, *parsed]]
        db.executemany("DELETE FROM rendering WHERE path = ?", dropped)
        db.executemany("DELETE FROM file WHERE path = ?", [(key,) for key in gone])
        db.executemany(
            f"INSERT OR REPLACE INTO file VALUES ({', '.join('?' * 20)})", rows
        )
        db.executemany(
            "INSERT INTO rendering VALUES (?, ?, ?, ?)",
            [(key, *made) for key, entry in parsed.items() for made in entry.renderings],
        )
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _microseconds(moment: datetime) -> int:
    """The instant as a whole number, so rows sort exactly as aware datetimes compare."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
