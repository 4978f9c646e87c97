"""Routine files on disk: reading one, and finding all of them.

Routines are TOML files that people write and edit by hand (see docs/routine-format.md), so
anything can be in them: typos, the wrong encoding, a folder named `x.toml`, a megabyte of junk.
Loading never lets an exception other than `RoutineError` out, and that error lists every problem
with file, line, exercise and field, so `bandtimer check` and the menu can show all of them and
the person fixes the file in one go. A broken file is listed with its problems rather than
skipped: a routine that silently vanishes from the menu is harder to fix than one that says why.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from bandtimer.domain.routine import Routine
from bandtimer.domain.routine_search import SearchText, routine_fields
from bandtimer.domain.text import visible_controls
from bandtimer.storage.bounded_file import UnreadableFile, file_details, read_bounded
from bandtimer.storage.routines.cache import Document, RoutineCache
from bandtimer.storage.routines.problems import Problem, RoutineError
from bandtimer.storage.routines.toml_lines import LineIndex
from bandtimer.storage.routines.validation import build_routine

__all__ = [
    "MAX_ROUTINE_BYTES",
    "Origin",
    "Problem",
    "RoutineEntry",
    "RoutineError",
    "discover_routines",
    "find_routine",
    "load_routine",
    "parse_routine",
]

MAX_ROUTINE_BYTES = 1024 * 1024
"""A routine is a page of text; anything bigger is not one, and is not read into memory."""

Origin = Literal["shipped", "user"]

TOO_LONG_A_NUMBER = "is not a usable TOML file: it holds a number thousands of digits long"

_TOML_POSITION = re.compile(
    r"^(?P<reason>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)"
    r"|(?P<end>at end of document))\)$",
    re.DOTALL,
)
_PYTHON_KEY = re.compile(r"\(((?:'[^']*', ?)+(?:'[^']*')?)\)")


def load_routine(path: Path, cache: RoutineCache | None = None) -> Routine:
    """The routine in the file at `path`; raises RoutineError for anything wrong with it.

    With a `cache`, a file unchanged since it was cached is not read or parsed again."""
    info = _stat_routine_file(path)
    if cache is None:
        return parse_routine(_read_text(path), path)
    known = cache.parsed(path, info)
    if known is not None:
        document, lines = known
        with contextlib.suppress(RoutineError):  # read afresh below to place every problem
            return build_routine(document, path, lines)
    document, lines = _parse(_read_text(path), path)
    routine = build_routine(document, path, lines)
    cache.remember(path, info, document, lines)  # only a file that makes a routine is kept
    return routine


def parse_routine(text: str, path: Path) -> Routine:
    """The routine in `text`, read from `path` (used in messages and kept as `Routine.path`)."""
    document, lines = _parse(text, path)
    return build_routine(document, path, lines)


def _parse(text: str, path: Path) -> tuple[Document, LineIndex]:
    """The TOML document in `text` and the line of each of its keys."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineError([_syntax_problem(str(error), path)]) from None
    except RecursionError:
        raise _file_error(path, "is not a usable TOML file: it nests values too deeply") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise _file_error(path, TOO_LONG_A_NUMBER) from None
    return document, LineIndex.scan(text)


def _stat_routine_file(path: Path) -> os.stat_result:
    """The file's details, if it is a regular file small enough to be a routine."""
    try:
        return file_details(path, MAX_ROUTINE_BYTES, kind="routine file")
    except UnreadableFile as error:
        raise _refused(path, error) from None


def _read_text(path: Path) -> str:
    """The text of the routine file at `path`, read by the one bounded reader."""
    try:
        data = read_bounded(path, MAX_ROUTINE_BYTES, kind="routine file")
    except UnreadableFile as error:
        raise _refused(path, error) from None
    try:
        return data.decode("utf-8-sig")  # a byte-order mark from a Windows editor is harmless
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise _file_error(
            path,
            f"is not UTF-8 text: byte 0x{data[error.start]:02x} at byte offset {error.start} "
            f"(column {column}) cannot be decoded; save the file as UTF-8",
            line,
        ) from None


def _refused(path: Path, error: UnreadableFile) -> RoutineError:
    return _too_big(path, error.size) if error.size is not None else _file_error(path, error.reason)


def _too_big(path: Path, size: int) -> RoutineError:
    return _file_error(
        path,
        f"is {size:,} bytes; a routine file can be at most 1 MiB ({MAX_ROUTINE_BYTES:,} bytes)",
    )


