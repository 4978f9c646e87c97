"""The workout history on disk: one TOML file per workout, in a folder per year.

History is the one thing bandtimer keeps that a person cannot recreate, so the store is careful
in both directions. Writing replaces one file atomically and touches nothing else, which also
keeps a save as cheap with ten thousand workouts as with one. Reading never changes a file: a
file that cannot be read is reported with its path and the reason, left exactly as it is for the
person (or their sync tool) to deal with, and everything else still loads.

A workout in progress lives in `<name>.inprogress.toml` and is saved after every set; finishing
writes `<name>.toml` and then removes the in-progress file. A crash between the two leaves both,
and the finished one wins: a workout (device and id, both in every file name) that has a finished
file is never offered again, whatever its routine was called in either. Each device only ever
writes files with its own name in them, so two devices syncing the folder never write the same
file. On one device, only the process holding a workout's lock writes its files
(`HeldWorkout`, lock.py), so two copies of bandtimer never record one workout.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Generic, TypeVar

from bandtimer.domain.history import Workout, WorkoutRecord, WorkoutStatus, WorkoutSummary
from bandtimer.storage.atomic import make_folder, write_atomically
from bandtimer.storage.history.codec import record_to_toml
from bandtimer.storage.history.files import (
    RecordCache,
    UnreadableRecord,
    os_reason,
    read_record,
)
from bandtimer.storage.history.index import HistoryIndex, IndexedFiles, Progress, Rendering
from bandtimer.storage.history.lock import WorkoutInUse, WorkoutLock
from bandtimer.storage.history.names import (
    FINAL_SUFFIX,
    IN_PROGRESS_SUFFIX,
    HistoryFileName,
    device_slug,
    lock_path,
    record_path,
    routine_slug,
    workout_of,
)
from bandtimer.storage.locations import Locations

LAST_BAND_SEARCH = 50
"""How many of the newest files `last_band` opens before giving up: months of workouts."""
ROUTINE_SEARCH = 20
"""How many of a routine's newest files `of_routine` reads: the newest that reached each of its
exercises is almost always the newest of all."""
CACHE_SIZE = 256
"""Parsed records kept in memory (~22 KiB each): the newest files, which are asked for most."""
_YEAR = re.compile(r"\d{4}")
W = TypeVar("W", WorkoutRecord, WorkoutSummary, bytes)


@dataclass(frozen=True)
class HistoryProblem:
    """A history file that could not be read, and why; the file itself is left alone."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class HistoryLoad(Generic[W]):
    records: list[W]
    """Newest first (renderings for an export: oldest first)."""
    problems: list[HistoryProblem]


class HistoryWriteError(Exception):
    """A workout could not be saved (read-only folder, full disk); no existing file changed."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not save the workout to {path}: {reason}")


def new_record_id() -> str:
    """A short random id: eight hex digits make two devices' ids collide about never."""
    return secrets.token_hex(4)