def _file_error(path: Path, message: str, line: int | None = None) -> RoutineError:
    return RoutineError([Problem(path, line, None, None, None, message)])


def _syntax_problem(description: str, path: Path) -> Problem:
    """tomllib's "Reason (at line 3, column 7)" as a problem at line 3."""
    match = _TOML_POSITION.match(description)
    line: int | None = None
    reason, where = description, ""
    if match is not None:
        reason = match["reason"]
        if match["line"] is not None:
            line, where = int(match["line"]), f" (column {match['column']})"
        else:
            where = " (at the end of the file)"
    # tomllib names keys as Python tuples, "Cannot declare ('timing',) twice": say `timing`.
    reason = _PYTHON_KEY.sub(lambda key: ".".join(re.findall(r"'([^']*)'", key[1])), reason)
    reason = reason[:1].lower() + reason[1:]
    return Problem(path, line, None, None, None, f"is not valid TOML: {reason}{where}")


@dataclass(frozen=True)
class RoutineEntry:
    """A routine file found on disk, usable or not; a broken one carries its problems."""

    path: Path
    routine: Routine | None
    problems: tuple[Problem, ...]
    origin: Origin

    @property
    def name(self) -> str:
        """The routine's name, or the file's name without `.toml` when it could not be read."""
        if self.routine is not None:
            return self.routine.name
        return visible_controls(self.path.stem)  # a file name is shown, never obeyed

    @property
    def ok(self) -> bool:
        return self.routine is not None

    @cached_property
    def searchable(self) -> SearchText:
        """Everything the menu's filter looks in, case-folded: made once per reading, not on
        every key typed."""
        return SearchText(routine_fields(self.name, self.path.name, self.routine))


def load_entry(path: Path, origin: Origin, cache: RoutineCache | None = None) -> RoutineEntry:
    """The file at `path` as an entry: its routine, or its problems."""
    try:
        return RoutineEntry(path, load_routine(path, cache), (), origin)
    except RoutineError as error:
        return RoutineEntry(path, None, error.problems, origin)


def discover_routines(
    shipped_dir: Path, user_dir: Path, cache: RoutineCache | None = None
) -> list[RoutineEntry]:
    """Every routine file in both folders, sorted by name, broken ones included.

    A user's routine replaces a shipped one with the same name, ignoring case, so the way to
    change a shipped routine is to copy it and edit the copy. Neither folder has to exist, and
    neither is created. A `cache` is saved once both folders have been read.
    """
    shipped = _entries_in(shipped_dir, "shipped", cache)
    users = _entries_in(user_dir, "user", cache)
    if cache is not None:
        cache.save()
    replaced = {entry.name.casefold() for entry in users if entry.ok}
    kept = [entry for entry in shipped if not (entry.ok and entry.name.casefold() in replaced)]
    return sorted(
        [*kept, *users], key=lambda entry: (entry.name.casefold(), entry.origin, entry.path)
    )


def _entries_in(folder: Path, origin: Origin, cache: RoutineCache | None) -> list[RoutineEntry]:
    try:
        paths = sorted(
            path
            for path in folder.iterdir()
            if path.suffix == ".toml" and not path.name.startswith(".")
        )
    except FileNotFoundError:
        return []
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        problem = Problem(folder, None, None, None, None, f"cannot list the folder: {reason}")
        return [RoutineEntry(folder, None, (problem,), origin)]
    return [load_entry(path, origin, cache) for path in paths]


def find_routine(entries: Iterable[RoutineEntry], name_or_path: str | Path) -> RoutineEntry | None:
    """The entry a person means by `name_or_path`: a file, else a routine name, else a file stem.

    An existing file that is not among `entries` is loaded, so `bandtimer run ./mine.toml` works
    for a routine kept anywhere. Names and stems are matched ignoring case.
    """
    entries = list(entries)
    path = Path(name_or_path)
    if path.is_file():
        for entry in entries:
            if _same_file(entry.path, path):
                return entry
        return load_entry(path, "user")
    wanted = str(name_or_path).strip().casefold()
    for matches in (
        lambda entry: entry.name.casefold() == wanted,
        lambda entry: entry.path.stem.casefold() == wanted,
    ):
        for entry in entries:
            if matches(entry):
                return entry
    return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