class HistoryStore:
    """Reads and writes the workout files under `history_dir` for one device.

    `device` is made safe for file names; pass `store.device` on to `record_from_session` so
    records and file names agree. Nothing is created until the first save. Whole-history reads
    go through `index` (`history.index`); without one, an index in memory serves this store.
    """

    def __init__(self, history_dir: Path, device: str, index: HistoryIndex | None = None) -> None:
        self.history_dir = history_dir
        self.device = device_slug(device)
        self.index = index if index is not None else HistoryIndex(None)
        self._cache = RecordCache(CACHE_SIZE)

    @classmethod
    def at(cls, locations: Locations, device: str) -> HistoryStore:
        """This device's store of the history in `locations`, with its index in the cache dir."""
        return cls(locations.history_dir, device, HistoryIndex(locations.history_index_file))

    # -- writing -----------------------------------------------------------------------------

    def save(self, record: WorkoutRecord) -> Path:
        """Write `record` to its own file and return the path; raises HistoryWriteError.

        A record with a final status replaces its in-progress file. Only this store's device's
        records may be saved: writing another device's file is how synced copies conflict.
        """
        if device_slug(record.device) != self.device:
            raise ValueError(f"a record from device {record.device!r} saved on {self.device!r}")
        path = record_path(self.history_dir, record)
        data = record_to_toml(record).encode("utf-8")
        try:
            make_folder(path.parent)
            write_atomically(path, data)
        except OSError as error:
            raise HistoryWriteError(path, os_reason(error)) from error
        if record.status.is_final:
            in_progress = path.with_name(path.name.removesuffix(FINAL_SUFFIX) + IN_PROGRESS_SUFFIX)
            # Left behind, it is harmless: the loader prefers the finished file.
            with contextlib.suppress(OSError):
                in_progress.unlink(missing_ok=True)
        return path

    def begin(self, record: WorkoutRecord) -> HeldWorkout:
        """Lock a new workout before its first file is written; raises HistoryWriteError."""
        lock = lock_path(self.history_dir, record)
        try:
            make_folder(lock.parent)
            return HeldWorkout(self, WorkoutLock.take(lock), None, set())
        except (OSError, WorkoutInUse) as error:
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            raise HistoryWriteError(lock, reason) from error

    def claim(self, record: WorkoutRecord) -> HeldWorkout | None:
        """Lock an unfinished workout found on disk, to offer it, resume it or close it.

        Raises WorkoutInUse while another process holds it. The record is read again under the
        lock, since its owner may have saved sets since it was listed; None if it has ended
        meanwhile. Where the lock cannot even be created (a read-only disk) nobody can write the
        workout either: it is handed over unlocked, and saving it reports the disk's error.
        """
        try:
            lock: WorkoutLock | None = WorkoutLock.take(lock_path(self.history_dir, record))
        except OSError:
            lock = None
        try:
            files = self._files_of(record)
            final = [path for path in files if not path.name.endswith(IN_PROGRESS_SUFFIX)]
            current = [(read_record(path), path) for path in files if path not in final]
        except (OSError, UnreadableRecord):
            final, current = [], []
        if final or not current:
            if lock is not None:
                lock.release()
            return None
        fresh, _ = max(current, key=lambda pair: _preferred(pair[1], pair[0]))
        return HeldWorkout(self, lock, fresh, {path for _, path in current})

    def _files_of(self, record: WorkoutRecord) -> list[Path]:
        """Every file in `record`'s year folder that holds its workout, under any routine name."""
        folder = record_path(self.history_dir, record).parent
        workout = workout_of(record)
        with os.scandir(folder) as entries:
            return [
                Path(entry.path)
                for entry in entries
                if (parsed := HistoryFileName.parse(entry.name)) is not None
                and parsed.workout == workout
            ]

    # -- reading -----------------------------------------------------------------------------

    def load_all(self, progress: Progress | None = None) -> HistoryLoad[WorkoutRecord]:
        """Every workout, newest first, with a problem for each file that could not be read.

        `progress` hears how the parsing of new and changed files goes, if there are any."""
        listing, read = self._indexed(None, progress)
        return _newest_first(_choose(read.records(), _problems(listing, read)))

    def summaries(
        self, newest: int | None = None, progress: Progress | None = None, *,
        exercises: bool = False,
    ) -> HistoryLoad[WorkoutSummary]:
        """Every workout's summary (or the newest `newest` files'), newest first: what a
        listing or the streaks read, without rebuilding a single segment. `exercises` adds
        each exercise's figures, for trends and advice."""
        listing, read = self._indexed(newest, progress)
        found = read.summaries(exercises=exercises)
        return _newest_first(_choose(found, _problems(listing, read)))

    def rendered(
        self, rendering: Rendering, newest: int | None = None, progress: Progress | None = None
    ) -> HistoryLoad[bytes]:
        """`rendering` of every workout (or of the newest `newest` files'), **oldest first**,
        as an export lists them, in UTF-8; made once per file and kept in the index."""
        listing, read = self._indexed(newest, progress, [rendering])
        chosen = _choose(read.summaries(), _problems(listing, read))
        ordered = _by_time(chosen, newest_first=False)
        texts = read.rendered(rendering, [path for path, _ in ordered])
        return HistoryLoad(texts, chosen.problems)

    def latest(self, n: int) -> HistoryLoad[WorkoutRecord]:
        """The newest `n` files only, for listings that must stay fast however long the history.

        Only those files are opened, so a broken older file is neither read nor reported.
        """
        listing, read = self._indexed(max(0, n), None)
        return _newest_first(_choose(read.records(), _problems(listing, read)))

    def _indexed(
        self,
        newest: int | None,
        progress: Progress | None,
        renderings: list[Rendering] | None = None,
    ) -> tuple[_Listing, IndexedFiles]:
        listing = self._listing()
        files = listing.files if newest is None else listing.newest_first()[:newest]
        folders = {folder: (folder.name, str(folder)) for folder in {f for _, f in files}}
        keyed = {}
        for name, folder in files:
            year, path = folders[folder]
            keyed[f"{year}/{name}"] = f"{path}{os.sep}{name}"
        read = self.index.read(
            keyed, complete=newest is None, progress=progress, renderings=renderings or ()
        )
        return listing, read

    def since(self, day: date) -> HistoryLoad[WorkoutRecord]:
        """Workouts started on `day` or later, opening only their files: a calendar's weeks.

        Dated by file name, so a file under a name bandtimer did not give it is left out.
        """
        listing = self._listing()
        recent = [
            (name, folder)
            for name, folder in listing.files
            if (parsed := HistoryFileName.parse(name)) is not None and parsed.day >= day
        ]
        return self._load(listing.paths(recent), listing.problems)

    def unfinished(self) -> list[WorkoutRecord]:
        """This device's workouts still in progress, newest first: the ones to offer resuming.

        Other devices' in-progress files are theirs to finish. Unreadable files are skipped here;
        `load_all` reports them.
        """
        listing = self._listing()
        mine = [
            (name, folder)
            for name, folder in listing.files
            if name.endswith(IN_PROGRESS_SUFFIX)
            and (parsed := HistoryFileName.parse(name)) is not None
            and parsed.device == self.device
        ]
        loaded = self._load(listing.paths(mine), [])
        return [r for r in loaded.records if r.status is WorkoutStatus.IN_PROGRESS]

    def last_done(self) -> dict[str, date]:
        """Routine slug (`routine_slug(name)`) -> the day of its newest workout with a set done.

        Dated by file name. Each routine's newest file is opened (through the cache) to see that
        something was done in it: a workout killed or stopped before its first set is no "last
        done", and the one before it is looked at instead. So the menu pays for one folder
        listing per year of history and about one small file per routine. A file that cannot be
        read counts by its name alone.
        """
        listing = self._listing()
        days: dict[str, date] = {}
        for name, folder in listing.newest_first():
            parsed = HistoryFileName.parse(name)
            if parsed is None or parsed.routine_slug in days:
                continue
            with contextlib.suppress(UnreadableRecord):
                if self._cache.read(folder / name).sets_done == 0:
                    continue
            days[parsed.routine_slug] = parsed.day
        return days

    def last_band(self, exercise_name: str) -> str | None:
        """The band most recently used for `exercise_name`, looking through the newest files.

        Through the index, as every other read of finished workouts: the newest files' rows,
        with only a new or changed one parsed (a full workout's file took 10 ms or more to
        parse, and a workout's first set asks this for each of its exercises). A file that
        cannot be read is passed over."""
        for summary in self.summaries(LAST_BAND_SEARCH, exercises=True).records:
            for entry in summary.exercise(exercise_name):
                if entry.band is not None:
                    return entry.band
        return None

    def of_routine(self, routine_name: str, newest: int = ROUTINE_SEARCH) -> list[WorkoutSummary]:
        """The newest `newest` finished workouts of `routine_name` (stopped early or completed),
        newest first, with each exercise's figures: where a person's doses in that routine are
        read from.

        Chosen by file name (the routine's slug) among the newest files, read as the index's
        summaries (no segment is rebuilt), and kept only if the record names the same routine
        (two names can share a slug). Files that cannot be read are left out here; `load_all`
        reports them.
        """
        slug = routine_slug(routine_name)
        marked = f"--{slug}--"  # names are only parsed once they could be the routine's
        listing = self._listing()
        mine = list(
            itertools.islice(
                (
                    (name, folder)
                    for name, folder in listing.newest_first()
                    if marked in name
                    and (parsed := HistoryFileName.parse(name)) is not None
                    and parsed.routine_slug == slug
                    and not parsed.in_progress
                ),
                max(0, newest),
            )
        )
        keyed = {f"{folder.name}/{name}": str(folder / name) for name, folder in mine}
        read = self.index.read(keyed, complete=False, progress=None, renderings=())
        wanted = routine_name.casefold()
        chosen = _newest_first(_choose(read.summaries(exercises=True), []))
        return [
            workout
            for workout in chosen.records
            if workout.status.is_final and workout.routine.name.casefold() == wanted
        ]

    def _listing(self) -> _Listing:
        """History files in the year folders, without in-progress files that have finished.

        Names only, as strings: the menu lists ten thousand of them on every start.
        """
        listing = _Listing([], [])
        for folder in _year_folders(self.history_dir, listing.problems):
            try:
                with os.scandir(folder) as entries:
                    names = {
                        entry.name
                        for entry in entries
                        if entry.name.endswith(FINAL_SUFFIX) and not entry.name.startswith(".")
                    }
            except OSError as error:
                reason = f"cannot list the folder: {os_reason(error)}"
                listing.problems.append(HistoryProblem(folder, reason))
                continue
            listing.files.extend((name, folder) for name in _without_finished_twins(names))
        return listing

    def _load(
        self, paths: Iterable[Path], problems: list[HistoryProblem]
    ) -> HistoryLoad[WorkoutRecord]:
        """Read `paths` themselves, around the index: in-progress files change after every set."""
        found = []
        for path in paths:
            try:
                found.append((str(path), self._cache.read(path)))
            except UnreadableRecord as error:
                problems.append(HistoryProblem(path, str(error)))
        return _newest_first(_choose(found, problems))


@dataclass(frozen=True)
class _Chosen(Generic[W]):
    pairs: list[tuple[str, W]]
    """(path, workout): paths as text, which sort as the `Path`s would (`YYYY/name`)."""
    problems: list[HistoryProblem]


def _choose(
    found: Iterable[tuple[str, W]], problems: list[HistoryProblem]
) -> _Chosen[W]:
    """A workout found in two files (a sync tool's conflict copy) counts once."""
    chosen: dict[tuple[str, str], tuple[str, W]] = {}
    for path, record in sorted(found, key=lambda pair: pair[0]):
        key = (record.device, record.id)
        if key in chosen:
            kept_path, kept = chosen[key]
            if _preferred(path, record) > _preferred(kept_path, kept):
                chosen[key] = (path, record)
            aside = kept_path if chosen[key][0] == path else path
            reason = f"holds the same workout as {_name(chosen[key][0])}; counted once"
            problems.append(HistoryProblem(Path(aside), reason))
            continue
        chosen[key] = (path, record)
    return _Chosen(list(chosen.values()), sorted(problems, key=lambda problem: problem.path))


def _newest_first(chosen: _Chosen[W]) -> HistoryLoad[W]:
    return HistoryLoad([record for _, record in _by_time(chosen, newest_first=True)],
                       chosen.problems)


def _by_time(chosen: _Chosen[W], *, newest_first: bool) -> list[tuple[str, W]]:
    """Ordered by start, then id; two workouts started at the same moment with the same id
    (two devices) in the order their paths sort, either way, as exports always listed them."""
    newest = sorted(chosen.pairs, key=lambda pair: _order(pair[1]), reverse=True)
    return newest if newest_first else sorted(newest, key=lambda pair: _order(pair[1]))


def _order(record: Workout) -> tuple[object, str]:
    return record.started, record.id


def _problems(listing: _Listing, read: IndexedFiles) -> list[HistoryProblem]:
    return [
        *listing.problems,
        *(HistoryProblem(Path(path), reason) for path, reason in read.problems.items()),
    ]


def _preferred(path: str, record: Workout) -> tuple[bool, bool, datetime]:
    """Of two copies, the finished one, then the one under the name bandtimer gave it, then the
    one saved last (a renamed routine's workout, caught between its old file and its new)."""
    named = _name(path) == record_path(Path(), record).name  # type: ignore[arg-type]
    return record.status.is_final, named, record.ended


def _name(path: str) -> str:
    return os.path.basename(path)


def _without_finished_twins(names: set[str]) -> list[str]:
    """The names, less in-progress files of workouts that have a finished file.

    The finished file may have another routine name in it (the routine was renamed before the
    workout was resumed and finished): a workout is its device and id, the name's last part.
    """
    in_progress = [name for name in names if name.endswith(IN_PROGRESS_SUFFIX)]
    if not in_progress:
        return list(names)
    finished = {_workout_tail(name) for name in names if not name.endswith(IN_PROGRESS_SUFFIX)}
    return [
        name
        for name in names
        if not name.endswith(IN_PROGRESS_SUFFIX)
        or _workout_tail(name.removesuffix(IN_PROGRESS_SUFFIX) + FINAL_SUFFIX) not in finished
    ]


def _workout_tail(name: str) -> str:
    """`…--laptop-1a2b3c4d.toml` -> `--laptop-1a2b3c4d.toml`: device and id, in string terms."""
    return name[name.rfind("--") :]


class HeldWorkout:
    """One workout this process records or has on offer, under its lock: its only writer.

    A save under a new file name (its routine was renamed, then the workout resumed) removes the
    workout's other in-progress files once the new one is written, so one workout never lies in
    two unfinished files; the final save removes the lock too. `record` is the workout as it was
    on disk when claimed, None for a new one.
    """

    def __init__(
        self,
        store: HistoryStore,
        lock: WorkoutLock | None,
        record: WorkoutRecord | None,
        files: set[Path],
    ) -> None:
        self.record = record
        self._store = store
        self._lock = lock
        self._files = files
        """Its in-progress files on disk, as far as this process knows."""

    def save(self, record: WorkoutRecord) -> Path:
        """Write `record` as this workout's file; raises HistoryWriteError."""
        if not record.status.is_final and (self._lock is None or not self._lock.held):
            lock = lock_path(self._store.history_dir, record)
            try:
                self._lock = WorkoutLock.take(lock)
            except (OSError, WorkoutInUse) as error:
                reason = os_reason(error) if isinstance(error, OSError) else str(error)
                raise HistoryWriteError(lock, reason) from error
        path = self._store.save(record)
        for old in self._files - {path}:
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)
        self._files = set() if record.status.is_final else {path}
        if record.status.is_final and self._lock is not None:
            self._lock.release()
        return path

    def stop(self) -> Path:
        """Close the claimed workout as stopped early, keeping what was done as it was."""
        if self.record is None:
            raise ValueError("only a workout claimed from disk can be stopped this way")
        return self.save(replace(self.record, status=WorkoutStatus.STOPPED_EARLY))

    def release(self) -> None:
        """Let go of the workout, as it is on disk, for this or another process to take up."""
        if self._lock is not None:
            self._lock.release()


@dataclass(frozen=True)
class _Listing:
    files: list[tuple[str, Path]]
    """(file name, folder) pairs: the name first, so that sorting them sorts by time."""
    problems: list[HistoryProblem]

    def newest_first(self) -> list[tuple[str, Path]]:
        """File names start with the start time, so sorting names sorts workouts."""
        return sorted(self.files, reverse=True)

    @staticmethod
    def paths(files: Iterable[tuple[str, Path]]) -> list[Path]:
        return [folder / name for name, folder in files]


def _year_folders(history_dir: Path, problems: list[HistoryProblem]) -> list[Path]:
    try:
        with os.scandir(history_dir) as entries:
            return [
                Path(entry.path)
                for entry in entries
                if _YEAR.fullmatch(entry.name) and entry.is_dir()
            ]
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(HistoryProblem(history_dir, f"cannot list the folder: {os_reason(error)}"))
        return []
